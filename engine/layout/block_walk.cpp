#include "layout/block_walk.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <memory>
#include <utility>

#include "layout/caption_label.h"
#include "layout/numbering.h"
#include "layout/paragraph_spec.h"
#include "layout/table.h"

namespace banshi {

using namespace model;

ParagraphSpec BlockWalk::spec_for(const TextStyle& s) const { return paragraph_spec(s, tmpl_); }

void BlockWalk::add(CollectedText text, const TextStyle& style, const std::string& bookmark, int level) {
  if (text.empty()) return;
  flow_.add_space(style.lines_before);
  const size_t bytes = text.text.size();
  flow_.add_paragraph(ahead_.compose(std::move(text), spec_for(style)), bytes, 0, style.size, style.keep_with_next,
                      bookmark, level);
  flow_.add_space(style.lines_after);
}

void BlockWalk::add_text(const std::string& text, const TextStyle& style) {
  CollectedText t;
  t.push(text, span_style(style, fonts_));
  add(std::move(t), style);
}

void BlockWalk::outcome() {
  const Outcome& o = report_.outcome;
  const bool after_front = !tmpl_.front.empty() && !tmpl_.outcome_new_page;
  flow_.add_break(tmpl_.outcome_recto, FolioMode::Restart, !after_front);
  {
    CollectedText t;
    const TextStyle& ts = tmpl_.style(Role::Title);
    collector_.collect(o.title, span_style(ts, fonts_), t);
    check_length(t, o.title_pos, kTitleText);
    add(std::move(t), ts, plain_text(o.title), 1);
  }
  if (!o.authors.empty()) {
    const TextStyle& as = tmpl_.style(Role::Authors);
    // One line per role: 课题负责人：胡明  课题参与者：张三、李四
    struct AuthorRole {
      std::string role, names;
      Pos pos;  // its first author's
    };
    std::vector<AuthorRole> roles;
    for (const Author& a : o.authors) {
      auto it = std::find_if(roles.begin(), roles.end(), [&](const AuthorRole& r) { return r.role == a.role; });
      if (it == roles.end()) roles.push_back({a.role, a.name, a.pos});
      else it->names += "、" + a.name;
    }
    // The blank line the style asks for comes after the block, not after each role.
    TextStyle inner = as;
    inner.lines_after = 0;
    for (size_t k = 0; k < roles.size(); ++k) {
      const auto& [role, names, pos] = roles[k];
      CollectedText t;
      t.push(role.empty() ? names : role + "：" + names, span_style(as, fonts_));
      check_length(t, pos, kAuthorsText);
      add(std::move(t), k + 1 == roles.size() ? as : inner);
    }
  }
  const TextStyle& body = tmpl_.style(Role::Body);
  const TextStyle& label = tmpl_.style(Role::Label);
  if (o.abstract) {
    CollectedText t;
    t.push("摘　要：", span_style(label, fonts_));
    collector_.collect(*o.abstract, span_style(body, fonts_), t);
    check_length(t, o.abstract_pos, kAbstractText);
    add(std::move(t), body);
  }
  if (!o.keywords.empty()) {
    CollectedText t;
    t.push("关键词：", span_style(label, fonts_));
    std::string k;
    for (const auto& kw : o.keywords) k += (k.empty() ? "" : "；") + kw;
    t.push(k, span_style(body, fonts_));
    check_length(t, o.keywords_pos, kKeywordsText);
    add(std::move(t), body);
  }
  if (o.abstract || !o.keywords.empty()) flow_.add_space(1);
  blocks(o.body);
  references();
  compose_notes();
  flow_.settle();
  ahead_.absorb_into_own();
}

void BlockWalk::blocks(std::span<const Block> bs) {
  for (const Block& b : bs) {
    std::visit(
        [&](const auto& node) {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, Paragraph>) paragraph(node);
          else if constexpr (std::is_same_v<T, Section>) section(node);
          else if constexpr (std::is_same_v<T, ListBlock>) list(node);
          else if constexpr (std::is_same_v<T, Table>) table(node);
          else if constexpr (std::is_same_v<T, Figure>) figure(node);
          else if constexpr (std::is_same_v<T, Quote>) quote(node);
        },
        b.node);
    refuse_if_too_long(std::visit([](const auto& node) { return node.pos; }, b.node));
  }
}

void BlockWalk::refuse_if_too_long(model::Pos at) const {
  // A report far past the page limit is refused while its flow grows, not
  // after every page of it is laid out (a 16 MB file of short paragraphs
  // would take seconds and hundreds of megabytes first). Lines take at
  // least a grid line each and boxes their height, so this many pages is
  // a lower bound: nothing that fits the limit is refused here.
  const PageGeometry& g = tmpl_.page;
  const double at_least = static_cast<double>(flow_.line_count()) / g.lines + flow_.box_height() / g.text_height;
  if (at_least > static_cast<double>(options_.max_pages)) {
    throw InputError(
        Diagnostic(Severity::Error, "limit.pages-by-here", {{"limit", options_.max_pages}}).at(report_.loc(at)));
  }
}

