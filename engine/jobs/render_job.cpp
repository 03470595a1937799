#include "jobs/render_job.h"

#include <new>
#include <system_error>

#include "jobs/wire.h"

namespace banshi::jobs {

namespace {

void put(WireWriter& w, const Diagnostic& d) {
  w.put(d.severity).put(d.loc.file).put(d.loc.line).put(d.loc.column).put(d.loc.paragraph).put(d.loc.excerpt);
  w.put(d.loc.page).put(d.path).put(d.label).put(d.message).put(d.code_str());
  w.put(static_cast<uint64_t>(std::distance(d.args.begin(), d.args.end())));
  for (const Arg& a : d.args) {
    w.put(a.name).put(a.value).put(a.is_list).put(static_cast<uint64_t>(a.items.size()));
    for (const auto& item : a.items) w.put(item);
  }
}

Diagnostic get_diagnostic(WireReader& r) {
  Diagnostic d;
  d.severity = r.get<Severity>();
  d.loc.file = r.get_string();
  d.loc.line = r.get<int>();
  d.loc.column = r.get<int>();
  d.loc.paragraph = r.get<int>();
  d.loc.excerpt = r.get_string();
  d.loc.page = r.get<int>();
  d.path = r.get_string();
  d.label = r.get_string();
  d.message = r.get_string();
  if (const std::string code = r.get_string(); !code.empty()) {
    d.code = MessageCode::find(code);
    if (!d.code) throw EngineError("a job's answer names the unknown message " + code);
  }
  for (uint64_t n = r.get<uint64_t>(); n > 0; --n) {
    const std::string name = r.get_string();
    std::string value = r.get_string();
    const bool is_list = r.get<bool>();
    std::vector<std::string> items(r.get<uint64_t>());
    for (auto& item : items) item = r.get_string();
    if (is_list) d.args.add(Arg(name, std::move(items)));
    else d.args.add(Arg(name, value));
  }
  return d;
}

}  // namespace

std::string encode_render_answer(const RenderAnswer& a) {
  WireWriter w;
  w.put(a.status);
  w.put(static_cast<uint64_t>(a.result.times.stages().size()));
  for (const auto& [stage, ms] : a.result.times.stages()) w.put(stage).put(ms);
  w.put(static_cast<uint64_t>(a.result.pages));
  w.put(static_cast<uint64_t>(a.diags.items().size()));
  for (const Diagnostic& d : a.diags.items()) put(w, d);
  w.put(a.result.pdf);  // last: the bulk of the answer
  return w.take();
}

namespace {

RenderAnswer failed(const std::string& input, Diagnostic d) {
  RenderAnswer a;
  a.status = RenderAnswer::Status::Failed;
  a.diags.add(std::move(d.at({input})));
  return a;
}

}  // namespace

Work render_work(const Engine& engine, RenderRequest request) {
  return [&engine, request = std::move(request)]() -> std::string {
    RenderAnswer a;
    try {
      a.result = request.bytes ? engine.render_bytes(*request.bytes, request.input.string(), request.base_dir,
                                                     request.options, a.diags)
                               : engine.render(request.input, request.options, a.diags);
      a.status = RenderAnswer::Status::Ok;
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::system_error& e) {
      // No memory for one more thread's stack under the job's limit is
      // running out of memory too.
      if (e.code() == std::errc::resource_unavailable_try_again) throw std::bad_alloc();
      a = failed(request.input.string(), Diagnostic(Severity::Error, "internal.error", {{"detail", e.what()}}));
    } catch (const InputError& e) {
      a.diags.add(e.diagnostic());
      a.status = RenderAnswer::Status::BadInput;
    } catch (const std::exception& e) {
      Diagnostics warnings = std::move(a.diags);
      a = failed(request.input.string(), Diagnostic(Severity::Error, "internal.error", {{"detail", e.what()}}));
      a.diags.insert(0, warnings);
    }
    return encode_render_answer(a);
  };
}

RenderAnswer decode_render_answer(std::string_view bytes) {
  WireReader r(bytes);
  RenderAnswer a;
  a.status = r.get<RenderAnswer::Status>();
  for (uint64_t n = r.get<uint64_t>(); n > 0; --n) {
    const std::string stage = r.get_string();
    a.result.times.add(stage, r.get<double>());
  }
  a.result.pages = r.get<uint64_t>();
  for (uint64_t n = r.get<uint64_t>(); n > 0; --n) a.diags.add(get_diagnostic(r));
  a.result.pdf = r.get_string();
  if (!r.at_end()) throw EngineError("a job's answer is longer than it says");
  return a;
}

RenderAnswer render_answer(const Ending& ending, const Limits& limits, const std::string& input) {
  if (ending.how != Ending::How::Answered) {
    Message m = ending.message(limits);
    return failed(input, Diagnostic(Severity::Error, m.code, std::move(m.args)));
  }
  try {
    return decode_render_answer(ending.answer);
  } catch (const EngineError& e) {
    return failed(input, Diagnostic(Severity::Error, "internal.error", {{"detail", e.what()}}));
  }
}

RenderAnswer render_isolated(const Engine& engine, RenderRequest request, const Limits& limits) {
  const std::string input = request.input.string();
  return render_answer(run_in_child(render_work(engine, std::move(request)), limits), limits, input);
}

}  // namespace banshi::jobs
