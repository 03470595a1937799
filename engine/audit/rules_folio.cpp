// Page numbers (format, place, sequence) and footnotes on their marker's
// page.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "audit/form_keys.h"
#include "audit/note_markers.h"
#include "audit/rules.h"
#include "para/char_class.h"
#include "util/units.h"

namespace banshi::audit {

namespace {

std::u32string expected_folio(const Analysis& a, long n) {
  std::string f = a.tpl->folio.format;
  const size_t at = f.find("{n}");
  if (at != std::string::npos) f.replace(at, 3, std::to_string(n));
  return normalised(f);
}

bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

// Outcome pages with a page number.
std::vector<const Page*> numbered(const Analysis& a) {
  std::vector<const Page*> out;
  for (const Page& p : a.pages)
    if (p.outcome && p.folio && p.folio->number) out.push_back(&p);
  return out;
}

}  // namespace

Finding rule_folio_format(const Analysis& a) {
  const char* id = "folio.format";
  const FolioStyle& want = a.tpl->folio;
  if (!want.enabled) return make(id, Verdict::NotApplicable, Text("audit.folio.disabled"));
  const auto pages = numbered(a);
  if (pages.empty()) return make(id, Verdict::Fail, Text("audit.folio.none"));
  const double size_tol = tol(a, id, "size-pt");
  std::vector<int> bad;
  std::vector<Text> details;
  std::vector<double> sizes;
  for (const Page* p : pages) {
    const Folio& f = *p->folio;
    sizes.push_back(f.size);
    auto flag = [&](Text m) {
      bad.push_back(p->seq);
      if (details.size() < 12) details.push_back(std::move(m.arg("page", std::to_string(p->seq))));
    };
    const std::u32string want_text = expected_folio(a, *f.number);
    if (f.text != want_text) flag(Text("audit.folio.text").arg("text", utf8(f.text)).arg("expected", utf8(want_text)));
    if (std::fabs(f.size - want.size) > size_tol)
      flag(Text("audit.folio.size").arg("size", fixed(f.size)).arg("expected", fixed(want.size)));
    // The digits' face (宋体 by GB/T 9704).
    const Line& l = p->lines[f.line];
    for (uint32_t i : l.glyphs) {
      const Glyph& g = p->glyphs[i];
      if (!is_digit(g.cp)) continue;
      if (a.face_of(g) != want.face)
        flag(Text("audit.folio.face")
                 .arg("face", a.face_of(g).empty() ? a.faces[g.font].name : a.face_name(a.face_of(g)))
                 .arg("expected", a.face_name(want.face)));
      break;
    }
  }
  std::sort(sizes.begin(), sizes.end());
  const Page& sample = *pages.front();
  Text m = Text("audit.folio.format.measured")
               .arg("count", std::to_string(pages.size()))
               .arg("text", utf8(sample.folio->text))
               .arg("size", fixed(sizes[sizes.size() / 2]))
               .arg("expected", utf8(expected_folio(a, 1)))
               .arg("expected_size", fixed(want.size));
  Finding f = make(id, bad.empty() ? Verdict::Pass : Verdict::Fail, m, bad);
  f.details = std::move(details);
  return f;
}

Finding rule_folio_position(const Analysis& a) {
  const char* id = "folio.position";
  const FolioStyle& want = a.tpl->folio;
  if (!want.enabled) return make(id, Verdict::NotApplicable, Text("audit.folio.disabled"));
  const auto pages = numbered(a);
  if (pages.empty()) return make(id, Verdict::NotApplicable, Text("audit.folio.none"));
  const double below_tol = mm(tol(a, id, "below-mm")), edge_tol = mm(tol(a, id, "edge-mm"));
  const bool mirror = mirrored(a);
  std::vector<int> bad;
  std::vector<Text> details;
  std::vector<double> belows;
  for (const Page* p : pages) {
    const Folio& f = *p->folio;
    const Rect b = page_block(a, *p);
    const double bottom = a.block(p->seq, mirror).y1;
    const double below = f.em_top - bottom;
    belows.push_back(below);
    const double inset = want.inset.resolve(f.size);
    const bool odd = p->seq % 2 == 1;
    const double right_miss = f.x1 - (b.x1 - inset), left_miss = f.x0 - (b.x0 + inset);
    // Odd pages at the right, even pages at the left (outside edges); a
    // document printed one-sided may keep them all at the right.
    const bool at_right = std::fabs(right_miss) <= edge_tol, at_left = std::fabs(left_miss) <= edge_tol;
    const bool placed = odd ? at_right : (at_left || (!mirror && at_right));
    auto flag = [&](Text m) {
      bad.push_back(p->seq);
      if (details.size() < 12) details.push_back(std::move(m.arg("page", std::to_string(p->seq))));
    };
    if (std::fabs(below - want.below) > below_tol)
      flag(Text("audit.folio.below").arg("below", mm_text(below)).arg("expected", mm_text(want.below)));
    if (!placed) {
      const double centre = (f.x0 + f.x1) / 2 - (b.x0 + b.x1) / 2;
      const char* where = std::fabs(centre) <= 2 * f.size ? "audit.folio.centred"
                          : odd                           ? "audit.folio.not-right"
                                                          : "audit.folio.not-left";
      flag(Text(where).arg("miss", mm_text(std::fabs(odd ? right_miss : left_miss))));
    }
  }
  std::sort(belows.begin(), belows.end());
  Text m = Text("audit.folio.position.measured")
               .arg("count", std::to_string(pages.size()))
               .arg("below", mm_text(belows[belows.size() / 2]))
               .arg("expected", mm_text(want.below));
  Finding f = make(id, bad.empty() ? Verdict::Pass : Verdict::Fail, m, bad);
  f.details = std::move(details);
  return f;
}

Finding rule_folio_sequence(const Analysis& a) {
  const char* id = "folio.sequence";
  if (!a.tpl->folio.enabled) return make(id, Verdict::NotApplicable, Text("audit.folio.disabled"));
  const auto pages = numbered(a);
  if (pages.empty()) return make(id, Verdict::NotApplicable, Text("audit.folio.none"));
  std::vector<int> bad;
  std::vector<Text> details;
  for (size_t i = 1; i < pages.size(); ++i) {
    const long prev = *pages[i - 1]->folio->number, cur = *pages[i]->folio->number;
    const long gap = pages[i]->seq - pages[i - 1]->seq;
    if (cur == prev + gap || cur == prev + 1) continue;
    bad.push_back(pages[i]->seq);
    if (details.size() < 12)
      details.push_back(Text("audit.folio.jump")
                            .arg("page", std::to_string(pages[i]->seq))
                            .arg("number", std::to_string(cur))
                            .arg("previous", std::to_string(prev)));
  }
  // A page of the outcome with text but no number.
  for (const Page& p : a.pages) {
    if (!p.outcome || p.folio) continue;
    const bool text = std::any_of(p.lines.begin(), p.lines.end(), [](const Line& l) {
      return l.role == Role::Body || l.role == Role::Heading || l.role == Role::Title;
    });
    if (!text) continue;
    bad.push_back(p.seq);
    if (details.size() < 12) details.push_back(Text("audit.folio.missing").arg("page", std::to_string(p.seq)));
  }
  Text m = Text("audit.folio.sequence.measured")
               .arg("first", std::to_string(*pages.front()->folio->number))
               .arg("last", std::to_string(*pages.back()->folio->number))
               .arg("count", std::to_string(pages.size()));
  Finding f = make(id, bad.empty() ? Verdict::Pass : Verdict::Fail, m, bad);
  f.details = std::move(details);
  return f;
}

Finding rule_footnotes_page(const Analysis& a) {
  const char* id = "footnotes.page";
  std::map<int, std::set<int>> notes_on;  // page → note numbers
  std::map<int, std::vector<int>> pages_of_note;
  int notes = 0, last = 0;
  std::vector<Marker> markers;
  for (const Page& p : a.pages) {
    if (!p.outcome) continue;
    for (const Line& l : p.lines) {
      if (l.role == Role::Footnote) {
        if (auto n = note_number(p, l, last)) {
          last = *n;
          notes_on[p.seq].insert(*n);
          pages_of_note[*n].push_back(p.seq);
          ++notes;
        }
        continue;
      }
      switch (l.role) {
        case Role::Body:
        case Role::Quote:
        case Role::Heading:
        case Role::Table:
        case Role::Caption:
        case Role::Title:
        case Role::Author:
        case Role::Other: find_markers(p, l, markers); break;
        default: break;
      }
    }
  }
  if (notes == 0 && markers.empty()) return make(id, Verdict::NotApplicable, Text("audit.notes.none"));
  std::vector<int> bad;
  std::vector<Text> details;
  std::map<int, std::set<int>> markers_on;
  for (const Marker& m : markers) {
    markers_on[m.page].insert(m.number);
    if (notes_on[m.page].count(m.number)) continue;
    bad.push_back(m.page);
    if (details.size() >= 12) continue;
    auto elsewhere = pages_of_note.find(m.number);
    if (elsewhere != pages_of_note.end())
      details.push_back(Text("audit.notes.elsewhere")
                            .arg("page", std::to_string(m.page))
                            .arg("number", std::to_string(m.number))
                            .arg("note_page", std::to_string(elsewhere->second.front())));
    else
      details.push_back(
          Text("audit.notes.missing").arg("page", std::to_string(m.page)).arg("number", std::to_string(m.number)));
  }
  for (const auto& [page, numbers] : notes_on)
    for (int n : numbers) {
      if (markers_on[page].count(n)) continue;
      bad.push_back(page);
      if (details.size() < 12)
        details.push_back(
            Text("audit.notes.unmarked").arg("page", std::to_string(page)).arg("number", std::to_string(n)));
    }
  Finding f = make(
      id, bad.empty() ? Verdict::Pass : Verdict::Fail,
      Text("audit.notes.measured").arg("notes", std::to_string(notes)).arg("markers", std::to_string(markers.size())),
      bad);
  f.details = std::move(details);
  return f;
}

}  // namespace banshi::audit
