#include "docx/import.h"

#include <climits>
#include <set>

#include "docx/body.h"
#include "docx/form.h"
#include "docx/form_model.h"
#include "docx/numbering.h"
#include "docx/structure.h"
#include "docx/styles.h"
#include "docx/xml_part.h"
#include "xml/lookalikes.h"
#include "xml/whitespace.h"
#include "xml/write.h"

namespace banshi::docx {

namespace {

// dc:title of docProps/core.xml, if the author set one.
std::string core_title(const Package& package) {
  const Relationship* rel = package.related("", "core-properties");
  if (!rel || rel->part.empty() || !package.has(rel->part)) return {};
  const auto doc = parse_part(package, rel->part);
  const El* root = doc->RootElement();
  if (!root) return {};
  for (const El* e = root->FirstChildElement(); e; e = e->NextSiblingElement())
    if (local_name(e) == "title" && e->GetText()) return std::string(xml::trim_ascii_space(e->GetText()));
  return {};
}

// White space as the XML reader leaves it, so the model is the one its XML
// reads back as.
void normalize(model::Blocks& bs);

void normalize(model::Inlines& in) { xml::normalize_block(in); }

void normalize(model::Blocks& bs) {
  for (auto& b : bs) {
    std::visit(
        [](auto& node) {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, model::Paragraph>) {
            normalize(node.content);
          } else if constexpr (std::is_same_v<T, model::Section>) {
            normalize(node.heading);
            normalize(node.blocks);
          } else if constexpr (std::is_same_v<T, model::ListBlock>) {
            for (auto& item : node.items) normalize(item);
          } else if constexpr (std::is_same_v<T, model::Table>) {
            normalize(node.caption);
            for (auto& row : node.rows)
              for (auto& cell : row.cells) normalize(cell.content);
            normalize(node.note);
          } else if constexpr (std::is_same_v<T, model::Figure>) {
            normalize(node.caption);
          } else if constexpr (std::is_same_v<T, model::Quote>) {
            for (auto& p : node.paragraphs) normalize(p.content);
          }
        },
        b.node);
  }
}

// Look-alike characters (⼀ for 一), warned of once each as the XML reader
// does, at the paragraph that holds the first.
struct Lookalikes {
  ImportLog& log;
  std::set<char32_t> seen;

  void text(std::string_view t, model::Pos pos) {
    for_each_lookalike(t, [&](char32_t cp, char32_t to) {
      if (seen.insert(cp).second) log.warn(pos.line, "text.lookalike", lookalike_args(cp, to));
    });
  }
  void inlines(const model::Inlines& in) {
    for (const auto& n : in) {
      if (n.kind == model::InlineKind::Text) text(n.text, n.pos);
      inlines(n.children);
    }
  }
  void blocks(const model::Blocks& bs) {
    for (const auto& b : bs) {
      std::visit(
          [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, model::Paragraph>) {
              inlines(node.content);
            } else if constexpr (std::is_same_v<T, model::Section>) {
              inlines(node.heading);
              blocks(node.blocks);
            } else if constexpr (std::is_same_v<T, model::ListBlock>) {
              for (const auto& item : node.items) inlines(item);
            } else if constexpr (std::is_same_v<T, model::Table>) {
              inlines(node.caption);
              for (const auto& row : node.rows)
                for (const auto& cell : row.cells) inlines(cell.content);
              inlines(node.note);
            } else if constexpr (std::is_same_v<T, model::Figure>) {
              inlines(node.caption);
            }
          },
          b.node);
    }
  }
  void outcome(const model::Outcome& o) {
    inlines(o.title);
    for (const auto& a : o.authors) text(a.name, a.pos);
    if (o.abstract) inlines(*o.abstract);
    for (const auto& k : o.keywords) text(k, o.keywords_pos);
    blocks(o.body);
    for (const auto& r : o.references) inlines(r.content);
  }
};

