#include "render/input.h"

#include <fstream>
#include <stdexcept>

#include "filekind/sniff.h"
#include "xml/parse.h"

namespace banshi {

namespace {

std::string lower_extension(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

// The first bytes of a file, to tell a zip from XML whatever its name.
std::string head(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::string buf(8, '\0');
  in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
  buf.resize(static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return buf;
}

const WordReader& word_reader(const InputOptions& o) {
  if (!o.word) throw std::logic_error("a Word document reached an Engine without a Word reader");
  return *o.word;
}

}  // namespace

InputKind input_kind(const std::filesystem::path& path) {
  const std::string ext = lower_extension(path);
  if (ext == ".docx" || ext == ".docm" || ext == ".dotx") return InputKind::Docx;
  if (filekind::is_legacy_extension(path)) {
    // A .doc that is really a .docx is read as one.
    return filekind::sniff(head(path)) == filekind::FileKind::Zip ? InputKind::Docx : InputKind::Legacy;
  }
  if (ext == ".xml") return InputKind::Xml;
  return filekind::sniff(head(path)) == filekind::FileKind::Zip ? InputKind::Docx : InputKind::Xml;
}

bool is_report_file(const std::filesystem::path& path) {
  const std::string ext = lower_extension(path);
  return ext == ".xml" || ext == ".docx" || filekind::is_legacy_extension(path);
}

model::Report read_report(const std::filesystem::path& path, Diagnostics& diags, const InputOptions& options) {
  const InputKind kind = input_kind(path);
  if (kind == InputKind::Xml) return parse_report_file(path, diags, {}, options.required);
  return word_reader(options).read_file(path, kind, diags, options);
}

model::Report read_form_and_outcome(const std::filesystem::path& form_path, const std::filesystem::path& outcome_path,
                                    Diagnostics& diags, const InputOptions& options) {
  Diagnostics form_diags;
  model::Report form = read_report(form_path, form_diags, options);
  // "No report follows the form: give it with --outcome" is answered.
  for (const Diagnostic& d : form_diags.items())
    if (d.code_str() != "docx.form-no-outcome") diags.add(d);
  model::Report report = read_report(outcome_path, diags, options);
  report.template_name = form.template_name;
  report.template_pos = {};
  report.form = std::move(form.form);
  return report;
}

model::Report read_report_bytes(std::string_view bytes, const std::string& name, const std::filesystem::path& base_dir,
                                Diagnostics& diags, const InputOptions& options) {
  if (filekind::sniff(bytes) == filekind::FileKind::Zip)
    return word_reader(options).read_bytes(bytes, name, base_dir, diags, options);
  return parse_report(bytes, name, base_dir, diags, {}, options.required);
}

}  // namespace banshi
