#include "jobs/render_job.h"

#include <new>
#include <system_error>

#include "jobs/wire.h"

namespace banshi::jobs {

namespace {

// A message's arguments, nested messages and texts in both languages
// included, so the parent puts it in words in the language of the call.
enum class ArgKind : uint8_t { Text, List, Nested, NestedList, Localized };

void put_message(WireWriter& w, MessageCode code, const Args& args);

void put_args(WireWriter& w, const Args& args) {
  w.put(static_cast<uint64_t>(std::distance(args.begin(), args.end())));
  for (const Arg& a : args) {
    w.put(a.name);
    if (a.nested) {
      w.put(ArgKind::Nested);
      put_message(w, a.nested->code, a.nested->args);
    } else if (a.nested_items) {
      w.put(ArgKind::NestedList).put(static_cast<uint64_t>(a.nested_items->size()));
      for (const Message& m : *a.nested_items) put_message(w, m.code, m.args);
    } else if (a.localized) {
      w.put(ArgKind::Localized).put(a.localized->en).put(a.localized->zh);
    } else if (a.is_list) {
      w.put(ArgKind::List).put(static_cast<uint64_t>(a.items.size()));
      for (const auto& item : a.items) w.put(item);
    } else {
      w.put(ArgKind::Text).put(a.value);
    }
  }
}

void put_message(WireWriter& w, MessageCode code, const Args& args) {
  w.put(std::string(code.str()));
  put_args(w, args);
}

MessageCode get_code(WireReader& r) {
  const std::string code = r.get_string();
  const auto found = MessageCode::find(code);
  if (!found) throw EngineError("job.unknown-message", {{"code", code}});
  return *found;
}

Args get_args(WireReader& r);

Message get_message(WireReader& r) {
  const MessageCode code = get_code(r);
  return Message{code, get_args(r)};
}

Args get_args(WireReader& r) {
  Args args;
  for (uint64_t n = r.get<uint64_t>(); n > 0; --n) {
    const std::string name = r.get_string();
    switch (r.get<ArgKind>()) {
      case ArgKind::Text: args.add(Arg(name, r.get_string())); break;
      case ArgKind::List: {
        std::vector<std::string> items(r.get<uint64_t>());
        for (auto& item : items) item = r.get_string();
        args.add(Arg(name, std::move(items)));
        break;
      }
      case ArgKind::Nested: args.add(Arg(name, get_message(r))); break;
      case ArgKind::NestedList: {
        std::vector<Message> items;
        for (uint64_t k = r.get<uint64_t>(); k > 0; --k) items.push_back(get_message(r));
        args.add(Arg(name, std::move(items)));
        break;
      }
      case ArgKind::Localized: {
        Localized text;
        text.en = r.get_string();
        text.zh = r.get_string();
        args.add(Arg(name, std::move(text)));
        break;
      }
    }
  }
  return args;
}

void put(WireWriter& w, const Diagnostic& d) {
  w.put(d.severity).put(d.loc.file).put(d.loc.line).put(d.loc.column).put(d.loc.paragraph).put(d.loc.excerpt);
  w.put(d.loc.page).put(d.path).put(d.label);
  w.put(d.code.has_value());
  if (d.code) put_message(w, *d.code, d.args);
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
  if (r.get<bool>()) {
    Message m = get_message(r);
    d.code = m.code;
    d.args = std::move(m.args);
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
      a.diags.add(e);
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
  if (!r.at_end()) throw EngineError("job.answer-too-long");
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
