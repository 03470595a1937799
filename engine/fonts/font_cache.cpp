#include "fonts/font_cache.h"

#include <sys/stat.h>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "util/file.h"
#include "util/utf8.h"

namespace banshi {

namespace fs = std::filesystem;

namespace {

// Bumped whenever what is stored, or how it is computed, changes.
constexpr std::string_view kMagic = "banshi-font-cache 1";

// The file is a sequence of tokens, each its length in decimal, ':' and
// its bytes (any bytes: paths and names need no escaping), separated by a
// space or a newline (one record a line, for a person who looks).
class TokenWriter {
 public:
  TokenWriter& put(std::string_view s) {
    out_ += std::to_string(s.size());
    out_ += ':';
    out_ += s;
    out_ += ' ';
    return *this;
  }
  TokenWriter& put(int64_t n) { return put(std::to_string(n)); }
  TokenWriter& put(uint64_t n) { return put(std::to_string(n)); }
  TokenWriter& put(int n) { return put(static_cast<int64_t>(n)); }
  TokenWriter& put(unsigned n) { return put(static_cast<uint64_t>(n)); }
  TokenWriter& put(bool b) { return put(std::string_view(b ? "1" : "0")); }
  TokenWriter& put(double d) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, d);  // shortest form that reads back the same
    return put(std::string_view(buf, static_cast<size_t>(r.ptr - buf)));
  }
  void end() { out_.back() = '\n'; }
  const std::string& str() const { return out_; }

 private:
  std::string out_;
};

// Any malformation throws Corrupt, which read() turns into "no cache".
struct Corrupt {};

class TokenReader {
 public:
  explicit TokenReader(std::string_view in) : in_(in) {}

  bool done() {
    skip();
    return pos_ == in_.size();
  }
  std::string_view get() {
    skip();
    size_t len = 0;
    const auto r = std::from_chars(in_.data() + pos_, in_.data() + in_.size(), len);
    if (r.ec != std::errc() || r.ptr == in_.data() + in_.size() || *r.ptr != ':') throw Corrupt{};
    pos_ = static_cast<size_t>(r.ptr - in_.data()) + 1;
    if (len > in_.size() - pos_) throw Corrupt{};
    const std::string_view s = in_.substr(pos_, len);
    pos_ += len;
    return s;
  }
  std::string str() { return std::string(get()); }
  template <class T>
  T num() {
    const std::string_view s = get();
    T v{};
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size()) throw Corrupt{};
    return v;
  }
  bool flag() { return num<int>() != 0; }
  void expect(std::string_view word) {
    if (get() != word) throw Corrupt{};
  }

 private:
  void skip() {
    while (pos_ < in_.size() && (in_[pos_] == ' ' || in_[pos_] == '\n')) ++pos_;
  }
  std::string_view in_;
  size_t pos_ = 0;
};

// Messages (why a candidate was not found) with the kinds of argument the
// finder gives: text, lists and nested messages. False for another kind,
// and the answer is then not cached.
bool put_message(TokenWriter& w, const Message& m) {
  w.put(m.code.str());
  size_t n = 0;
  for ([[maybe_unused]] const Arg& a : m.args) ++n;
  w.put(static_cast<uint64_t>(n));
  for (const Arg& a : m.args) {
    if (a.localized || a.nested_items) return false;
    w.put(a.name);
    if (a.nested) {
      w.put(std::string_view("m"));
      if (!put_message(w, *a.nested)) return false;
    } else if (a.is_list) {
      w.put(std::string_view("l")).put(static_cast<uint64_t>(a.items.size()));
      for (const std::string& item : a.items) w.put(item);
    } else {
      w.put(std::string_view("s")).put(a.value);
    }
  }
  return true;
}

