// The XML stage's entry points: bytes → UTF-8 → lexical checks → tinyxml2
// tree → checked model. Each step refuses bad input with an InputError.
#include "xml/parse.h"

#include <tinyxml2.h>

#include <system_error>

#include "util/file.h"
#include "xml/encoding.h"
#include "xml/messages.h"
#include "xml/report_parser.h"
#include "xml/scan.h"
#include "xml/source_map.h"
#include "xml/syntax_error.h"

namespace banshi {

namespace {

Args size_args(uintmax_t size, size_t limit) { return {{"size", size}, {"limit", limit}}; }

}  // namespace

model::Report parse_report_file(const std::filesystem::path& path, Diagnostics& diags, const ParseLimits& limits,
                                const RequiredFields& required) {
  const std::string name = path.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    xml::fail(name, {},
              std::filesystem::exists(path, ec) ? MessageCode("file.not-regular") : MessageCode("file.missing"));
  // Checked before reading, so a huge file is never loaded.
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.max_bytes) xml::fail(name, {}, "limit.file-size", size_args(size, limits.max_bytes));
  std::string bytes;
  try {
    bytes = read_file(path);
  } catch (const EngineError& e) {
    throw InputError(Diagnostic(e.diagnostic()).at({name}));
  }
  std::filesystem::path base = path.parent_path();
  if (base.empty()) base = ".";
  return parse_report(bytes, name, base, diags, limits, required);
}

model::Report parse_report(std::string_view bytes, const std::string& display_name,
                           const std::filesystem::path& base_dir, Diagnostics& diags, const ParseLimits& limits,
                           const RequiredFields& required) {
  if (bytes.size() > limits.max_bytes)
    xml::fail(display_name, {}, "limit.file-size", size_args(bytes.size(), limits.max_bytes));
  const std::string text = xml::decode_to_utf8(bytes, display_name, diags);
  const xml::ScanResult scan = xml::scan_xml(text, display_name, limits);

  // PRESERVE_WHITESPACE: white space is the whitespace module's business.
  tinyxml2::XMLDocument doc(true, tinyxml2::PRESERVE_WHITESPACE);
  doc.Parse(text.data(), text.size());
  if (doc.Error()) xml::throw_syntax_error(doc, text, display_name);

  const xml::SourceMap map(doc, scan);
  std::vector<Diagnostic> errors;
  model::Report report = xml::ReportParser(display_name, base_dir, map, diags, errors, required).parse(doc);
  if (errors.empty()) return report;
  sort_by_position(errors);
  throw InputError(std::move(errors));
}

}  // namespace banshi
