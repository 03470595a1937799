#include "style/template_check.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace banshi {

namespace {

constexpr double kMinTextBlock = mm(20);  // the narrowest and shortest text block
constexpr double kMaxLetterSpacing = 2;   // em
constexpr double kMinLetterSpacing = -0.5;
constexpr double kMaxRule = 5;  // pt: a cover field's underline

// A number as a person writes it: at most two decimals, no trailing zeros.
std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string pt(double v) { return number(v) + "pt"; }
std::string in_mm(double points) { return number(points / kPtPerMm) + "mm"; }
std::string length(const Length& l) { return l.em ? number(l.value) + "em" : in_mm(l.value); }

class Checker {
 public:
  explicit Checker(const Template& t) : t_(t), g_(t.page) {}

  void run() {
    page();
    folio();
    for (const auto& [name, style] : t_.styles) text_style(style);
    for (const FrontPage& p : t_.front)
      for (const FormItem& item : p.items) {
        if (const auto* f = std::get_if<FormFields>(&item)) fields(*f);
        if (const auto* b = std::get_if<FormBox>(&item)) box(*b);
      }
  }

 private:
  SourceLoc at(const SourceLoc& where) const { return where.file.empty() ? SourceLoc{t_.file.string()} : where; }
  SourceLoc at_line(int line) const { return {t_.file.string(), line}; }

  [[noreturn]] static void fail(SourceLoc loc, const char* element, MessageCode code, Args args) {
    throw InputError(Diagnostic(Severity::Error, code, std::move(args)).at(std::move(loc)).about(element, "模板"));
  }

  // `value` (as written) must lie in [lo, hi]; the bounds as written too.
  static void range(double v, double lo, double hi, const SourceLoc& loc, const char* element, const char* attribute,
                    const std::string& value, const std::string& lo_text, const std::string& hi_text) {
    if (v >= lo - 1e-9 && v <= hi + 1e-9) return;
    fail(loc, element, "template.range",
         {{"attribute", attribute}, {"value", value}, {"min", lo_text}, {"max", hi_text}});
  }
  static void length_range(double v, double lo, double hi, const SourceLoc& loc, const char* element,
                           const char* attribute) {
    range(v, lo, hi, loc, element, attribute, in_mm(v), in_mm(lo), in_mm(hi));
  }
  static void size_range(double v, const SourceLoc& loc, const char* element) {
    range(v, kMinTypeSize, kMaxTypeSize, loc, element, "size", pt(v), pt(kMinTypeSize), pt(kMaxTypeSize));
  }

  // The page's foot below the text block.
  double bottom_margin() const { return g_.height - g_.top - g_.text_height; }

  void page() const {
    const SourceLoc loc = at(g_.where);
    length_range(g_.top, 0, g_.height - kMinTextBlock, loc, "<page>", "top");
    length_range(g_.binding, 0, g_.width - kMinTextBlock, loc, "<page>", "binding");
    length_range(g_.text_width, kMinTextBlock, g_.width, loc, "<page>", "text-width");
    length_range(g_.text_height, kMinTextBlock, g_.height, loc, "<page>", "text-height");
  }

  void folio() const {
    const FolioStyle& f = t_.folio;
    if (!f.enabled) return;
    const SourceLoc loc = at(f.where);
    size_range(f.size, loc, "<folio>");
    length_range(f.below, 0, bottom_margin(), loc, "<folio>", "below");
    const double inset = f.inset.resolve(f.size);
    range(inset, 0, g_.text_width, loc, "<folio>", "inset", length(f.inset), "0mm", in_mm(g_.text_width));
    // The folio's line, below the text block, on the paper.
    if (f.below + f.size > bottom_margin() + 1e-9)
      fail(loc, "<folio>", "template.folio-off-page",
           {{"below", in_mm(f.below)}, {"size", pt(f.size)}, {"margin", in_mm(bottom_margin())}});
  }

