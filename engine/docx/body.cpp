#include "docx/body.h"

#include <cstring>

#include "docx/messages.h"
#include "docx/package.h"
#include "docx/walker.h"

namespace banshi::docx {

namespace {

// Reads footnotes.xml or endnotes.xml; their notes are walked when
// referred to. Separator entries (w:type="separator",
// "continuationSeparator", "continuationNotice") are the line above the
// notes, not notes.
void read_notes(const Package& package, std::string_view kind, std::string_view element, NotesPart& out) {
  const Relationship* rel = package.related(package.main_part(), kind);
  if (!rel) return;
  if (rel->escapes) fail(package.name(), "docx.notes-outside", {{"part", kind}, {"target", rel->target}});
  if (rel->external) fail(package.name(), "docx.notes-linked", {{"part", kind}, {"target", rel->target}});
  if (!package.has(rel->part)) return;
  out.part = rel->part;
  out.doc = parse_part(package, rel->part);
  const El* root = out.doc->RootElement();
  if (!root) return;
  out.ns = Namespaces::of(root);
  for (const El* n = root->FirstChildElement(); n; n = n->NextSiblingElement()) {
    if (local_name(n) != element) continue;
    const char* type = attr(n, out.ns.w, "type");
    if (type && std::strcmp(type, "normal") != 0) continue;
    if (const char* id = attr(n, out.ns.w, "id")) out.notes.emplace(id, n);
  }
}

}  // namespace

Body read_body(const Package& package, const StyleSheet& styles, Numbering& numbering, ImportLog& log) {
  WalkContext ctx(package, styles, numbering, log);
  read_notes(package, "footnotes", "footnote", ctx.footnotes);
  read_notes(package, "endnotes", "endnote", ctx.endnotes);

  const auto doc = parse_part(package, package.main_part());
  const El* root = doc->RootElement();
  const Namespaces ns = Namespaces::of(root);
  Body body;
  const El* b = root ? child(root, ns.w, "body") : nullptr;
  if (b) Walker(ctx, package.main_part(), ns, true).blocks(b, body.blocks);
  body.openings = std::move(ctx.openings);
  return body;
}

}  // namespace banshi::docx
