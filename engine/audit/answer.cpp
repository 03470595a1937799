#include "audit/answer.h"

#include <cstdint>
#include <cstring>

#include "util/diag.h"

namespace banshi::audit {

namespace {

// Numbers and length-prefixed strings in a fixed order; both ends are the
// same binary, so native byte order.
class Writer {
 public:
  void num(int64_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void str(std::string_view s) {
    num(static_cast<int64_t>(s.size()));
    out_.append(s);
  }
  void text(const Text& t) {
    str(t.code);
    num(static_cast<int64_t>(t.args.size()));
    for (const auto& [k, v] : t.args) {
      str(k);
      str(v);
    }
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  int64_t num() {
    int64_t v = 0;
    std::memcpy(&v, take(sizeof v).data(), sizeof v);
    return v;
  }
  std::string str() {
    const int64_t n = num();
    if (n < 0) throw EngineError("audit.internal.garbled-answer");
    return std::string(take(static_cast<size_t>(n)));
  }
  size_t count() {
    const int64_t n = num();
    if (n < 0 || static_cast<uint64_t>(n) > in_.size()) throw EngineError("audit.internal.garbled-answer");
    return static_cast<size_t>(n);
  }
  Text text() {
    Text t(str());
    for (size_t n = count(); n > 0; --n) {
      std::string k = str();
      t.args.emplace_back(std::move(k), str());
    }
    return t;
  }
  bool at_end() const { return in_.empty(); }

 private:
  std::string_view take(size_t n) {
    if (n > in_.size()) throw EngineError("audit.internal.garbled-answer");
    const std::string_view s = in_.substr(0, n);
    in_.remove_prefix(n);
    return s;
  }
  std::string_view in_;
};

}  // namespace

std::string audit_answer(const Auditor& auditor, const std::string& file, const AuditOptions& options) {
  Answer a;
  try {
    a.report = auditor.audit_file(file, options);
  } catch (const UnreadableError& e) {
    a.unreadable = unreadable_text(e);
  } catch (const std::bad_alloc&) {
    throw;  // the pool reports it against the job's memory limit
  } catch (const std::exception& e) {
    // Anything else the reader stumbles on is still about this file.
    a.unreadable = unreadable_text(UnreadableError(Unreadable::Damaged, e.what()));
  }
  return encode_answer(a);
}

std::string encode_answer(const Answer& a) {
  Writer w;
  if (a.unreadable) {
    w.num(0);
    w.text(*a.unreadable);
    return w.take();
  }
  const Report& r = *a.report;
  w.num(1);
  for (const std::string* s : {&r.file, &r.kind, &r.template_name, &r.producer}) w.str(*s);
  w.num(r.pages);
  w.num(r.sheets);
  w.num(static_cast<int64_t>(r.page_map.size()));
  for (const PageRef& p : r.page_map) {
    w.num(p.page);
    w.num(p.pdf_page);
    w.num(p.half);
  }
  w.num(static_cast<int64_t>(r.findings.size()));
  for (const Finding& f : r.findings) {
    w.str(f.rule);
    w.num(static_cast<int64_t>(f.verdict));
    w.text(f.measured);
    w.num(static_cast<int64_t>(f.pages.size()));
    for (int p : f.pages) w.num(p);
    w.num(static_cast<int64_t>(f.details.size()));
    for (const Text& d : f.details) w.text(d);
    w.num(static_cast<int64_t>(f.places.size()));
    for (const auto& p : f.places) w.str(p);
  }
  return w.take();
}

Answer decode_answer(std::string_view bytes) {
  Reader r(bytes);
  Answer a;
  if (r.num() == 0) {
    a.unreadable = r.text();
  } else {
    Report rep;
    for (std::string* s : {&rep.file, &rep.kind, &rep.template_name, &rep.producer}) *s = r.str();
    rep.pages = static_cast<int>(r.num());
    rep.sheets = static_cast<int>(r.num());
    for (size_t n = r.count(); n > 0; --n) {
      PageRef p;
      p.page = static_cast<int>(r.num());
      p.pdf_page = static_cast<int>(r.num());
      p.half = static_cast<int>(r.num());
      rep.page_map.push_back(p);
    }
    for (size_t n = r.count(); n > 0; --n) {
      Finding f;
      f.rule = r.str();
      const int64_t v = r.num();
      if (v < 0 || v > static_cast<int64_t>(Verdict::NotApplicable)) throw EngineError("audit.internal.garbled-answer");
      f.verdict = static_cast<Verdict>(v);
      f.measured = r.text();
      for (size_t k = r.count(); k > 0; --k) f.pages.push_back(static_cast<int>(r.num()));
      for (size_t k = r.count(); k > 0; --k) f.details.push_back(r.text());
      for (size_t k = r.count(); k > 0; --k) f.places.push_back(r.str());
      rep.findings.push_back(std::move(f));
    }
    a.report = std::move(rep);
  }
  if (!r.at_end()) throw EngineError("audit.internal.garbled-answer");
  return a;
}

}  // namespace banshi::audit
