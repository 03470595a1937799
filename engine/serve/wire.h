// Numbers and length-prefixed strings in a fixed order, for the messages
// between the HTTP process, the render host and its jobs: both ends are
// this program on this machine, so native byte order is fine. A short or
// garbled message is an EngineError, never a read past the end.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace banshi::serve {

class WireWriter {
 public:
  template <typename T>
  requires std::is_arithmetic_v<T> || std::is_enum_v<T> WireWriter& put(T v) {
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
    return *this;
  }
  WireWriter& put(std::string_view s) {
    put(static_cast<uint64_t>(s.size()));
    out_.append(s);
    return *this;
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class WireReader {
 public:
  explicit WireReader(std::string_view in) : in_(in) {}
  template <typename T>
  requires std::is_arithmetic_v<T> || std::is_enum_v<T> T get() {
    T v;
    std::memcpy(&v, take(sizeof v).data(), sizeof v);
    return v;
  }
  std::string get_string() { return std::string(take(get<uint64_t>())); }
  bool at_end() const { return in_.empty(); }

 private:
  std::string_view take(uint64_t n);
  std::string_view in_;
};

}  // namespace banshi::serve
