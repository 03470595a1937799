// Legacy Word (.doc), WPS (.wps) and OpenDocument (.odt) files, converted
// to .docx by LibreOffice when it is installed:
//   soffice --headless --convert-to docx --outdir TMP FILE
//           -env:UserInstallation=file:///TMP/profile
// each conversion in a private temporary profile (LibreOffice refuses a
// second instance on one profile, so parallel jobs would collide) and
// directory, stopped after a time limit, the temporary files removed
// whatever happens. Without LibreOffice the message says, in Chinese and
// English, how to save the file as .docx instead.
#pragma once

#include <filesystem>
#include <string>

namespace banshi::docx {

struct ConvertOptions {
  // The converter: empty = $BANSHI_SOFFICE, else soffice or libreoffice
  // found on PATH. Tests give a stand-in.
  std::string command;
  // 0 = $BANSHI_CONVERT_TIMEOUT, else two minutes.
  int timeout_seconds = 0;
};

// Which files are converted: filekind::is_legacy_extension (filekind/sniff.h).

// The converter's path, or empty when none is installed.
std::string find_converter(const ConvertOptions& options);

// The converted .docx's bytes. Throws InputError for the file named
// `display_name` (no converter, failure, time limit).
std::string convert_to_docx(const std::filesystem::path& path, const std::string& display_name,
                            const ConvertOptions& options = {});

}  // namespace banshi::docx
