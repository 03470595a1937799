#include "docx/package.h"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <system_error>

#include "docx/messages.h"
#include "docx/xml_part.h"
#include "filekind/sniff.h"
#include "util/diag.h"
#include "util/file.h"

namespace banshi::docx {

namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
struct ZipSourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileCloser>;

// zip_error_t owns a message buffer; fini releases it.
class ZipError {
 public:
  ZipError() { zip_error_init(&e_); }
  ZipError(const ZipError&) = delete;
  ZipError& operator=(const ZipError&) = delete;
  ~ZipError() { zip_error_fini(&e_); }
  zip_error_t* get() { return &e_; }
  std::string text() { return zip_error_strerror(&e_); }

 private:
  zip_error_t e_;
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view strip_slash(std::string_view s) {
  while (!s.empty() && s.front() == '/') s.remove_prefix(1);
  return s;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// _rels/.rels for "", word/_rels/document.xml.rels for word/document.xml.
std::string rels_part_of(std::string_view part) {
  const size_t slash = part.rfind('/');
  if (slash == std::string_view::npos) return "_rels/" + std::string(part) + ".rels";
  return std::string(part.substr(0, slash + 1)) + "_rels/" + std::string(part.substr(slash + 1)) + ".rels";
}

}  // namespace

std::string_view Relationship::kind() const {
  const std::string_view t = type;
  const size_t slash = t.rfind('/');
  return slash == std::string_view::npos ? t : t.substr(slash + 1);
}

std::optional<std::string> resolve_part(std::string_view source_part, std::string_view target) {
  const std::string decoded = percent_decode(target);
  std::string_view t = decoded;
  // A fragment or query never names a part.
  t = t.substr(0, t.find_first_of("#?"));
  std::vector<std::string_view> segments;
  if (!t.starts_with('/')) {
    const std::string_view src = strip_slash(source_part);
    const size_t slash = src.rfind('/');
    std::string_view dir = slash == std::string_view::npos ? std::string_view() : src.substr(0, slash);
    while (!dir.empty()) {
      const size_t s = dir.find('/');
      segments.push_back(dir.substr(0, s));
      dir = s == std::string_view::npos ? std::string_view() : dir.substr(s + 1);
    }
  }
  std::string_view rest = strip_slash(t);
  while (!rest.empty()) {
    const size_t s = rest.find_first_of("/\\");
    const std::string_view seg = rest.substr(0, s);
    rest = s == std::string_view::npos ? std::string_view() : rest.substr(s + 1);
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (segments.empty()) return std::nullopt;  // leaves the package
      segments.pop_back();
      continue;
    }
    segments.push_back(seg);
  }
  if (segments.empty()) return std::nullopt;
  std::string out;
  for (const auto& s : segments) out += (out.empty() ? "" : "/") + std::string(s);
  return out;
}

struct Package::Impl {
  std::string name;
  PackageLimits limits;
  std::string bytes;  // the zip; libzip reads it in place
  ZipPtr zip;
  struct Entry {
    std::string name;
    zip_uint64_t index = 0;
    std::uint64_t size = 0;
  };
  std::vector<Entry> entries;
  std::map<std::string, size_t> by_name;                   // lower-cased name → entries index
  std::map<std::string, std::string> defaults, overrides;  // content types, keys lower-cased
  std::string main;
  // Relationship parts are read on demand; the map is filled under the lock
  // so a package shared between threads stays safe.
  mutable std::mutex rels_mutex;
  mutable std::map<std::string, std::unique_ptr<std::vector<Relationship>>> rels;

  const Entry* find(std::string_view part) const {
    auto it = by_name.find(lower(strip_slash(part)));
    return it == by_name.end() ? nullptr : &entries[it->second];
  }
};

Package::Package(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Package::Package(Package&&) noexcept = default;
Package& Package::operator=(Package&&) noexcept = default;
Package::~Package() = default;

Package Package::open_file(const std::filesystem::path& path, const std::string& display_name,
                           const PackageLimits& limits) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    fail(display_name,
         std::filesystem::exists(path, ec) ? MessageCode("docx.not-regular-file") : MessageCode("docx.no-such-file"));
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.max_file_bytes)
    fail(display_name, "docx.file-too-large", {{"size", megabytes(size)}, {"limit", megabytes(limits.max_file_bytes)}});
  std::string bytes;
  try {
    bytes = read_file(path);
  } catch (const EngineError& e) {
    fail(display_name, "docx.unreadable", {{"reason", e.what()}});
  }
  return open_bytes(std::move(bytes), display_name, limits);
}

