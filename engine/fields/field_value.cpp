#include "fields/field_value.h"

namespace banshi {

namespace {

std::optional<int> digits(std::string_view s, size_t count) {
  if (s.size() != count) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string two_digits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// Report dates are recent; a year outside this range is a typo ("0225").
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

bool matches(const FieldSpec& f, std::string_view value) { return f.compiled.matches_whole(value); }

// The value with the letters people type for digits (O for 0, l and I for
// 1) put right, where the pattern wants a digit: BZ25YB1O9 → BZ25YB109.
std::optional<std::string> with_digits_for_letters(const FieldSpec& f, std::string_view value) {
  std::string fixed(value);
  bool changed = false;
  for (char& c : fixed) {
    const char digit = c == 'O' || c == 'o' ? '0' : c == 'l' || c == 'I' ? '1' : '\0';
    if (!digit) continue;
    c = digit;
    changed = true;
  }
  if (!changed || !matches(f, fixed)) return std::nullopt;
  return fixed;
}

}  // namespace

std::variant<model::Date, Message> parse_date(std::string_view s, bool allow_month_only) {
  const MessageCode form = allow_month_only ? MessageCode("date.form-year-month") : MessageCode("date.form");
  if (s.empty()) return Message{allow_month_only ? MessageCode("date.empty-year-month") : MessageCode("date.empty")};
  std::optional<int> y, m, day;
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    y = digits(s.substr(0, 4), 4);
    m = digits(s.substr(5, 2), 2);
    day = digits(s.substr(8, 2), 2);
  } else if (allow_month_only && s.size() == 7 && s[4] == '-') {
    y = digits(s.substr(0, 4), 4);
    m = digits(s.substr(5, 2), 2);
    day = 0;
  }
  if (!y || !m || !day) return Message{form, {{"value", s}}};
  if (*y < kMinYear || *y > kMaxYear) return Message{"date.year", {{"value", s}, {"min", kMinYear}, {"max", kMaxYear}}};
  if (*m < 1 || *m > 12) return Message{"date.month", {{"value", s}, {"month", two_digits(*m)}}};
  if (*day != 0 && (*day < 1 || *day > days_in_month(*y, *m)))
    return Message{
        "date.day",
        {{"value", s}, {"year", *y}, {"month", two_digits(*m)}, {"month-number", *m}, {"days", days_in_month(*y, *m)}}};
  model::Date d;
  d.year = *y;
  d.month = *m;
  d.day = *day;
  return d;
}

FieldCheck check_field_value(const FieldSpec& f, std::string_view value) {
  FieldCheck out;
  switch (f.type) {
    case FieldType::Text: break;
    case FieldType::Date:
    case FieldType::YearMonth: {
      auto parsed = parse_date(value, f.type == FieldType::YearMonth);
      if (auto* problem = std::get_if<Message>(&parsed)) out.problem = std::move(*problem);
      else out.date = std::get<model::Date>(parsed);
      break;
    }
    case FieldType::Id:
    case FieldType::Phone: {
      const std::string v(value);
      if (matches(f, v)) break;
      const bool id = f.type == FieldType::Id;
      Args args{{"value", v}, {"label", f.label}, {"example", f.example}, {"format", Localized{f.format_en, f.format}}};
      if (auto fixed = with_digits_for_letters(f, value)) {
        args.add({"fixed", *fixed});
        out.problem =
            Message{id ? MessageCode("id.letter-for-digit") : MessageCode("phone.letter-for-digit"), std::move(args)};
      } else {
        out.problem = Message{id ? MessageCode("id.pattern") : MessageCode("phone.pattern"), std::move(args)};
      }
      break;
    }
    case FieldType::Choice:
      if (f.option(value)) break;
      std::vector<Message> allowed;
      for (const auto& o : f.options) allowed.push_back({"choice.option", {{"value", o.value}, {"label", o.label}}});
      out.problem = Message{"choice.invalid", {{"value", value}, {"allowed", allowed}}};
      break;
  }
  return out;
}

std::string format_date(const model::Date& d) {
  std::string s = std::to_string(d.year) + " 年";
  if (d.month) s += " " + std::to_string(d.month) + " 月";
  if (d.day) s += " " + std::to_string(d.day) + " 日";
  return s;
}

std::string printed_value(const FieldSpec& f, const model::FieldValue* v) {
  if (f.type == FieldType::Date || f.type == FieldType::YearMonth) {
    if (v && v->date) return format_date(*v->date);
    // Not given: the blank for the applicant to fill in by hand.
    return f.type == FieldType::Date ? "年　　月　　日" : "年　　月";
  }
  return v ? v->text : std::string();
}

void apply_field_defaults(model::Report& report) {
  for (auto& g : report.form) {
    const FieldGroupSpec* spec = report_fields().group(g.name);
    if (!spec) continue;
    for (const auto& f : spec->fields) {
      if (f.default_from.empty()) continue;
      const FieldSpec* from = report_fields().find(f.default_from);
      const model::FieldGroup* source = from ? report.group(from->group) : nullptr;
      const model::FieldValue* value = source ? source->find(from->name) : nullptr;
      if (!value) continue;
      auto it = g.values.find(f.name);
      if (it == g.values.end()) {
        model::FieldValue copy = *value;
        copy.defaulted = true;
        g.values[f.name] = std::move(copy);
      } else if (it->second.text.empty()) {
        it->second.text = value->text;
        it->second.defaulted = true;
      }
    }
  }
}

}  // namespace banshi
