// What a file is, from its first bytes rather than its name: applicants
// rename files, and Word saves web pages and RTF under a .doc name. A stage
// of its own, below the Word reader (engine/docx): `banshi` tells a report's
// kind with it without linking the reader (cli/hand_off.h).
#pragma once

#include <filesystem>
#include <string_view>

namespace banshi::filekind {

enum class FileKind {
  Zip,           // a .docx (or another zip: the package reader decides)
  OleDoc,        // an OLE compound file: Word 97–2003 .doc, WPS .wps
  OleEncrypted,  // an OLE file holding an encrypted .docx
  Rtf,
  Html,         // a web page or MHT saved as .doc
  Word2003Xml,  // Word 2003's single-file XML
  Xml,          // other XML: a report
  Unknown,
};

FileKind sniff(std::string_view bytes);

// True for the extensions LibreOffice converts to .docx (docx/convert.h):
// .doc .wps .odt .rtf .wpt .dot.
bool is_legacy_extension(const std::filesystem::path& path);

}  // namespace banshi::filekind
