#include "pdf/md5.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace banshi::pdf {

namespace {

// RFC 1321 §3.4: the integer part of 2³² × |sin(i + 1)|, and the rotations.
constexpr std::array<uint32_t, 64> kSine = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};
constexpr std::array<int, 16> kShift = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};

uint32_t load_le(const unsigned char* p) {
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}

}  // namespace

// One step of a round: `f` is the round's function of b, c and d already
// applied; unrolled (all 64 steps in line, indices constant) it is about
// nine instructions.
#define BANSHI_MD5_STEP(a, b, f, x, i) a = b + std::rotl(a + (f) + kSine[i] + m[x], kShift[(i) / 16 * 4 + (i) % 4])

void Md5::block(const unsigned char* p) {
  std::array<uint32_t, 16> m;
  for (int k = 0; k < 16; ++k) m[k] = load_le(p + 4 * k);
  uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3];
#pragma GCC unroll 4
  for (int i = 0; i < 16; i += 4) {
    BANSHI_MD5_STEP(a, b, (b & c) | (~b & d), i, i);
    BANSHI_MD5_STEP(d, a, (a & b) | (~a & c), i + 1, i + 1);
    BANSHI_MD5_STEP(c, d, (d & a) | (~d & b), i + 2, i + 2);
    BANSHI_MD5_STEP(b, c, (c & d) | (~c & a), i + 3, i + 3);
  }
#pragma GCC unroll 4
  for (int i = 16; i < 32; i += 4) {
    BANSHI_MD5_STEP(a, b, (d & b) | (~d & c), (5 * i + 1) % 16, i);
    BANSHI_MD5_STEP(d, a, (c & a) | (~c & b), (5 * i + 6) % 16, i + 1);
    BANSHI_MD5_STEP(c, d, (b & d) | (~b & a), (5 * i + 11) % 16, i + 2);
    BANSHI_MD5_STEP(b, c, (a & c) | (~a & d), (5 * i + 16) % 16, i + 3);
  }
#pragma GCC unroll 4
  for (int i = 32; i < 48; i += 4) {
    BANSHI_MD5_STEP(a, b, b ^ c ^ d, (3 * i + 5) % 16, i);
    BANSHI_MD5_STEP(d, a, a ^ b ^ c, (3 * i + 8) % 16, i + 1);
    BANSHI_MD5_STEP(c, d, d ^ a ^ b, (3 * i + 11) % 16, i + 2);
    BANSHI_MD5_STEP(b, c, c ^ d ^ a, (3 * i + 14) % 16, i + 3);
  }
#pragma GCC unroll 4
  for (int i = 48; i < 64; i += 4) {
    BANSHI_MD5_STEP(a, b, c ^ (b | ~d), (7 * i) % 16, i);
    BANSHI_MD5_STEP(d, a, b ^ (a | ~c), (7 * i + 7) % 16, i + 1);
    BANSHI_MD5_STEP(c, d, a ^ (d | ~b), (7 * i + 14) % 16, i + 2);
    BANSHI_MD5_STEP(b, c, d ^ (c | ~a), (7 * i + 21) % 16, i + 3);
  }
  state_[0] += a;
  state_[1] += b;
  state_[2] += c;
  state_[3] += d;
}

#undef BANSHI_MD5_STEP

void Md5::update(std::string_view data) {
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size();
  length_ += n;
  if (pending_size_ > 0) {
    const size_t take = std::min(n, pending_.size() - pending_size_);
    std::memcpy(pending_.data() + pending_size_, p, take);
    pending_size_ += take;
    p += take;
    n -= take;
    if (pending_size_ < pending_.size()) return;
    block(pending_.data());
    pending_size_ = 0;
  }
  for (; n >= 64; p += 64, n -= 64) block(p);
  std::memcpy(pending_.data(), p, n);
  pending_size_ = n;
}

std::array<uint8_t, 16> Md5::finish() {
  // RFC 1321 §3.1–3.2: a 1 bit, zeros to 56 bytes mod 64, the length in
  // bits as 64 bits, least significant byte first.
  const uint64_t bits = length_ * 8;
  unsigned char tail[72] = {0x80};
  const size_t pad = (pending_size_ < 56 ? 56 : 120) - pending_size_;
  for (int k = 0; k < 8; ++k) tail[pad + k] = static_cast<unsigned char>(bits >> (8 * k));
  update(std::string_view(reinterpret_cast<const char*>(tail), pad + 8));
  std::array<uint8_t, 16> out;
  for (int k = 0; k < 16; ++k) out[k] = static_cast<uint8_t>(state_[k / 4] >> (8 * (k % 4)));
  return out;
}

}  // namespace banshi::pdf
