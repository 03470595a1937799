// banshi import: a Word document in, report XML out — for applicants who
// want to keep or correct what banshi read from their .docx. The XML has
// comments where the importer guessed.
#include <filesystem>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "docx/convert.h"
#include "docx/import.h"
#include "render/input.h"
#include "util/output.h"

namespace banshi::cli {

int cmd_import(const Context& ctx, const std::vector<std::string>& argv) {
  const Args args(argv, options_for("import"));
  if (args.positional().size() != 1) throw UsageError(Message{"import.one-file", {}});
  const std::filesystem::path input = args.positional()[0];
  const InputKind kind = input_kind(input);
  if (kind == InputKind::Xml) throw UsageError(Message{"import.not-word", {{"file", input.string()}}});
  // Without -o the XML goes beside nothing it could replace: an existing
  // file is only overwritten when asked for by name.
  std::string output;
  if (auto o = args.value("--output")) {
    output = *o;
    if (output.empty()) throw UsageError(Message{"output.empty-name", {{"option", "-o"}}});
  } else {
    output = input.filename().replace_extension(".xml").string();
    std::error_code ec;
    if (std::filesystem::exists(output, ec)) throw UsageError(Message{"import.output-exists", {{"file", output}}});
  }

  Diagnostics diags;
  try {
    // Where the XML goes is settled before any work: never over the
    // document itself, a directory or a device node.
    std::vector<FileId> inputs;
    if (const auto id = file_id(input)) inputs.push_back(*id);
    const OutputTarget target = OutputTarget::resolve(output, inputs, "-o");
    docx::ImportOptions options;
    if (auto t = args.value("--template")) options.template_name = *t;
    docx::Imported imported = [&] {
      if (kind == InputKind::Legacy) {
        const std::string bytes = docx::convert_to_docx(input, input.string());
        const auto package = docx::Package::open_bytes(bytes, input.string(), options.limits);
        std::filesystem::path base = input.parent_path();
        return docx::import_package(package, base.empty() ? "." : base, diags, options);
      }
      return docx::import_file(input, input.string(), diags, options);
    }();
    const std::string xml = docx::imported_xml(imported, ctx.lang);
    target.write(xml);
    if (!args.has("--quiet")) {
      print_diagnostics(diags, ctx.lang);
      if (output != "-") std::cerr << output << ": written\n";
    }
    return kExitOk;
  } catch (const InputError& e) {
    diags.add(e.diagnostic());
    if (args.has("--quiet")) std::cerr << e.diagnostic().format(ctx.lang) << "\n";
    else print_diagnostics(diags, ctx.lang);
    return kExitBadInput;
  }
}

}  // namespace banshi::cli