void BlockWalk::section(const Section& s) {
  const int depth = std::clamp(s.depth, 1, 4);
  const NumberingLevel* level = tmpl_.level(depth);
  const TextStyle& hs = level ? tmpl_.style(level->style) : tmpl_.style(Role::Heading1);
  std::string number;
  if (s.numbered && level) {
    ++counters_[depth];
    for (int d = depth + 1; d <= 4; ++d) counters_[d] = 0;
    number = format_number(level->format, counters_[depth]);
  }
  const bool run_in = s.run_in.value_or(level && level->run_in);
  const std::string bookmark = number + plain_text(s.heading);
  CollectedText heading;
  const SpanStyle hstyle = span_style(hs, fonts_);
  heading.push(number, hstyle);
  collector_.collect(s.heading, hstyle, heading);
  check_length(heading, s.heading_pos, kHeadingText);

  size_t first = 0;
  if (run_in && !s.blocks.empty() && std::holds_alternative<Paragraph>(s.blocks.front().node)) {
    // 1.培育新型人才。人才是…: the heading in its own style, then the
    // paragraph's text in the body style, as one paragraph.
    const std::string& t = heading.text;
    const bool ends_with_punct = !t.empty() && (t.ends_with("。") || t.ends_with("？") || t.ends_with("！") ||
                                                t.ends_with("：") || t.ends_with("."));
    if (!ends_with_punct) heading.push("。", hstyle);
    const Paragraph& p = std::get<Paragraph>(s.blocks.front().node);
    collector_.collect(p.content, span_style(tmpl_.style(Role::Body), fonts_), heading);
    check_length(heading, p.pos, kParagraphText);
    add(std::move(heading), tmpl_.style(Role::Body), bookmark, depth + 1);
    first = 1;
  } else {
    add(std::move(heading), hs, bookmark, depth + 1);
  }
  // The model's own blocks, not a copy: notes registered from them keep
  // pointing into the report.
  blocks(std::span<const Block>(s.blocks).subspan(first));
}

void BlockWalk::check_length(const CollectedText& t, const Pos& pos, const TextBlockKind& kind) const {
  check_text_length(t, options_.max_paragraph_chars, report_.loc(pos), kind);
}

void BlockWalk::paragraph(const Paragraph& p, const CollectedText* lead) {
  const TextStyle& body = tmpl_.style(Role::Body);
  CollectedText t;
  if (lead) t = *lead;
  collector_.collect(p.content, span_style(body, fonts_), t);
  check_length(t, p.pos, kParagraphText);
  add(std::move(t), body);
}

void BlockWalk::list(const ListBlock& l) {
  // Items indented two characters like paragraphs, the label in a box of
  // two characters, wrapped lines aligned with the item's text.
  TextStyle item = tmpl_.style(Role::List);
  const double em = tmpl_.page.char_pitch();
  const double label_box = 2 * em;
  int n = 0;
  for (size_t k = 0; k < l.items.size(); ++k) {
    const model::Inlines& it = l.items[k];
    CollectedText t;
    SpanStyle s = span_style(item, fonts_);
    SpanStyle label = s;
    label.box_width = label_box;
    t.push(l.ordered ? std::to_string(++n) + "." : "•", label);
    collector_.collect(it, s, t);
    check_length(t, k < l.item_pos.size() ? l.item_pos[k] : l.pos, kListItemText);
    ParagraphSpec spec = spec_for(item);
    spec.indent = spec.first_indent + label_box;
    spec.first_indent = -label_box;
    spec.hanging = 0;
    flow_.add_space(item.lines_before);
    const size_t bytes = t.text.size();
    flow_.add_paragraph(ahead_.compose(std::move(t), spec), bytes, 0, item.size, false);
    flow_.add_space(item.lines_after);
  }
}

void BlockWalk::table(const Table& t) {
  TableEnv env{tmpl_, fonts_, composer_, collector_, diags_, report_};
  env.number = ++tables_;
  env.max_chars = options_.max_paragraph_chars;
  layout_table(t, env, flow_);
}

