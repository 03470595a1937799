#include "pdf/cff_charstring.h"

#include <array>
#include <cstdint>

namespace banshi::pdf::cff {

namespace {

// A token's length by its first byte: an operand's (Type 2 numbers: 1, 2,
// 3 or 5 bytes), 0 for an operator. One look-up per token is most of what
// stripping costs: nine tokens in ten are operands (FandolFang).
constexpr std::array<uint8_t, 256> kOperandLength = [] {
  std::array<uint8_t, 256> len{};
  len[28] = 3;
  for (unsigned b = 32; b <= 246; ++b) len[b] = 1;
  for (unsigned b = 247; b <= 254; ++b) len[b] = 2;
  len[255] = 5;
  return len;
}();

}  // namespace

std::string strip_hints(std::string_view cs) {
  // The hints are a few short ranges of the charstring (a stem operator
  // with its operands, a mask with its bytes): everything between them is
  // copied as one run, not operator by operator. A run ends where a
  // hint's operands begin, which is just after the operator before it.
  std::string out;
  out.reserve(cs.size());
  size_t copied = 0;      // the input before this is in `out` or dropped
  size_t args_begin = 0;  // the pending operands' start
  size_t stems = 0;
  bool first_clear = true;  // the width may come with the first clearing op
  bool width_kept = false;  // a width kept from a hint awaits an operator
  const auto n = cs.size();
  const auto length = [&](size_t at) { return kOperandLength[static_cast<unsigned char>(cs[at])]; };
  size_t i = 0;
  while (i < n) {
    if (const unsigned len = length(i)) {
      i += len;  // may pass the end: checked once, after the loop
      continue;
    }
    const size_t op_at = i;
    const unsigned op = static_cast<unsigned char>(cs[i]);
    i += op == 12 ? 2 : 1;
    switch (op) {
      case 10:
      case 29:  // subroutine calls: hints this cannot see, kept as is
        return std::string(cs);
      case 1:
      case 3:
      case 18:
      case 23:  // stems
      case 19:
      case 20: {  // hintmask, cntrmask
        // Only hints count their operands (the stems they add): the
        // other operators' are copied unread.
        size_t args = 0;
        for (size_t k = args_begin; k < op_at; k += length(k)) ++args;
        size_t drop_from = args_begin;
        if (first_clear) {
          // An odd operand before stems (pairs) is the width: it stays.
          if (args % 2 == 1) {
            drop_from += length(args_begin);
            --args;
            width_kept = true;
          }
          first_clear = false;
        }
        stems += args / 2;  // a mask's operands are implicit vstems
        if (op == 19 || op == 20) i += (stems + 7) / 8;
        out.append(cs, copied, drop_from - copied);
        copied = i;
        break;
      }
      case 21:
      case 22:
      case 4:
      case 14:  // stack-clearing: the width, if any, is their first operand, and stays
        first_clear = false;
        [[fallthrough]];
      default:  // kept with its operands
        width_kept = false;
    }
    args_begin = i;
  }
  // A token past the end, operands without an operator, or a width with
  // nothing after it: not a charstring this understands.
  if (i > n || args_begin < n || width_kept) return std::string(cs);
  out.append(cs, copied, n - copied);
  return out;
}

std::optional<std::string> Flattener::flatten(std::string_view cs, const Index* lsubrs) {
  lsubrs_ = lsubrs;
  out_.clear();
  stack_ = 0;
  stems_ = 0;
  last_number_ = std::string::npos;
  last_value_ = 0;
  done_ = false;
  ok_ = true;
  run(cs, 0);
  if (!ok_ || !done_) return std::nullopt;
  return out_;
}

void Flattener::run(std::string_view cs, int depth) {
  if (depth > 10) {
    ok_ = false;
    return;
  }
  size_t i = 0;
  auto u8 = [&](size_t k) -> int {
    if (k >= cs.size()) {
      ok_ = false;
      return 0;
    }
    return static_cast<unsigned char>(cs[k]);
  };
  while (i < cs.size() && ok_ && !done_) {
    const int b0 = u8(i);
    size_t len = 0;
    long value = 0;
    if (b0 >= 32 && b0 <= 246) {
      len = 1;
      value = b0 - 139;
    } else if (b0 >= 247 && b0 <= 250) {
      len = 2;
      value = (b0 - 247) * 256 + u8(i + 1) + 108;
    } else if (b0 >= 251 && b0 <= 254) {
      len = 2;
      value = -(b0 - 251) * 256 - u8(i + 1) - 108;
    } else if (b0 == 28) {
      len = 3;
      value = static_cast<int16_t>((u8(i + 1) << 8) | u8(i + 2));
    } else if (b0 == 255) {
      len = 5;  // 16.16 fixed: never a subroutine number
      value = 1L << 40;
    }
    if (len > 0) {
      if (i + len > cs.size()) {
        ok_ = false;
        return;
      }
      last_number_ = out_.size();
      last_value_ = value;
      out_.append(cs.data() + i, len);
      ++stack_;
      i += len;
      continue;
    }
    i += 1;
    if (b0 == 10 || b0 == 29) {  // callsubr, callgsubr: the body instead
      const auto* subrs = b0 == 10 ? lsubrs_ : &gsubrs_;
      if (!subrs || last_number_ == std::string::npos || last_number_ + 5 < out_.size() || stack_ == 0) {
        ok_ = false;
        return;
      }
      const long k = last_value_ + bias(subrs->size());
      if (k < 0 || static_cast<size_t>(k) >= subrs->size()) {
        ok_ = false;
        return;
      }
      const auto body = subrs->at(static_cast<size_t>(k));
      if (!body) {
        ok_ = false;
        return;
      }
      out_.resize(last_number_);  // the subroutine number goes
      --stack_;
      last_number_ = std::string::npos;
      run(*body, depth + 1);
      continue;
    }
    if (b0 == 11) return;  // return: back in the caller
    last_number_ = std::string::npos;
    out_ += static_cast<char>(b0);
    switch (b0) {
      case 1:
      case 3:
      case 18:
      case 23:  // stems
        stems_ += stack_ / 2;
        stack_ = 0;
        break;
      case 19:
      case 20: {  // hintmask, cntrmask: operands are implicit vstems
        stems_ += stack_ / 2;
        stack_ = 0;
        const size_t bytes = static_cast<size_t>((stems_ + 7) / 8);
        if (i + bytes > cs.size()) {
          ok_ = false;
          return;
        }
        out_.append(cs.data() + i, bytes);
        i += bytes;
        break;
      }
      case 14:  // endchar
        done_ = true;
        return;
      case 12: {  // two-byte operators: flex is fine, arithmetic is not
        const int b1 = u8(i);
        i += 1;
        if (b1 < 34 || b1 > 37) {
          ok_ = false;
          return;
        }
        out_ += static_cast<char>(b1);
        stack_ = 0;
        break;
      }
      default:  // path operators
        stack_ = 0;
    }
  }
}

}  // namespace banshi::pdf::cff
