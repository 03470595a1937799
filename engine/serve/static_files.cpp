#include "serve/static_files.h"

#include <zlib.h>

#include "serve/assets.h"
#include "util/diag.h"
#include "util/file.h"

namespace banshi::serve {

namespace {

// A gzip stream of `bytes` (zlib's deflate with a gzip wrapper).
std::string gzip(std::string_view bytes) {
  z_stream z{};
  if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&z, bytes.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return status == Z_STREAM_END ? out : std::string();
}

}  // namespace

StaticFiles::StaticFiles(const std::filesystem::path& pdfjs_dir) {
  for (const char* name : {"index.html", "app.js", "app.css", "form.js", "preview.js", "store.js", "favicon.svg"}) {
    if (const auto bytes = asset_bytes(name))
      files_[std::string("/") + name] = {std::string(content_type_of(name)), std::string(*bytes), {}, false};
  }
  files_["/"] = files_["/index.html"];
  for (auto& [url, f] : files_) f.gzipped = gzip(f.bytes);
  try {
    for (const char* name : {"pdf.js", "pdf.worker.js"})
      files_[std::string("/pdfjs/") + name] = {"text/javascript; charset=utf-8", read_file(pdfjs_dir / name), {}, true};
    for (const char* name : {"pdf.js", "pdf.worker.js"}) {
      StaticFile& f = files_[std::string("/pdfjs/") + name];
      f.gzipped = gzip(f.bytes);
    }
    has_pdfjs_ = true;
  } catch (const EngineError&) {
    // The page says the preview needs libjs-pdf; everything else works.
  }
}

const StaticFile* StaticFiles::find(const std::string& url) const {
  const auto it = files_.find(url);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace banshi::serve
