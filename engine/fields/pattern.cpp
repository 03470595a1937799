#define PCRE2_CODE_UNIT_WIDTH 8
#include "fields/pattern.h"

#include <pcre2.h>

namespace banshi {

struct Pattern::Code {
  explicit Code(pcre2_code* c) : code(c) {}
  ~Code() { pcre2_code_free(code); }
  Code(const Code&) = delete;
  Code& operator=(const Code&) = delete;
  pcre2_code* code;
};

namespace {

struct MatchData {
  explicit MatchData(const pcre2_code* code) : data(pcre2_match_data_create_from_pattern(code, nullptr)) {}
  ~MatchData() { pcre2_match_data_free(data); }
  MatchData(const MatchData&) = delete;
  MatchData& operator=(const MatchData&) = delete;
  pcre2_match_data* data;
};

}  // namespace

std::variant<Pattern, std::string> Pattern::compile(std::string_view pattern) {
  // Anchored at both ends: the whole value, as std::regex_match and
  // <input pattern> take it — at the end PCRE2 backtracks into the other
  // alternatives rather than fail (a|ab matches "ab").
  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code =
      pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                    PCRE2_ANCHORED | PCRE2_ENDANCHORED | PCRE2_UTF | PCRE2_ALT_BSUX, &error, &offset, nullptr);
  if (!code) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error, message, sizeof message);
    return std::string(reinterpret_cast<const char*>(message)) + " (at " + std::to_string(offset) + ")";
  }
  return Pattern(std::make_shared<const Code>(code));
}

bool Pattern::matches_whole(std::string_view value) const {
  if (!code_) return false;
  const MatchData match(code_->code);
  if (!match.data) return false;
  return pcre2_match(code_->code, reinterpret_cast<PCRE2_SPTR>(value.data()), value.size(), 0, 0, match.data,
                     nullptr) >= 0;
}

}  // namespace banshi
