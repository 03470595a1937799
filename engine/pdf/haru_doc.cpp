#include "pdf/haru_doc.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <utility>
#include <vector>

#include "pdf/deflate.h"
#include "pdf/pdf_format.h"
#include "util/diag.h"

namespace banshi::pdf {

HaruDoc::HaruDoc(bool compress) : compress_(compress) {
  doc_.reset(HPDF_New(&HaruDoc::on_error, error_.get()));
  if (!doc_) throw EngineError("libharu.create");
  // Must precede the first page: libharu fixes a page's filter when the
  // page is created.
  check(HPDF_SetCompressionMode(get(), compress ? HPDF_COMP_ALL : HPDF_COMP_NONE), "setting compression");
}

void HaruDoc::on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) noexcept {
  // Keep the first error: later ones are usually its consequences.
  auto* rec = static_cast<ErrorRecord*>(user_data);
  if (rec->code == HPDF_OK) {
    rec->code = code;
    rec->detail = detail;
  }
}

void HaruDoc::fail(std::string_view what) const {
  HPDF_STATUS code = error_->code;
  HPDF_STATUS detail = error_->detail;
  if (code == HPDF_OK && doc_) {
    // Object-layer failures bypass the handler but leave the code here.
    code = doc_->error.error_no;
    detail = doc_->error.detail_no;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%04X", static_cast<unsigned>(code));
  throw EngineError("libharu.failed", {{"operation", what}, {"error", buf}, {"detail", static_cast<unsigned>(detail)}});
}

void HaruDoc::check(HPDF_STATUS status, std::string_view what) const {
  if (status != HPDF_OK || error_->code != HPDF_OK || doc_->error.error_no != HPDF_OK) fail(what);
}

HPDF_Dict HaruDoc::new_indirect_dict() {
  HPDF_Dict d = require(HPDF_Dict_New(mmgr()), "creating a dictionary");
  check(HPDF_Xref_Add(doc_->xref, d), "registering an object");
  return d;
}

HPDF_Dict HaruDoc::new_dict() { return require(HPDF_Dict_New(mmgr()), "creating a dictionary"); }

HPDF_Array HaruDoc::new_array() { return require(HPDF_Array_New(mmgr()), "creating an array"); }

HPDF_Dict HaruDoc::new_stream(std::string_view data, bool compressible) {
  if (!data.empty()) {
    if (compress_ && compressible) return new_owned_stream(deflated(data), true);
    return new_owned_stream(std::string(data), false);
  }
  // An empty stream stays a memory stream, as before: a form's content is
  // set later (set_content).
  // Registers itself and its /Length object in the xref.
  HPDF_Dict s = require(HPDF_DictStream_New(mmgr(), doc_->xref), "creating a stream");
  if (compress_ && compressible) {
    set_deflated(s, deflated(data));
  } else {
    s->filter = HPDF_STREAM_FILTER_NONE;
  }
  return s;
}

void HaruDoc::set_content(HPDF_Dict stream, std::string_view data) {
  if (stream->stream->size != 0) fail("setting a stream's content twice");
  if (compress_) {
    set_deflated(stream, deflated(data));
  } else {
    stream->filter = HPDF_STREAM_FILTER_NONE;
    write(stream->stream, data, "writing stream data");
  }
}

namespace {

// libharu rewrites a stream's /Filter from its own filter flags (and would
// deflate the data again for FlateDecode); a stream deflated beforehand is
// written raw and gets its /Filter from this hook, which libharu calls
// while writing the dictionary's entries.
HPDF_STATUS add_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

}  // namespace

void HaruDoc::set_made_content(HPDF_Dict stream, std::string&& data) {
  if (stream->stream->size != 0) fail("setting a stream's content twice");
  take_data(stream, std::move(data), compress_);
}

std::string HaruDoc::deflated(std::string_view data) {
  if (!deflater_) deflater_.emplace(Deflater::kStream);
  return (*deflater_)(data);
}

void HaruDoc::set_deflated(HPDF_Dict s, std::string_view deflated) {
  s->filter = HPDF_STREAM_FILTER_NONE;
  s->write_fn = add_flate_filter;
  write(s->stream, deflated, "writing stream data");
}

HPDF_Dict HaruDoc::new_deflated_stream(std::string_view deflated) {
  return new_owned_stream(std::string(deflated), true);
}

HPDF_Dict HaruDoc::new_deflated_stream(std::string&& deflated) { return new_owned_stream(std::move(deflated), true); }

HPDF_Dict HaruDoc::new_owned_stream(std::string data, bool flate) {
  HPDF_Dict s = require(HPDF_DictStream_New(mmgr(), doc_->xref), "creating a stream");
  take_data(s, std::move(data), flate);
  return s;
}

void HaruDoc::take_data(HPDF_Dict s, std::string data, bool flate) {
  if (data.size() > UINT32_MAX / 2) fail("embedding a stream of 2 GB or more");
  auto held = std::make_unique<Borrowed>();
  held->owned = std::move(data);
  held->data = held->owned;
  read_in_place(s, std::move(held));
  s->filter = HPDF_STREAM_FILTER_NONE;  // written as it is
  if (flate) s->write_fn = add_flate_filter;
}

void HaruDoc::read_in_place(HPDF_Dict s, std::unique_ptr<Borrowed> data) {
  borrowed_.push_back(std::move(data));
  HPDF_Stream reader = require(HPDF_CallbackReader_New(mmgr(), borrowed_read, borrowed_seek, borrowed_tell,
                                                       borrowed_size, borrowed_.back().get()),
                               "creating a stream reader");
  HPDF_Stream_Free(s->stream);  // the empty memory stream it came with
  s->stream = reader;
}

HPDF_STATUS HaruDoc::borrowed_read(HPDF_Stream stream, HPDF_BYTE* ptr, HPDF_UINT* size) {
  auto* b = static_cast<Borrowed*>(stream->attr);
  const size_t n = std::min<size_t>(*size, b->data.size() - b->pos);
  if (n) std::memcpy(ptr, b->data.data() + b->pos, n);
  b->pos += n;
  *size = static_cast<HPDF_UINT>(n);
  return b->pos == b->data.size() ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_STATUS HaruDoc::borrowed_seek(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
  auto* b = static_cast<Borrowed*>(stream->attr);
  const long base = mode == HPDF_SEEK_SET   ? 0
                    : mode == HPDF_SEEK_CUR ? static_cast<long>(b->pos)
                                            : static_cast<long>(b->data.size());
  const long to = base + pos;
  if (to < 0 || static_cast<size_t>(to) > b->data.size()) return HPDF_STREAM_EOF;
  b->pos = static_cast<size_t>(to);
  return HPDF_OK;
}

HPDF_INT32 HaruDoc::borrowed_tell(HPDF_Stream stream) {
  return static_cast<HPDF_INT32>(static_cast<Borrowed*>(stream->attr)->pos);
}

HPDF_UINT32 HaruDoc::borrowed_size(HPDF_Stream stream) {
  return static_cast<HPDF_UINT32>(static_cast<Borrowed*>(stream->attr)->data.size());
}

HPDF_Dict HaruDoc::new_borrowed_stream(std::string_view data, Filter filter) {
  if (data.size() > UINT32_MAX / 2) fail("embedding a stream of 2 GB or more");
  HPDF_Dict s = require(HPDF_DictStream_New(mmgr(), doc_->xref), "creating a stream");
  read_in_place(s, std::make_unique<Borrowed>(Borrowed{data, 0, {}}));
  if (filter == Filter::Dct) {
    s->filter = HPDF_STREAM_FILTER_DCT_DECODE;  // copied as is, /Filter [/DCTDecode]
  } else {
    s->filter = HPDF_STREAM_FILTER_NONE;  // not deflated again; /Filter from the hook
    s->write_fn = add_flate_filter;
  }
  return s;
}

void HaruDoc::write(HPDF_Stream stream, std::string_view data, std::string_view what) {
  if (data.empty()) return;
  check(HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(data.data()), static_cast<HPDF_UINT>(data.size())),
        what);
}

HaruDoc::NewPage HaruDoc::add_page(double width, double height) {
  HPDF_Page page = require(HPDF_AddPage(get()), "adding a page");
  check(HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(width)), "setting the page width");
  check(HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(height)), "setting the page height");
  auto* resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT));
  return {page, require(resources, "finding the page resources"), static_cast<HPDF_PageAttr>(page->attr)->contents};
}

