// What a file is, from its first bytes rather than its name: applicants
// rename files, and Word saves web pages and RTF under a .doc name.
#pragma once

#include <string_view>

namespace banshi::docx {

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

}  // namespace banshi::docx