Message get_message(TokenReader& r, int depth = 0) {
  if (depth > 8) throw Corrupt{};
  const auto code = MessageCode::find(r.get());
  if (!code) throw Corrupt{};  // a catalogue of another version
  Message m{*code};
  const auto n = r.num<size_t>();
  for (size_t i = 0; i < n; ++i) {
    const std::string name = r.str();
    const std::string_view kind = r.get();
    if (kind == "m") {
      m.args.add(Arg(name, get_message(r, depth + 1)));
    } else if (kind == "l") {
      const auto count = r.num<size_t>();
      std::vector<std::string> items;
      for (size_t k = 0; k < count; ++k) items.push_back(r.str());
      m.args.add(Arg(name, std::move(items)));
    } else if (kind == "s") {
      m.args.add(Arg(name, r.get()));
    } else {
      throw Corrupt{};
    }
  }
  return m;
}

std::string utf8_of(const std::u32string& s) {
  std::string out;
  for (char32_t cp : s) out += utf8_encode(cp);
  return out;
}

std::u32string utf32_of(std::string_view s) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) out += utf8_next(s, i);
  return out;
}

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

FileStamp FileStamp::of(const std::string& path) {
  FileStamp s;
  s.path = path;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return s;
  s.exists = true;
  s.dev = st.st_dev;
  s.ino = st.st_ino;
  s.size = static_cast<uint64_t>(st.st_size);
  s.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return s;
}

std::string candidate_key(const FontCandidate& c) {
  return c.family + '\x1f' + c.style + '\x1f' + c.file + '\x1f' + std::to_string(c.index);
}

std::optional<fs::path> font_cache_dir() {
  if (const char* dir = std::getenv("BANSHI_CACHE_DIR")) {
    if (!*dir) return std::nullopt;
    return fs::path(dir);
  }
  // systemd gives a service's CacheDirectory= here (several: ':'-separated).
  if (const std::string dir = env("CACHE_DIRECTORY"); !dir.empty()) return fs::path(dir.substr(0, dir.find(':')));
  if (const fs::path xdg = env("XDG_CACHE_HOME"); xdg.is_absolute()) return xdg / "banshi";
  if (const fs::path home = env("HOME"); home.is_absolute()) return home / ".cache" / "banshi";
  return std::nullopt;
}