Package Package::open_bytes(std::string bytes, const std::string& display_name, const PackageLimits& limits) {
  if (bytes.size() > limits.max_file_bytes)
    fail(display_name, "docx.file-too-large",
         {{"size", megabytes(bytes.size())}, {"limit", megabytes(limits.max_file_bytes)}});
  using filekind::FileKind;
  switch (filekind::sniff(bytes)) {
    case FileKind::Zip: break;
    case FileKind::OleDoc: fail(display_name, "docx.legacy-doc");
    case FileKind::OleEncrypted: fail(display_name, "docx.encrypted");
    case FileKind::Rtf: fail(display_name, "docx.rtf");
    case FileKind::Html: fail(display_name, "docx.web-page");
    case FileKind::Word2003Xml: fail(display_name, "docx.word2003-xml");
    case FileKind::Xml:
    case FileKind::Unknown: fail(display_name, "docx.not-a-zip", {{"reason", "no zip signature"}});
  }

  auto impl = std::make_unique<Impl>();
  impl->name = display_name;
  impl->limits = limits;
  impl->bytes = std::move(bytes);
  {
    ZipError err;
    std::unique_ptr<zip_source_t, ZipSourceFree> src(
        zip_source_buffer_create(impl->bytes.data(), impl->bytes.size(), 0, err.get()));
    if (!src) fail(display_name, "docx.not-a-zip", {{"reason", err.text()}});
    zip_t* z = zip_open_from_source(src.get(), ZIP_RDONLY | ZIP_CHECKCONS, err.get());
    if (!z) fail(display_name, "docx.not-a-zip", {{"reason", err.text()}});
    src.release();  // the archive owns it now
    impl->zip.reset(z);
  }

  // Every limit from the central directory, before one byte is inflated.
  const zip_int64_t n = zip_get_num_entries(impl->zip.get(), 0);
  if (n < 0) fail(display_name, "docx.not-a-zip", {{"reason", zip_strerror(impl->zip.get())}});
  if (static_cast<std::uint64_t>(n) > limits.max_parts)
    fail(display_name, "docx.too-many-parts", {{"count", n}, {"limit", limits.max_parts}});
  std::uint64_t total = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(impl->zip.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0)
      fail(display_name, "docx.not-a-zip", {{"reason", zip_strerror(impl->zip.get())}});
    const std::string name = (st.valid & ZIP_STAT_NAME) && st.name ? st.name : "";
    if (name.empty() || name.back() == '/') continue;  // folders
    const std::uint64_t size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    const std::uint64_t comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
      fail(display_name, "docx.part-encrypted", {{"part", name}});
    if (size > limits.max_part_bytes)
      fail(display_name, "docx.part-too-large",
           {{"part", name}, {"size", megabytes(size)}, {"limit", megabytes(limits.max_part_bytes)}});
    if (size > limits.ratio_floor) {
      const double ratio = static_cast<double>(size) / static_cast<double>(std::max<std::uint64_t>(comp, 1));
      if (ratio > limits.max_ratio)
        fail(display_name, "docx.zip-bomb",
             {{"part", name},
              {"ratio", static_cast<long long>(ratio)},
              {"limit", static_cast<long long>(limits.max_ratio)}});
    }
    total += size;
    if (total > limits.max_total_bytes)
      fail(display_name, "docx.package-too-large",
           {{"size", megabytes(total)}, {"limit", megabytes(limits.max_total_bytes)}});
    impl->by_name.emplace(lower(strip_slash(name)), impl->entries.size());
    impl->entries.push_back({std::string(strip_slash(name)), static_cast<zip_uint64_t>(i), size});
  }

  Package p(std::move(impl));
  Impl& m = *p.impl_;
  // An OpenDocument file is a zip too: its first member says so.
  if (m.find("mimetype") && !m.find("[Content_Types].xml")) {
    if (p.read("mimetype").starts_with("application/vnd.oasis.opendocument")) fail(display_name, "docx.opendocument");
  }
  if (m.find("[Content_Types].xml")) {
    const auto doc = parse_part(p, "[Content_Types].xml");
    if (const El* root = doc->RootElement()) {
      for (const El* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
        const char* type = plain_attr(e, "ContentType");
        if (!type) continue;
        if (local_name(e) == "Default") {
          if (const char* ext = plain_attr(e, "Extension")) m.defaults[lower(ext)] = type;
        } else if (local_name(e) == "Override") {
          if (const char* part = plain_attr(e, "PartName")) m.overrides[lower(strip_slash(part))] = type;
        }
      }
    }
  }
  if (const Relationship* office = p.related("", "officeDocument"); office && !office->part.empty())
    m.main = office->part;
  if (m.main.empty() || !m.find(m.main)) m.main = "word/document.xml";
  if (!m.find(m.main)) fail(display_name, "docx.no-document");
  // Macros: the main part's type says so, and the VBA project is a part.
  if (p.content_type(m.main).find("macroEnabled") != std::string::npos || p.related(m.main, "vbaProject"))
    fail(display_name, "docx.macros");
  return p;
}