void HaruDoc::add(HPDF_Dict dict, const char* key, void* obj) {
  if (!obj) fail(std::string("creating /") + key);
  check(HPDF_Dict_Add(dict, key, obj), std::string("adding /") + key);
}

void HaruDoc::add_name(HPDF_Dict dict, const char* key, const std::string& name) {
  check(HPDF_Dict_AddName(dict, key, name.c_str()), std::string("adding /") + key);
}

void HaruDoc::add_int(HPDF_Dict dict, const char* key, long value) {
  check(HPDF_Dict_AddNumber(dict, key, static_cast<HPDF_INT32>(value)), std::string("adding /") + key);
}

void HaruDoc::add_real(HPDF_Dict dict, const char* key, double value) {
  check(HPDF_Dict_AddReal(dict, key, static_cast<HPDF_REAL>(value)), std::string("adding /") + key);
}

void HaruDoc::add_ascii_string(HPDF_Dict dict, const char* key, const std::string& value) {
  add(dict, key, HPDF_String_New(mmgr(), value.c_str(), nullptr));
}

HPDF_Binary HaruDoc::text_string(std::string_view utf8) {
  std::string bytes = utf16be_text_string(utf8);
  std::vector<HPDF_BYTE> buf(bytes.begin(), bytes.end());
  return require(HPDF_Binary_New(mmgr(), buf.data(), static_cast<HPDF_UINT>(buf.size())), "creating a text string");
}

