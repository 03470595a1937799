#include "filekind/sniff.h"

#include <algorithm>
#include <cctype>

namespace banshi::filekind {

namespace {

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

bool contains(std::string_view s, std::string_view needle) { return s.find(needle) != std::string_view::npos; }

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

bool is_legacy_extension(const std::filesystem::path& path) {
  const std::string ext = lower(path.extension().string());
  return ext == ".doc" || ext == ".wps" || ext == ".odt" || ext == ".rtf" || ext == ".dot" || ext == ".wpt";
}

FileKind sniff(std::string_view b) {
  if (b.starts_with("PK\x03\x04") || b.starts_with("PK\x05\x06")) return FileKind::Zip;
  if (b.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    // An encrypted .docx is an OLE file with an EncryptedPackage stream;
    // its directory entry names it in UTF-16LE.
    static constexpr char kName[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e";
    return contains(b, std::string_view(kName, sizeof kName - 1)) ? FileKind::OleEncrypted : FileKind::OleDoc;
  }
  if (b.starts_with("{\\rtf")) return FileKind::Rtf;
  std::string_view s = b;
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  if (starts_with_nocase(s, "MIME-Version:") || starts_with_nocase(s, "<html") ||
      starts_with_nocase(s, "<!DOCTYPE html"))
    return FileKind::Html;
  if (s.starts_with("<")) {
    const std::string_view head = s.substr(0, 4096);
    if (contains(head, "progid=\"Word.Document\"") || contains(head, "<w:wordDocument")) return FileKind::Word2003Xml;
    if (contains(head, "<html") || contains(head, "<HTML")) return FileKind::Html;
    return FileKind::Xml;
  }
  // UTF-16 XML starts with a byte-order mark; the XML reader decides.
  if (b.starts_with("\xFF\xFE") || b.starts_with("\xFE\xFF")) return FileKind::Xml;
  return FileKind::Unknown;
}

}  // namespace banshi::filekind
