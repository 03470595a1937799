// A minimal JSON writer for machine-readable output (check --json, batch
// reports). Writing only: the engine never needs to read JSON.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace banshi {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(int64_t n);
  JsonWriter& value(int n) { return value(static_cast<int64_t>(n)); }
  JsonWriter& value(size_t n) { return value(static_cast<int64_t>(n)); }
  JsonWriter& value(double d);
  JsonWriter& value(bool b);
  JsonWriter& null();
  // A complete JSON value made elsewhere (another writer's str()), as is.
  JsonWriter& raw(std::string_view json);
  const std::string& str() const { return out_; }

 private:
  void separate();
  std::string out_;
  bool need_comma_ = false;
};

// Escapes a UTF-8 string as a JSON string literal, quotes included.
std::string json_quote(std::string_view s);

}  // namespace banshi
