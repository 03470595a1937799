#include "serve/submission.h"

#include "jobs/wire.h"

namespace banshi::serve {

namespace {

void put_optional(jobs::WireWriter& w, const std::optional<std::string>& s) {
  w.put(static_cast<uint8_t>(s.has_value()));
  if (s) w.put(*s);
}

std::optional<std::string> get_optional(jobs::WireReader& r) {
  if (r.get<uint8_t>() == 0) return std::nullopt;
  return r.get_string();
}

void put_upload(jobs::WireWriter& w, const Upload& u) { w.put(u.name).put(u.bytes); }

Upload get_upload(jobs::WireReader& r) {
  Upload u;
  u.name = r.get_string();
  u.bytes = r.get_string();
  return u;
}

}  // namespace

std::string encode(const Submission& s) {
  jobs::WireWriter w;
  w.put(s.action);
  w.put(static_cast<uint8_t>(s.report.has_value()));
  if (s.report) put_upload(w, *s.report);
  put_optional(w, s.text);
  put_optional(w, s.fields);
  w.put(static_cast<uint64_t>(s.figures.size()));
  for (const auto& f : s.figures) put_upload(w, f);
  w.put(s.template_name);
  w.put(static_cast<int8_t>(s.impose ? static_cast<int>(*s.impose) : -1));
  w.put(static_cast<int8_t>(s.pdfa ? static_cast<int>(*s.pdfa) : -1));
  w.put(s.lang);
  return w.take();
}

Submission decode_submission(std::string_view bytes) {
  jobs::WireReader r(bytes);
  Submission s;
  s.action = r.get<Action>();
  if (r.get<uint8_t>() != 0) s.report = get_upload(r);
  s.text = get_optional(r);
  s.fields = get_optional(r);
  const auto figures = r.get<uint64_t>();
  for (uint64_t i = 0; i < figures; ++i) s.figures.push_back(get_upload(r));
  s.template_name = r.get_string();
  if (const auto impose = r.get<int8_t>(); impose >= 0) s.impose = static_cast<Imposition>(impose);
  if (const auto pdfa = r.get<int8_t>(); pdfa >= 0) s.pdfa = pdfa != 0;
  s.lang = r.get<Lang>();
  return s;
}

std::string encode(const Reply& reply) {
  jobs::WireWriter w;
  w.put(static_cast<int32_t>(reply.status)).put(reply.content_type).put(reply.body).put(reply.filename);
  w.put(static_cast<uint64_t>(reply.timings.size()));
  for (const auto& [name, ms] : reply.timings) w.put(name).put(ms);
  return w.take();
}

Reply decode_reply(std::string_view bytes) {
  jobs::WireReader r(bytes);
  Reply reply;
  reply.status = r.get<int32_t>();
  reply.content_type = r.get_string();
  reply.body = r.get_string();
  reply.filename = r.get_string();
  const auto n = r.get<uint64_t>();
  for (uint64_t i = 0; i < n && !r.at_end(); ++i) {
    std::string name = r.get_string();
    reply.timings.emplace_back(std::move(name), r.get<double>());
  }
  return reply;
}

}  // namespace banshi::serve
