// The libharu document and the few object-layer operations the writer
// needs, each checked: libharu's public API reports errors through the
// error handler, its object layer only through return codes (and a code
// left in the document's error record), so every call goes through
// check()/require() and a failure becomes an EngineError.
#pragma once

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/deflate.h"

namespace banshi::pdf {

class HaruDoc {
 public:
  // compress: Flate for page contents, images and the streams made here.
  explicit HaruDoc(bool compress);
  HaruDoc(const HaruDoc&) = delete;
  HaruDoc& operator=(const HaruDoc&) = delete;

  HPDF_Doc get() const { return doc_.get(); }
  HPDF_MMgr mmgr() const { return doc_->mmgr; }
  bool compress() const { return compress_; }

  // Throws EngineError naming `what` when `status` is not HPDF_OK or the
  // error handler has recorded an error.
  void check(HPDF_STATUS status, std::string_view what) const;
  // Throws when `p` is null (libharu's way of failing a constructor).
  template <typename T>
  T require(T p, std::string_view what) const {
    if (!p) fail(what);
    check(HPDF_OK, what);
    return p;
  }
  [[noreturn]] void fail(std::string_view what) const;

  // An indirect dictionary (an object of its own, referenced as n 0 R).
  HPDF_Dict new_indirect_dict();
  // A direct dictionary; it must be added to another object, which then
  // owns it (an unattached one is never freed).
  HPDF_Dict new_dict();
  HPDF_Array new_array();
  // A stream object holding `data`, Flate-compressed when compress() is set
  // (and `compressible`: PDF/A's XMP metadata stays readable as it is).
  // Compressed here (pdf/deflate.h), not by libharu, whose zlib was a
  // quarter of a render's time.
  HPDF_Dict new_stream(std::string_view data, bool compressible = true);
  // A stream whose data is already deflated (zlib format): written as is,
  // with /Filter /FlateDecode. The document keeps the bytes (taken over,
  // not copied, from an rvalue string).
  HPDF_Dict new_deflated_stream(std::string_view deflated);
  HPDF_Dict new_deflated_stream(std::string&& deflated);

  // A stream whose data stays where it is — read only while the document
  // is saved, so it must outlive save() — and is written as it is, with
  // the given /Filter: the images' compressed samples or JPEG files, which
  // a copy inside libharu would double in memory.
  enum class Filter { Flate, Dct };
  HPDF_Dict new_borrowed_stream(std::string_view data, Filter filter);

  // Sets the whole data of an empty stream (a page's or a form's content),
  // compressed as new_stream() compresses it.
  void set_content(HPDF_Dict stream, std::string_view data);
  // The same with data made elsewhere beforehand (page_contents.h):
  // deflated (zlib format) when the document compresses, else plain;
  // taken over, not copied.
  void set_made_content(HPDF_Dict stream, std::string&& data);

  // A new page (or A3 sheet) of the given size in pt, with its resource
  // dictionary and content stream.
  struct NewPage {
    HPDF_Page page;
    HPDF_Dict resources;
    HPDF_Dict content;  // the /Contents stream, for set_content()
  };
  NewPage add_page(double width, double height);

  // Dictionary entries; each throws on failure.
  void add(HPDF_Dict dict, const char* key, void* obj);
  void add_name(HPDF_Dict dict, const char* key, const std::string& name);
  void add_int(HPDF_Dict dict, const char* key, long value);
  void add_real(HPDF_Dict dict, const char* key, double value);
  // An ASCII string in PDFDocEncoding (CIDSystemInfo, dates).
  void add_ascii_string(HPDF_Dict dict, const char* key, const std::string& value);
  // A text string in UTF-16BE with BOM, written as hex (titles, labels).
  void add_text_string(HPDF_Dict dict, const char* key, std::string_view utf8);
  HPDF_Binary text_string(std::string_view utf8);

  void push(HPDF_Array array, void* obj);
  void push_int(HPDF_Array array, long value);
  void push_real(HPDF_Array array, double value);
  void push_name(HPDF_Array array, const char* name);

  // Serialises the document: libharu writes straight into the string.
  std::string save();

 private:
  // What the error handler saw; lives on the heap so the address handed to
  // libharu as user data stays valid however the HaruDoc is held.
  struct ErrorRecord {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
  };
  static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) noexcept;

  struct DocDeleter {
    void operator()(HPDF_Doc d) const { HPDF_Free(d); }
  };

  // Where a borrowed stream is being read from; the addresses are handed
  // to libharu, so each lives on the heap until the document is freed.
  struct Borrowed {
    std::string_view data;
    size_t pos = 0;
    std::string owned;  // the data, when the document keeps it
  };

  static HPDF_STATUS borrowed_read(HPDF_Stream stream, HPDF_BYTE* ptr, HPDF_UINT* size);
  static HPDF_STATUS borrowed_seek(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode);
  static HPDF_INT32 borrowed_tell(HPDF_Stream stream);
  static HPDF_UINT32 borrowed_size(HPDF_Stream stream);
  // What save() has written, for the writer it gives libharu.
  struct Output {
    std::string bytes;
    bool failed = false;  // out of memory
  };
  static HPDF_STATUS append_output(HPDF_Stream stream, const HPDF_BYTE* ptr, HPDF_UINT size);

  // Makes `s` read `data` where it is (held by borrowed_.back()) instead
  // of from the memory stream it was made with: libharu copies a memory
  // stream's bytes one at a time, in and out again.
  void read_in_place(HPDF_Dict s, std::unique_ptr<Borrowed> data);
  // A new stream with `data` (deflated or raw, as `flate` says), which the
  // document keeps.
  HPDF_Dict new_owned_stream(std::string data, bool flate);
  // `data` as the whole of stream `s`, kept by the document and read in
  // place when it is saved; written as it is (/FlateDecode when `flate`).
  void take_data(HPDF_Dict s, std::string data, bool flate);

  // `data` deflated by this document's Deflater (made on first use).
  std::string deflated(std::string_view data);
  // A stream's data, already deflated, written as it is with
  // /Filter /FlateDecode.
  void set_deflated(HPDF_Dict stream, std::string_view deflated);
  // Appends `data` to a stream's data as it is.
  void write(HPDF_Stream stream, std::string_view data, std::string_view what);

  std::unique_ptr<ErrorRecord> error_ = std::make_unique<ErrorRecord>();
  std::vector<std::unique_ptr<Borrowed>> borrowed_;
  std::unique_ptr<HPDF_Doc_Rec, DocDeleter> doc_;
  bool compress_;
  std::optional<Deflater> deflater_;  // the streams made on this (the writer's) thread
};

}  // namespace banshi::pdf
