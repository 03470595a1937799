// A .docx package read safely: an Open Packaging Conventions zip, its parts
// looked up by name and its relationships resolved — only inside the package.
//
// Everything a hostile file could use is checked before anything is
// inflated: the file's size, the number of parts, each part's and the
// total uncompressed size and the compression ratio (all from the central
// directory; a part that inflates to more than it declared is cut off and
// refused). A relationship whose target leaves the package (../../etc/passwd,
// an absolute path outside it) or is External (file:///…, http://…) is
// reported as such and never opened here. Files that are not a .docx — a
// Word 97–2003 .doc renamed, an encrypted document, a macro-enabled .docm,
// RTF or HTML saved as .doc, a truncated zip — are refused with a message
// that says how to save the file as a .docx.
//
// This is the part of the importer the audit reuses: it knows nothing of
// reports, only of packages.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace banshi::docx {

struct PackageLimits {
  // Room for a report's photographs: the file as stored.
  std::uint64_t max_file_bytes = 100u << 20;
  std::uint64_t max_parts = 5000;
  // One part inflated: the images' own limit is 50 MB, XML parts of a very
  // long report stay far below.
  std::uint64_t max_part_bytes = 64u << 20;
  // An XML part is parsed into a tree several times its size.
  std::uint64_t max_xml_part_bytes = 32u << 20;
  std::uint64_t max_total_bytes = 320u << 20;
  // Word's XML deflates by 5–20×; a zip bomb by a thousand. Parts under
  // ratio_floor may compress as well as they like (a page of spaces).
  double max_ratio = 100;
  std::uint64_t ratio_floor = 1u << 20;
};

// One relationship of a part (its _rels/NAME.rels), target resolved.
struct Relationship {
  std::string id;
  std::string type;    // the full type URI
  std::string target;  // as written
  bool external = false;
  // The part it points at, normalised against the source part's folder
  // ("word/media/image1.png"); empty when external or when it escapes.
  std::string part;
  bool escapes = false;  // ../ past the package root

  // The type's last segment ("styles", "footnotes", "image", "hyperlink"),
  // the same for transitional and strict OOXML.
  std::string_view kind() const;
};

class Package {
 public:
  // Reads the file (at most limits.max_file_bytes). `display_name` is what
  // messages call it. Throws InputError.
  static Package open_file(const std::filesystem::path& path, const std::string& display_name,
                           const PackageLimits& limits = {});
  static Package open_bytes(std::string bytes, const std::string& display_name, const PackageLimits& limits = {});

  Package(Package&&) noexcept;
  Package& operator=(Package&&) noexcept;
  ~Package();

  const std::string& name() const;
  const PackageLimits& limits() const;
  // Part names (without a leading slash), in the zip's order.
  std::vector<std::string> parts() const;
  // Part names compare case-insensitively (OPC).
  bool has(std::string_view part) const;
  std::optional<std::uint64_t> size(std::string_view part) const;
  // The part's bytes; InputError if it is missing or damaged.
  std::string read(std::string_view part) const;
  // The content type from [Content_Types].xml (Override, else Default by
  // extension); empty when none is declared.
  std::string content_type(std::string_view part) const;

  // The relationships of `part` ("" for the package's own _rels/.rels).
  // Parsed on first use; a part without relationships has none.
  const std::vector<Relationship>& relationships(std::string_view part) const;
  const Relationship* relationship(std::string_view part, std::string_view id) const;
  // The first relationship of `part` of the given kind ("styles").
  const Relationship* related(std::string_view part, std::string_view kind) const;
  // The main document part (the officeDocument relationship), usually
  // word/document.xml.
  const std::string& main_part() const;

 private:
  struct Impl;
  explicit Package(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// "word/document.xml" + "media/image1.png" → "word/media/image1.png";
// percent-escapes decoded; nullopt when the result leaves the package.
std::optional<std::string> resolve_part(std::string_view source_part, std::string_view target);

}  // namespace banshi::docx
