#include "word/word_reader.h"

#include "docx/convert.h"
#include "docx/import.h"

namespace banshi::word {

namespace {

docx::ImportOptions import_options(const InputOptions& o) {
  docx::ImportOptions io;
  io.template_name = o.docx_template;
  return io;
}

std::filesystem::path base_of(const std::filesystem::path& path) {
  std::filesystem::path base = path.parent_path();
  return base.empty() ? "." : base;
}

class DocxReader final : public WordReader {
 public:
  model::Report read_file(const std::filesystem::path& path, InputKind kind, Diagnostics& diags,
                          const InputOptions& options) const override {
    const std::string name = path.string();
    if (kind != InputKind::Legacy) return docx::import_file(path, name, diags, import_options(options)).report;
    const std::string bytes = docx::convert_to_docx(path, name);
    const docx::Package package = docx::Package::open_bytes(bytes, name);
    return docx::import_package(package, base_of(path), diags, import_options(options)).report;
  }

  model::Report read_bytes(std::string_view bytes, const std::string& name, const std::filesystem::path& base_dir,
                           Diagnostics& diags, const InputOptions& options) const override {
    const docx::Package package = docx::Package::open_bytes(std::string(bytes), name);
    return docx::import_package(package, base_dir, diags, import_options(options)).report;
  }
};

}  // namespace

std::shared_ptr<const WordReader> docx_reader() { return std::make_shared<const DocxReader>(); }

}  // namespace banshi::word