const std::string& Package::name() const { return impl_->name; }
const PackageLimits& Package::limits() const { return impl_->limits; }

std::vector<std::string> Package::parts() const {
  std::vector<std::string> out;
  for (const auto& e : impl_->entries) out.push_back(e.name);
  return out;
}

bool Package::has(std::string_view part) const { return impl_->find(part) != nullptr; }

std::optional<std::uint64_t> Package::size(std::string_view part) const {
  const Impl::Entry* e = impl_->find(part);
  if (!e) return std::nullopt;
  return e->size;
}

std::string Package::read(std::string_view part) const {
  const Impl::Entry* e = impl_->find(part);
  if (!e) fail(impl_->name, "docx.part-missing", {{"part", part}});
  ZipFilePtr f(zip_fopen_index(impl_->zip.get(), e->index, 0));
  if (!f) fail(impl_->name, "docx.part-damaged", {{"part", part}, {"reason", zip_strerror(impl_->zip.get())}});
  // Read what the directory declared and one byte more: a part that
  // inflates past its declared size is refused, not followed.
  std::string out(static_cast<size_t>(e->size) + 1, '\0');
  size_t got = 0;
  while (got < out.size()) {
    const zip_int64_t r = zip_fread(f.get(), out.data() + got, out.size() - got);
    if (r < 0) fail(impl_->name, "docx.part-damaged", {{"part", part}, {"reason", zip_file_strerror(f.get())}});
    if (r == 0) break;
    got += static_cast<size_t>(r);
  }
  if (got != e->size)
    fail(impl_->name, "docx.part-damaged", {{"part", part}, {"reason", "its size does not match the zip directory"}});
  out.resize(got);
  return out;
}

std::string Package::content_type(std::string_view part) const {
  const std::string key = lower(strip_slash(part));
  if (auto it = impl_->overrides.find(key); it != impl_->overrides.end()) return it->second;
  const size_t dot = key.rfind('.');
  if (dot != std::string::npos)
    if (auto it = impl_->defaults.find(key.substr(dot + 1)); it != impl_->defaults.end()) return it->second;
  return {};
}

const std::vector<Relationship>& Package::relationships(std::string_view part) const {
  std::lock_guard lock(impl_->rels_mutex);
  const std::string key = lower(strip_slash(part));
  if (auto it = impl_->rels.find(key); it != impl_->rels.end()) return *it->second;
  auto list = std::make_unique<std::vector<Relationship>>();
  const std::string rels_part = rels_part_of(strip_slash(part));
  if (impl_->find(rels_part)) {
    const auto doc = parse_part(*this, rels_part);
    if (const El* root = doc->RootElement()) {
      for (const El* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
        if (local_name(e) != "Relationship") continue;
        Relationship r;
        if (const char* v = plain_attr(e, "Id")) r.id = v;
        if (const char* v = plain_attr(e, "Type")) r.type = v;
        if (const char* v = plain_attr(e, "Target")) r.target = v;
        const char* mode = plain_attr(e, "TargetMode");
        r.external = mode && std::strcmp(mode, "External") == 0;
        if (!r.external) {
          if (auto resolved = resolve_part(strip_slash(part), r.target)) r.part = *resolved;
          else r.escapes = true;
        }
        list->push_back(std::move(r));
      }
    }
  }
  return *impl_->rels.emplace(key, std::move(list)).first->second;
}

const Relationship* Package::relationship(std::string_view part, std::string_view id) const {
  for (const auto& r : relationships(part))
    if (r.id == id) return &r;
  return nullptr;
}

const Relationship* Package::related(std::string_view part, std::string_view kind) const {
  for (const auto& r : relationships(part))
    if (r.kind() == kind) return &r;
  return nullptr;
}

const std::string& Package::main_part() const { return impl_->main; }

}  // namespace banshi::docx
