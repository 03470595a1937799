#include "model/document.h"

namespace banshi::model {

namespace {

void append_plain(const Inlines& in, std::string& out) {
  for (const auto& i : in) {
    switch (i.kind) {
      case InlineKind::Text: out += i.text; break;
      case InlineKind::Footnote:
      case InlineKind::Cite: break;
      case InlineKind::LineBreak: out += ' '; break;
      default: append_plain(i.children, out);
    }
  }
}

}  // namespace

std::string plain_text(const Inlines& in) {
  std::string out;
  append_plain(in, out);
  return out;
}

SourceLoc Report::loc(Pos p) const {
  if (paragraph_openings.empty()) return {source_file, p.line, p.column};
  if (p.line <= 0) return SourceLoc(source_file);
  const auto n = static_cast<size_t>(p.line);
  return SourceLoc::docx_paragraph(source_file, p.line, n < paragraph_openings.size() ? paragraph_openings[n] : "");
}

const FieldValue* FieldGroup::find(std::string_view field) const {
  const auto it = values.find(field);
  return it == values.end() ? nullptr : &it->second;
}

std::string_view FieldGroup::text(std::string_view field) const {
  const FieldValue* v = find(field);
  return v ? std::string_view(v->text) : std::string_view{};
}

const FieldGroup* Report::group(std::string_view name) const {
  for (const auto& g : form)
    if (g.name == name) return &g;
  return nullptr;
}

std::vector<const FieldGroup*> Report::groups(std::string_view name) const {
  std::vector<const FieldGroup*> out;
  for (const auto& g : form)
    if (g.name == name) out.push_back(&g);
  return out;
}

std::string_view Report::field(std::string_view key) const {
  const size_t dot = key.find('.');
  if (dot == std::string_view::npos) return {};
  const FieldGroup* g = group(key.substr(0, dot));
  return g ? g->text(key.substr(dot + 1)) : std::string_view{};
}

}  // namespace banshi::model