void BlockWalk::figure(const Figure& f) {
  if (!options_.figures || !options_.figures->count(&f))
    throw EngineError("layout.figure-not-prepared", {{"line", f.pos.line}});
  const std::shared_ptr<const image::PreparedImage>& prepared = options_.figures->at(&f);
  const image::PreparedImage& info = *prepared;
  ++figures_;
  const PageGeometry& g = tmpl_.page;
  const TextStyle& cs = tmpl_.style(Role::FigureCaption);
  // The caption: "图N …" unless it already starts with 图N.
  CollectedText caption;
  const SpanStyle cstyle = span_style(cs, fonts_);
  const std::string given = plain_text(f.caption);
  if (!given.starts_with("图") || given.size() < 4 || !std::isdigit(static_cast<unsigned char>(given[3])))
    caption.push("图" + std::to_string(figures_) + (f.caption.empty() ? "" : kCaptionLabelSpace), cstyle);
  collector_.collect(with_label_space(f.caption, "图"), cstyle, caption);
  check_length(caption, f.pos, kFigureCaptionText);
  ComposedParagraph cp = composer_.compose(caption, spec_for(cs));
  // Scaled to the given width (never wider than the text block) or to the
  // text width, and never taller than the page leaves with its caption.
  double w = std::min(f.width_pt.value_or(g.text_width), g.text_width);
  double h = w * info.height / info.width;
  const double max_h = g.text_height - (static_cast<double>(cp.lines.size()) + 1) * g.line_pitch();
  if (h > max_h) {
    w *= max_h / h;
    h = max_h;
  }
  FlowBox box;
  box.floating = true;
  // A little air above the image; the caption follows on the grid below it.
  const double pad = g.line_pitch() * 0.25;
  box.items.emplace_back(Image{prepared.get(), (g.text_width - w) / 2, pad, w, h});
  box.height = h + pad;
  for (auto& line : cp.lines) {
    FlowLine fl;
    fl.line = std::move(line);
    fl.size = cs.size;
    box.caption.push_back(std::move(fl));
  }
  box.lines_after = cs.lines_after;
  flow_.add_box(std::move(box));
}

void BlockWalk::quote(const Quote& q) {
  // Set in from both sides by two characters, in the quote style.
  const TextStyle& s = tmpl_.style(Role::Quote);
  const double indent = 2 * tmpl_.page.char_pitch();
  for (const auto& p : q.paragraphs) {
    CollectedText t;
    collector_.collect(p.content, span_style(s, fonts_), t);
    check_length(t, p.pos, kQuoteText);
    ParagraphSpec spec = spec_for(s);
    spec.indent += indent;
    spec.measure -= indent;
    flow_.add_space(s.lines_before);
    const size_t bytes = t.text.size();
    flow_.add_paragraph(ahead_.compose(std::move(t), spec), bytes, 0, s.size, false);
    flow_.add_space(s.lines_after);
  }
}

void BlockWalk::references() {
  const auto& refs = report_.outcome.references;
  if (refs.empty()) return;
  const TextStyle& hs = tmpl_.style(Role::ReferencesHeading);
  flow_.add_space(1);
  add_text("参考文献", hs);
  // Cited references in order of first citation, then the others.
  // One sort by each reference's number (the uncited last, in the order
  // written), not a scan of every reference per number: that took 12 s
  // for 10,000 references.
  std::vector<std::pair<int, const Reference*>> ranked;
  ranked.reserve(refs.size());
  for (const auto& r : refs) {
    const int number = cites_.number(r.id);
    ranked.emplace_back(number == 0 ? std::numeric_limits<int>::max() : number, &r);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const Reference*> order;
  order.reserve(ranked.size());
  for (const auto& [number, r] : ranked) order.push_back(r);
  const TextStyle& rs = tmpl_.style(Role::Reference);
  int n = 0;
  for (const Reference* r : order) {
    CollectedText t;
    const SpanStyle s = span_style(rs, fonts_);
    SpanStyle label = s;
    label.box_width = rs.hanging.resolve(tmpl_.page.char_pitch());
    t.push("[" + std::to_string(++n) + "]", label);
    collector_.collect(r->content, s, t);
    check_length(t, r->pos, kReferenceText);
    add(std::move(t), rs);
  }
}

void BlockWalk::compose_notes() {
  const TextStyle& ns = tmpl_.style(Role::Footnote);
  const ParagraphSpec spec = note_spec();
  std::vector<Task<ComposedParagraph>> composed;
  composed.reserve(notes_.notes().size());
  for (size_t k = 0; k < notes_.notes().size(); ++k) {
    const Note& note = notes_.notes()[k];
    CollectedText t;
    const SpanStyle s = span_style(ns, fonts_);
    // The number in the hanging indent, the text aligned after it.
    SpanStyle marker = notes_.circled() ? s : superscript(s);
    marker.box_width = spec.hanging;
    t.push(notes_.marker(static_cast<int>(k)), marker);
    collector_.collect_note(*note.content, s, t);
    check_length(t, note.pos, kNoteText);
    composed.push_back(ahead_.compose(std::move(t), spec));
  }
  for (auto& c : composed) flow_.notes.push_back({c.get().lines});
}

ParagraphSpec BlockWalk::note_spec() const {
  ParagraphSpec spec = spec_for(tmpl_.style(Role::Footnote));
  spec.cell = 0;
  return spec;
}

}  // namespace banshi
