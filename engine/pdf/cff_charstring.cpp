#include "pdf/cff_charstring.h"

#include <cstdint>

namespace banshi::pdf::cff {

std::string strip_hints(std::string_view cs) {
  std::string out;
  out.reserve(cs.size());
  // Operands sit contiguously before their operator, so the pending ones
  // are a range of the input: where it starts, how many, and the length of
  // the first (which may be the glyph's width).
  size_t args_begin = 0, args = 0, first_len = 0;
  size_t stems = 0;
  bool first_clear = true;  // the width may come with the first clearing op
  std::string_view width;
  size_t i = 0;
  const auto n = cs.size();
  auto byte = [&](size_t k) { return static_cast<unsigned char>(cs[k]); };
  while (i < n) {
    const unsigned b0 = byte(i);
    if (b0 >= 32 || b0 == 28) {
      const size_t len = b0 == 28 ? 3 : b0 <= 246 ? 1 : b0 <= 254 ? 2 : 5;
      if (i + len > n) return std::string(cs);
      if (args++ == 0) {
        args_begin = i;
        first_len = len;
      }
      i += len;
      continue;
    }
    // An operator.
    const size_t op_at = i;
    const size_t op_len = b0 == 12 ? 2 : 1;
    if (i + op_len > n) return std::string(cs);
    i += op_len;
    std::string_view operands = args ? cs.substr(args_begin, op_at - args_begin) : std::string_view{};
    const bool stem = b0 == 1 || b0 == 3 || b0 == 18 || b0 == 23;
    const bool mask = b0 == 19 || b0 == 20;
    if (b0 == 10 || b0 == 29) return std::string(cs);  // subroutine calls: keep as is
    // Stack-clearing operators that may carry the width first.
    const bool clears = stem || mask || b0 == 21 || b0 == 22 || b0 == 4 || b0 == 14;
    if (clears && first_clear) {
      const size_t expected = (b0 == 21) ? 2 : (b0 == 22 || b0 == 4) ? 1 : 0;
      const bool odd = stem || mask ? args % 2 == 1 : args > expected;
      if (odd && args > 0) {
        width = operands.substr(0, first_len);
        operands.remove_prefix(first_len);
        --args;
      }
      first_clear = false;
    }
    if (stem || mask) {
      stems += args / 2;  // a mask's operands are implicit vstems
      args = 0;
      if (mask) {
        const size_t mask_bytes = (stems + 7) / 8;
        if (i + mask_bytes > n) return std::string(cs);
        i += mask_bytes;
      }
      continue;
    }
    if (!width.empty()) {
      out.append(width);
      width = {};
    }
    out.append(operands);
    args = 0;
    out.append(cs.substr(op_at, op_len));
  }
  if (args > 0 || !width.empty()) return std::string(cs);
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
