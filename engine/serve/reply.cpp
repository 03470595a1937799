#include "serve/reply.h"

#include "util/json.h"

namespace banshi::serve {

namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

// The findings as `check --json` writes them, each with the form field it
// concerns first when there is one.
void findings_array(JsonWriter& w, const Diagnostics& diags, Lang lang, const std::vector<std::string>& fields = {}) {
  w.key("findings").begin_array();
  for (size_t i = 0; i < diags.items().size(); ++i) {
    std::string item = diags.items()[i].to_json(lang);
    if (i < fields.size() && !fields[i].empty()) item.insert(1, "\"field\":" + json_quote(fields[i]) + ",");
    w.raw(item);
  }
  w.end_array();
}

}  // namespace

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t v = static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
                       static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (i < bytes.size()) {
    uint32_t v = static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string findings_json(const Diagnostics& diags, Lang lang, const Extra& extra) {
  JsonWriter w;
  w.begin_object();
  w.key("status").value(diags.has_errors() ? 2 : 0);
  w.key("summary").value(count_summary(diags, lang));
  w.key("errors").value(diags.count(Severity::Error));
  w.key("warnings").value(diags.count(Severity::Warning));
  w.key("notes").value(diags.count(Severity::Note));
  if (extra.pages) w.key("pages").value(*extra.pages);
  if (extra.partial) w.key("partial").value(true);
  if (!extra.template_name.empty()) w.key("template").value(extra.template_name);
  if (!extra.form_json.empty()) w.key("fields").raw(extra.form_json);
  findings_array(w, diags, lang, extra.fields);
  if (extra.pdf) w.key("pdf").value(base64(*extra.pdf));
  w.end_object();
  return w.str();
}

Reply error_reply(int http_status, const Diagnostic& d, Lang lang) {
  JsonWriter w;
  w.begin_object();
  w.key("status").value(http_status >= 500 && http_status != 503 ? 1 : 2);
  w.key("code").value(d.code_str());
  w.key("error").value(d.message_text(lang));
  Diagnostics one;
  one.add(d);
  findings_array(w, one, lang);
  w.end_object();
  return {http_status, kJson, w.str(), {}, {}};
}

Reply bad_input_reply(const Diagnostics& diags, Lang lang, const Extra& extra) {
  const Diagnostic* first = nullptr;
  for (const auto& d : diags.items())
    if (d.severity == Severity::Error) {
      first = &d;
      break;
    }
  JsonWriter w;
  w.begin_object();
  w.key("status").value(2);
  w.key("code").value(first ? first->code_str() : std::string_view{});
  w.key("error").value(first ? first->format(lang) : std::string{});
  w.key("summary").value(count_summary(diags, lang));
  w.key("errors").value(diags.count(Severity::Error));
  w.key("warnings").value(diags.count(Severity::Warning));
  findings_array(w, diags, lang, extra.fields);
  w.end_object();
  return {400, kJson, w.str(), {}, {}};
}

}  // namespace banshi::serve