void HaruDoc::add_text_string(HPDF_Dict dict, const char* key, std::string_view utf8) {
  add(dict, key, text_string(utf8));
}

void HaruDoc::push(HPDF_Array array, void* obj) {
  if (!obj) fail("creating an array element");
  check(HPDF_Array_Add(array, obj), "adding an array element");
}

void HaruDoc::push_int(HPDF_Array array, long value) {
  check(HPDF_Array_AddNumber(array, static_cast<HPDF_INT32>(value)), "adding an array element");
}

void HaruDoc::push_real(HPDF_Array array, double value) {
  check(HPDF_Array_AddReal(array, static_cast<HPDF_REAL>(value)), "adding an array element");
}

void HaruDoc::push_name(HPDF_Array array, const char* name) {
  check(HPDF_Array_AddName(array, name), "adding an array element");
}

HPDF_STATUS HaruDoc::append_output(HPDF_Stream stream, const HPDF_BYTE* ptr, HPDF_UINT size) {
  auto* out = static_cast<Output*>(stream->attr);
  try {
    out->bytes.append(reinterpret_cast<const char*>(ptr), size);
    return HPDF_OK;
  } catch (...) {
    // libharu passes the status up but records no error, and
    // HPDF_SaveToStream would then report success: save() checks this.
    out->failed = true;
    return HPDF_FAILD_TO_ALLOC_MEM;
  }
}

std::string HaruDoc::save() {
  // libharu saves into the document's stream, a memory stream unless one
  // is set: a writer that appends to `out` instead, so the file is not
  // copied a byte at a time into libharu's blocks and out again.
  Output out;
  size_t held = 0;
  for (const auto& b : borrowed_) held += b->data.size();
  out.bytes.reserve(held + held / 8 + 65536);
  if (doc_->stream) HPDF_Stream_Free(doc_->stream);
  doc_->stream = require(HPDF_CallbackWriter_New(mmgr(), append_output, &out), "creating the output");
  const HPDF_STATUS status = HPDF_SaveToStream(get());
  // The writer points at `out`: gone before `out` is returned.
  HPDF_Stream_Free(std::exchange(doc_->stream, nullptr));
  if (out.failed) fail("writing the PDF (out of memory)");
  check(status, "writing the PDF");
  return std::move(out.bytes);
}

}  // namespace banshi::pdf