FontCache::FontCache(std::optional<fs::path> dir, const fs::path& map_file, const std::vector<fs::path>& dirs) {
  std::error_code ec;
  fs::path map = fs::absolute(map_file, ec);
  if (ec) map = map_file;
  // The binary is one of the stamps, so another build never reads this one's.
  key_ = std::string(kMagic) + "\n" + map.lexically_normal().string();
  for (const fs::path& d : dirs) key_ += "\n" + d.string();
  // What else decides what fontconfig finds.
  for (const char* name : {"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "XDG_CONFIG_HOME", "HOME"})
    key_ += std::string("\n") + name + "=" + env(name);
  if (!dir) return;
  char name[40];
  std::snprintf(name, sizeof name, "fonts-%016llx.cache", static_cast<unsigned long long>(fnv1a(key_)));
  file_ = *dir / name;
}

std::optional<FontCacheData> FontCache::read() const {
  if (file_.empty()) return std::nullopt;
  std::string text;
  {
    std::ifstream in(file_, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    text = std::move(ss).str();
  }
  try {
    TokenReader r(text);
    r.expect(kMagic);
    if (r.get() != key_) return std::nullopt;  // another map's, by a clash of names
    FontCacheData data;
    for (;;) {
      const std::string_view tag = r.get();
      if (tag == "end") break;
      if (tag == "stamp") {
        FileStamp s;
        s.path = r.str();
        s.exists = r.flag();
        s.dev = r.num<uint64_t>();
        s.ino = r.num<uint64_t>();
        s.size = r.num<uint64_t>();
        s.mtime_ns = r.num<int64_t>();
        // The first change found settles it; the rest is not read.
        if (FileStamp::of(s.path) != s) return std::nullopt;
        data.stamps.push_back(std::move(s));
      } else if (tag == "find") {
        const std::string key = r.str();
        FindResult f;
        if (r.flag()) {
          FoundFace face;
          face.file = r.str();
          face.index = r.num<unsigned>();
          const auto n = r.num<size_t>();
          for (size_t i = 0; i < n; ++i) face.families.push_back(r.str());
          f.face = std::move(face);
        } else {
          f.absent = r.flag();
          if (r.flag()) f.why_not = get_message(r);
        }
        data.finds.emplace(key, std::move(f));
      } else if (tag == "face") {
        std::string file = r.str();
        const auto index = r.num<unsigned>();
        CachedFace c;
        c.canonical = r.str();
        FaceFacts& f = c.facts;
        f.family = r.str();
        f.style = r.str();
        f.ps_name = r.str();
        f.weight = r.num<int>();
        DescriptorFacts& d = f.descriptor;
        for (long& v : d.bbox) v = r.num<long>();
        d.italic_angle = r.num<double>();
        d.fixed_pitch = r.flag();
        d.has_os2 = r.flag();
        d.typo_ascender = r.num<int>();
        d.typo_descender = r.num<int>();
        for (unsigned char& p : d.panose) p = r.num<unsigned char>();
        d.fs_selection = r.num<unsigned>();
        d.cap_height = r.num<int>();
        if (r.flag()) {
          CidSystemInfo ros;
          ros.registry = r.str();
          ros.ordering = r.str();
          ros.supplement = r.num<int>();
          f.ros = std::move(ros);
        }
        c.misplaced = utf32_of(r.get());
        if (r.flag()) {
          PunctuationCheck p;
          p.gb_style = r.flag();
          p.detail = r.str();
          c.measured = std::move(p);
        }
        data.faces.emplace(std::make_pair(std::move(file), index), std::move(c));
      } else {
        throw Corrupt{};
      }
    }
    if (!r.done()) throw Corrupt{};
    return data;
  } catch (const Corrupt&) {
    return std::nullopt;
  }
}

bool FontCache::write(const FontCacheData& data) const {
  if (file_.empty()) return false;
  TokenWriter w;
  w.put(kMagic).put(key_).end();
  for (const FileStamp& s : data.stamps) {
    w.put(std::string_view("stamp")).put(s.path).put(s.exists).put(s.dev).put(s.ino).put(s.size).put(s.mtime_ns);
    w.end();
  }
  for (const auto& [key, f] : data.finds) {
    w.put(std::string_view("find")).put(key).put(f.face.has_value());
    if (f.face) {
      w.put(f.face->file.string()).put(f.face->index).put(static_cast<uint64_t>(f.face->families.size()));
      for (const std::string& fam : f.face->families) w.put(fam);
    } else {
      w.put(f.absent).put(f.why_not.has_value());
      if (f.why_not && !put_message(w, *f.why_not)) return false;
    }
    w.end();
  }
  for (const auto& [at, c] : data.faces) {
    const FaceFacts& f = c.facts;
    const DescriptorFacts& d = f.descriptor;
    w.put(std::string_view("face")).put(at.first).put(at.second).put(c.canonical);
    w.put(f.family).put(f.style).put(f.ps_name).put(f.weight);
    for (long v : d.bbox) w.put(v);
    w.put(d.italic_angle).put(d.fixed_pitch).put(d.has_os2).put(d.typo_ascender).put(d.typo_descender);
    for (unsigned char p : d.panose) w.put(static_cast<unsigned>(p));
    w.put(d.fs_selection).put(d.cap_height).put(f.ros.has_value());
    if (f.ros) w.put(f.ros->registry).put(f.ros->ordering).put(f.ros->supplement);
    w.put(utf8_of(c.misplaced)).put(c.measured.has_value());
    if (c.measured) w.put(c.measured->gb_style).put(c.measured->detail);
    w.end();
  }
  w.put(std::string_view("end")).end();
  try {
    std::error_code ec;
    fs::create_directories(file_.parent_path(), ec);
    write_file_atomic(file_, w.str());
    return true;
  } catch (const std::exception&) {
    return false;  // read-only, full, not ours: resolved afresh next time too
  }
}

}  // namespace banshi