// The log into the diagnostics; with errors, all but the last are added
// and the last is thrown, as the other readers do.
void report(const Imported& im, Diagnostics& diags, bool stop_at_errors) {
  auto ds = im.log.diagnostics(im.report.source_file, im.report.paragraph_openings);
  size_t last_error = ds.size();
  for (size_t k = 0; stop_at_errors && k < ds.size(); ++k)
    if (ds[k].severity == Severity::Error) last_error = k;
  for (size_t k = 0; k < ds.size(); ++k)
    if (k != last_error) diags.add(ds[k]);
  if (last_error < ds.size()) throw InputError(ds[last_error]);
}

}  // namespace

Imported import_package(const Package& package, const std::filesystem::path& base_dir, Diagnostics& diags,
                        const ImportOptions& options) {
  Imported im;
  model::Report& r = im.report;
  r.source_file = package.name();
  r.base_dir = base_dir.string();

  const StyleSheet styles = StyleSheet::read(package);
  Numbering numbering = Numbering::read(package);
  Body body = read_body(package, styles, numbering, im.log);

  // A filled 结项申请书: its fields, and the report after 最终成果 (if any).
  const auto form = find_form(body.blocks);
  if (form) {
    const FoundForm found = read_form(std::span<const Block>(body.blocks).first(form->end), im.log);
    if (form->marker_paragraph)
      im.log.note(found.first_paragraph, "docx.form", {{"paragraph", form->marker_paragraph}});
    else im.log.warn(found.first_paragraph, "docx.form-no-outcome");
    put_form(found, r, im.log);
    body.blocks.erase(body.blocks.begin(), body.blocks.begin() + static_cast<std::ptrdiff_t>(form->outcome));
  }
  r.template_name = !options.template_name.empty() ? options.template_name : form ? "jiexiang" : "outcome";

  std::string title = core_title(package);
  if (title.empty()) title = std::filesystem::path(package.name()).stem().string();
  if (!form || form->marker_paragraph) r.outcome = build_outcome({package, body, im.log, title});
  r.paragraph_openings = std::move(body.openings);

  normalize(r.outcome.title);
  if (r.outcome.abstract) normalize(*r.outcome.abstract);
  for (auto& a : r.outcome.authors) a.name = xml::normalize_text(a.name);
  for (auto& k : r.outcome.keywords) k = xml::normalize_text(k);
  normalize(r.outcome.body);
  for (auto& ref : r.outcome.references) normalize(ref.content);
  Lookalikes{im.log, {}}.outcome(r.outcome);

  report(im, diags, options.stop_at_errors);
  return im;
}

Imported import_file(const std::filesystem::path& path, const std::string& display_name, Diagnostics& diags,
                     const ImportOptions& options) {
  const Package package = Package::open_file(path, display_name, options.limits);
  std::filesystem::path base = path.parent_path();
  if (base.empty()) base = ".";
  return import_package(package, base, diags, options);
}

std::string imported_xml(const Imported& im, Lang lang) {
  auto pending = im.log.by_paragraph(lang);
  const auto& openings = im.report.paragraph_openings;
  const std::string& file = im.report.source_file;
  xml::WriteOptions o;
  o.header.push_back(render_message("docx.import-header", {{"file", file}}, lang));
  if (auto it = pending.find(0); it != pending.end()) {
    for (const auto& line : it->second) o.header.push_back(line);
    pending.erase(it);
  }
  o.comments_before = [&](model::Pos pos) {
    std::vector<std::string> lines;
    while (!pending.empty() && pending.begin()->first <= pos.line) {
      const int n = pending.begin()->first;
      const auto at = static_cast<size_t>(n);
      // "¶7 「一、巴中发展基本情况」": the location without the file's name.
      std::string where = SourceLoc::docx_paragraph("", n, at < openings.size() ? openings[at] : "").format(lang);
      if (where.starts_with(":")) where.erase(0, 1);
      for (const auto& line : pending.begin()->second) lines.push_back(where + " " + line);
      pending.erase(pending.begin());
    }
    return lines;
  };
  return xml::write_report(im.report, o);
}

}  // namespace banshi::docx
