// MD5 (RFC 1321), for the file identifier a PDF's trailer carries: the
// digest of the file written (pdf/file_id). libharu has one, but it copies
// each 64-byte block a byte at a time before hashing it: 3 % of a render's
// instructions for the outcome; this, unrolled, takes 60 % of its time.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace banshi::pdf {

class Md5 {
 public:
  void update(std::string_view data);
  // The digest of everything given to update(); the object is spent.
  std::array<uint8_t, 16> finish();

 private:
  void block(const unsigned char* p);

  std::array<uint32_t, 4> state_ = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  std::array<unsigned char, 64> pending_{};
  size_t pending_size_ = 0;
  uint64_t length_ = 0;  // bytes given so far
};

}  // namespace banshi::pdf
