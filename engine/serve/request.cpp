#include "serve/request.h"

#include "serve/request_error.h"
#include "util/utf8.h"

namespace banshi::serve {

namespace {

// A parameter's value, from the query or a form part of that name.
struct Parameters {
  std::map<std::string, std::string> form;
  const httplib::Request& req;

  std::optional<std::string> get(const std::string& name) const {
    if (req.has_param(name)) return req.get_param_value(name);
    if (const auto it = form.find(name); it != form.end()) return it->second;
    return std::nullopt;
  }
};

// Parts whose value is a short parameter, not a file or a text.
bool is_parameter(const std::string& name) {
  return name == "template" || name == "impose" || name == "lang" || name == "format";
}

constexpr size_t kMaxParameterBytes = 256;

std::optional<Imposition> read_impose(const std::optional<std::string>& v) {
  if (!v || v->empty()) return std::nullopt;
  if (*v == "none" || *v == "a4") return Imposition::None;
  if (*v == "a3-booklet" || *v == "booklet") return Imposition::A3Booklet;
  throw RequestError("serve.bad-parameter", {{"name", "impose"}, {"value", *v}});
}

std::string content_type_base(const httplib::Request& req) {
  std::string t = req.get_header_value("Content-Type");
  if (const size_t semi = t.find(';'); semi != std::string::npos) t.resize(semi);
  while (!t.empty() && t.back() == ' ') t.pop_back();
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return t;
}

}  // namespace

std::string upload_name(std::string_view sent, std::string_view fallback) {
  const size_t slash = sent.find_last_of("/\\");
  if (slash != std::string_view::npos) sent.remove_prefix(slash + 1);
  std::string out;
  size_t i = 0;
  while (i < sent.size() && out.size() < 200) {
    const size_t start = i;
    const char32_t c = utf8_next(sent, i);
    if (c < 0x20 || c == 0x7F || c == 0xFFFD) continue;
    out.append(sent.substr(start, i - start));
  }
  if (out.empty() || out == "." || out == "..") return std::string(fallback);
  return out;
}

Lang request_lang(const httplib::Request& req) {
  if (req.has_param("lang")) {
    const std::string v = req.get_param_value("lang");
    if (const auto lang = parse_lang(v)) return *lang;
    throw RequestError("serve.bad-parameter", {{"name", "lang"}, {"value", v}});
  }
  // "en-US,en;q=0.9,zh-CN;q=0.8": the first tag banshi speaks decides.
  const std::string accept = req.get_header_value("Accept-Language");
  size_t start = 0;
  while (start < accept.size()) {
    size_t end = accept.find(',', start);
    if (end == std::string::npos) end = accept.size();
    std::string tag = accept.substr(start, end - start);
    if (const size_t semi = tag.find(';'); semi != std::string::npos) tag.resize(semi);
    while (!tag.empty() && tag.front() == ' ') tag.erase(tag.begin());
    if (const auto lang = parse_lang(tag)) return *lang;
    start = end + 1;
  }
  return Lang::Zh;
}

Submission read_submission(Action action, const httplib::Request& req, const httplib::ContentReader& reader,
                           const RequestLimits& limits) {
  Submission s;
  s.action = action;
  Parameters params{{}, req};
  size_t total = 0;
  bool too_large = false;
  auto count = [&](size_t n) {
    total += n;
    if (total > limits.max_bytes) too_large = true;
    return !too_large;
  };

  const std::string type = content_type_base(req);
  if (req.is_multipart_form_data()) {
    std::string part;  // the name of the part being read
    bool any_part = false;
    std::string* into = nullptr;
    bool bad_part = false;
    std::string bad_name;
    const bool read = reader(
        [&](const httplib::MultipartFormData& f) {
          any_part = true;
          part = f.name;
          if (part == "report") {
            if (s.report) return bad_part = true, bad_name = part, false;
            s.report = Upload{upload_name(f.filename, "report.xml"), {}};
            into = &s.report->bytes;
          } else if (part == "figure") {
            if (s.figures.size() >= limits.max_figures) return bad_part = true, bad_name = part, false;
            s.figures.push_back({upload_name(f.filename, "figure"), {}});
            into = &s.figures.back().bytes;
          } else if (part == "text") {
            s.text.emplace();
            into = &*s.text;
          } else if (part == "fields") {
            s.fields.emplace();
            into = &*s.fields;
          } else if (is_parameter(part)) {
            into = &params.form[part];
          } else {
            bad_part = true;
            bad_name = part;
            return false;
          }
          return true;
        },
        [&](const char* data, size_t n) {
          if (!count(n)) return false;
          if (is_parameter(part) && into->size() + n > kMaxParameterBytes) {
            bad_part = true;
            bad_name = part;
            return false;
          }
          into->append(data, n);
          return true;
        });
    if (too_large) throw RequestError("serve.too-large", {{"limit", std::to_string(limits.max_bytes >> 20)}}, 413);
    if (bad_part) throw RequestError("serve.bad-part", {{"name", upload_name(bad_name, "?")}});
    // A form without any part: the library calls that unreadable; it is
    // only empty.
    if (!read && any_part) throw RequestError("serve.bad-body");
  } else {
    std::string body;
    const bool read = reader([&](const char* data, size_t n) {
      if (!count(n)) return false;
      body.append(data, n);
      return true;
    });
    if (too_large) throw RequestError("serve.too-large", {{"limit", std::to_string(limits.max_bytes >> 20)}}, 413);
    if (!read) throw RequestError("serve.bad-body");
    if (type == "application/json") s.fields = std::move(body);
    else if (type == "text/plain") s.text = std::move(body);
    else if (!body.empty()) s.report = Upload{upload_name(req.get_param_value("name"), "report.xml"), std::move(body)};
  }

  // The parameters are checked once the body is read, so an answer never
  // leaves a body unread on a connection that goes on.
  s.lang = request_lang(req);
  if (const auto t = params.get("template")) s.template_name = *t;
  s.impose = read_impose(params.get("impose"));
  if (const auto v = params.get("pdfa"); v && !v->empty()) {
    if (*v != "yes" && *v != "no") throw RequestError("serve.bad-parameter", {{"name", "pdfa"}, {"value", *v}});
    s.pdfa = *v == "yes";
  }
  if (const auto lang = params.form.find("lang"); lang != params.form.end()) {
    const auto l = parse_lang(lang->second);
    if (!l) throw RequestError("serve.bad-parameter", {{"name", "lang"}, {"value", lang->second}});
    s.lang = *l;
  }
  if (const auto f = params.get("format"); f && !f->empty() && *f != "pdf")
    throw RequestError("serve.bad-parameter", {{"name", "format"}, {"value", *f}});
  if (s.text && s.report) throw RequestError("serve.report-and-text");
  return s;
}

}  // namespace banshi::serve
