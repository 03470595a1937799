// MuPDF, the library the audit reads PDFs with (libmupdf-dev): ownership
// of its handles and its errors, which are longjmps (fz_try/fz_catch), kept
// away from C++ objects. Internal to the audit.
#pragma once

extern "C" {
#include <mupdf/fitz.h>
#include <mupdf/pdf.h>
}

#include <memory>
#include <optional>
#include <string>

namespace banshi::audit::mu {

struct ContextDrop {
  void operator()(fz_context* c) const { fz_drop_context(c); }
};
using Context = std::unique_ptr<fz_context, ContextDrop>;

// A handle that needs the context to be dropped.
template <class T, void (*Drop)(fz_context*, T*)>
class Handle {
 public:
  Handle() = default;
  Handle(fz_context* ctx, T* p) : ctx_(ctx), p_(p) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& o) noexcept : ctx_(o.ctx_), p_(o.p_) { o.p_ = nullptr; }
  Handle& operator=(Handle&& o) noexcept {
    if (this != &o) {
      reset();
      ctx_ = o.ctx_;
      p_ = o.p_;
      o.p_ = nullptr;
    }
    return *this;
  }
  ~Handle() { reset(); }
  void reset() {
    if (p_) Drop(ctx_, p_);
    p_ = nullptr;
  }
  T* get() const { return p_; }
  explicit operator bool() const { return p_ != nullptr; }

 private:
  fz_context* ctx_ = nullptr;
  T* p_ = nullptr;
};

using Stream = Handle<fz_stream, fz_drop_stream>;
using Document = Handle<fz_document, fz_drop_document>;
using Page = Handle<fz_page, fz_drop_page>;
using Device = Handle<fz_device, fz_drop_device>;
using Font = Handle<fz_font, fz_drop_font>;
using FontDesc = Handle<pdf_font_desc, pdf_drop_font>;

// Runs `body` — MuPDF calls that report errors by longjmp — under fz_try.
// Returns MuPDF's message when it failed, nothing when it succeeded. The
// body must hold no object with a destructor across a MuPDF call and throw
// no C++ exception: a longjmp would skip the destructor, an exception
// would leave MuPDF's error stack unbalanced.
template <class F>
std::optional<std::string> guarded(fz_context* ctx, F&& body) {
  bool failed = false;
  fz_try(ctx) { body(); }
  fz_catch(ctx) { failed = true; }
  if (!failed) return std::nullopt;
  return std::string(fz_caught_message(ctx));
}

}  // namespace banshi::audit::mu
