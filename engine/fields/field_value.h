// Checking a value the applicant wrote against its field's row in the
// table: a date that exists, an ID or phone number of the right form, one
// of a choice's values. The reader, the Word import and the web form all
// check with this, so they refuse the same values in the same words.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "fields/field_table.h"
#include "model/document.h"
#include "util/diag.h"

namespace banshi {

// What a check found: the value (a date parsed) or what is wrong with it.
struct FieldCheck {
  std::optional<model::Date> date;
  std::optional<Message> problem;
};

// Checks a non-empty `value` of field `f`. The message follows the field's
// path and label: "\"2025-02-30\" is not a valid date: 2025-02 has 28 days".
FieldCheck check_field_value(const FieldSpec& f, std::string_view value);

// ISO dates: "2025-10-15"; with `allow_month_only` also "1979-12". Returns
// the date or the problem.
std::variant<model::Date, Message> parse_date(std::string_view s, bool allow_month_only);

// How a field's value prints on the form: a date as 2025 年 10 月 15 日 (a
// year-month as 1979 年 12 月), a date not given as its blank form for the
// applicant to fill in by hand (年　　月　　日), other values as written.
std::string printed_value(const FieldSpec& f, const model::FieldValue* v);

// A field not given takes the value of the field its row names as default
// (立项项目名称 is the 项目名称), at that field's place when it was not
// written at all. The XML reader and the Word import both apply it.
void apply_field_defaults(model::Report& report);

// "2025 年 6 月 30 日", "1979 年 12 月".
std::string format_date(const model::Date& d);

}  // namespace banshi