  // What an em of `s` is: a grid cell for a style on the grid at the body
  // size (paragraph_spec's rule), else its size.
  double em_of(const TextStyle& s) const {
    const auto body = t_.styles.find("body");
    const bool cell = s.on_grid && body != t_.styles.end() && s.size == body->second.size;
    return cell ? g_.char_pitch() : s.size;
  }

  void text_style(const TextStyle& s) const {
    const SourceLoc loc = at(s.where);
    size_range(s.size, loc, "<style>");
    range(s.letter_spacing, kMinLetterSpacing, kMaxLetterSpacing, loc, "<style>", "letter-spacing",
          number(s.letter_spacing) + "em", number(kMinLetterSpacing) + "em", number(kMaxLetterSpacing) + "em");
    if (!s.on_grid || s.line_pitch > 0)
      range(s.line_pitch, 1, g_.text_height, loc, "<style>", "line-pitch", pt(s.line_pitch), pt(1), pt(g_.text_height));
    // Every line of the style starts inside the text block and leaves room
    // for a character: beyond either, text would be set off the page.
    const double em = em_of(s);
    const double left = s.left_indent.resolve(em);
    const std::pair<double, const char*> starts[] = {{left + s.first_indent.resolve(em), "first-indent"},
                                                     {left + s.hanging.resolve(em), "hanging"}};
    for (const auto& [start, which] : starts) {
      const Length& own = std::string_view(which) == "hanging" ? s.hanging : s.first_indent;
      const std::string indents =
          "left-indent=\"" + length(s.left_indent) + "\" + " + which + "=\"" + length(own) + "\"";
      if (start < -1e-9)
        fail(loc, "<style>", "template.indent-outside", {{"indents", indents}, {"start", in_mm(start)}});
      if (g_.text_width - start < s.size - 1e-9)
        fail(loc, "<style>", "template.indent-no-room",
             {{"indents", indents}, {"start", in_mm(start)}, {"width", in_mm(g_.text_width)}, {"size", pt(s.size)}});
    }
    // A line at the text block's foot keeps its type on the paper.
    const double pitch = s.on_grid ? g_.line_pitch() : s.line_pitch;
    const double below = std::max(0.0, s.size - pitch);
    if (below > bottom_margin() + 1e-9)
      fail(loc, "<style>", "template.line-off-page",
           {{"size", pt(s.size)}, {"pitch", pt(pitch)}, {"margin", in_mm(bottom_margin())}});
  }

  void fields(const FormFields& f) const {
    const SourceLoc loc = at_line(f.line);
    range(f.rule, 0, kMaxRule, loc, "<fields>", "rule", pt(f.rule), pt(0), pt(kMaxRule));
    const auto it = t_.styles.find(f.style);
    if (it == t_.styles.end()) return;  // check_front_styles reports it
    const TextStyle& s = it->second;
    const double em = em_of(s);
    const double indent = f.indent.resolve(em), label = f.label_width.resolve(em), gap = f.gap.resolve(em),
                 width = f.width.resolve(em);
    range(indent, 0, g_.text_width, loc, "<fields>", "indent", length(f.indent), "0mm", in_mm(g_.text_width));
    range(label, 0, g_.text_width, loc, "<fields>", "label-width", length(f.label_width), "0mm", in_mm(g_.text_width));
    range(gap, 0, g_.text_width, loc, "<fields>", "gap", length(f.gap), "0mm", in_mm(g_.text_width));
    // The underline from the label's start: room for the label, the gap
    // and at least one character of the value, and inside the text block.
    range(width, label + gap + s.size, g_.text_width - indent, loc, "<fields>", "width", length(f.width),
          in_mm(label + gap + s.size), in_mm(g_.text_width - indent));
  }

  void box(const FormBox& b) const {
    range(b.lines, 1, g_.lines, at_line(b.line), "<box>", "lines", std::to_string(b.lines), "1",
          std::to_string(g_.lines));
  }

  const Template& t_;
  const PageGeometry& g_;
};

}  // namespace

void check_template_ranges(const Template& t) { Checker(t).run(); }

}  // namespace banshi
