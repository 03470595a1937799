// The files a browser fetches: the page (compiled in, assets.h) and pdf.js
// from Debian's libjs-pdf, read once at start. Each is known by a fixed
// URL; nothing maps a URL onto the file system.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace banshi::serve {

struct StaticFile {
  std::string content_type;
  std::string bytes;
  std::string gzipped;     // the same, compressed once at start
  bool immutable = false;  // a Debian package's file: cached by the browser
};

class StaticFiles {
 public:
  // `pdfjs_dir` holds pdf.js and pdf.worker.js (libjs-pdf installs them in
  // /usr/share/javascript/pdf/build).
  explicit StaticFiles(const std::filesystem::path& pdfjs_dir);
  const StaticFile* find(const std::string& url) const;
  bool has_pdfjs() const { return has_pdfjs_; }

 private:
  std::map<std::string, StaticFile> files_;
  bool has_pdfjs_ = false;
};

inline constexpr const char* kPdfjsDir = "/usr/share/javascript/pdf/build";

}  // namespace banshi::serve
