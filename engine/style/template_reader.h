// Reading template XML: the checks every element of a template gets, so
// a misspelt attribute or a bad length is an error with file:line, never a
// silent default. Internal to the style stage.
#pragma once

#include <tinyxml2.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "style/template.h"

namespace banshi {

using tinyxml2::XMLElement;

// What each element of a template may carry; anything else is an error, so
// a misspelt attribute never silently falls back to a default.

constexpr std::string_view kStyleAttrs[] = {"name",           "label",        "face",         "size",
                                            "bold",           "align",        "first-indent", "left-indent",
                                            "hanging",        "lines-before", "lines-after",  "letter-spacing",
                                            "keep-with-next", "line-break",   "on-grid",      "line-pitch"};

class TemplateReader {
 public:
  explicit TemplateReader(std::filesystem::path file) : file_(std::move(file)) {}

  SourceLoc where(const XMLElement* e) const { return {file_.string(), e->GetLineNum()}; }
  const std::filesystem::path& file() const { return file_; }

  // An InputError at the element's line (exit 2): a broken template gets
  // the same file:line messages as a broken report.
  [[noreturn]] void fail(const XMLElement* e, MessageCode code, Args args = {}) const {
    fail_at(e ? e->GetLineNum() : 0, code, std::move(args));
  }
  [[noreturn]] void fail_at(int line, MessageCode code, Args args = {}) const {
    throw InputError(Diagnostic(Severity::Error, code, std::move(args)).at({file_.string(), line}).about("", "模板"));
  }

  void check_attributes(const XMLElement* e, std::initializer_list<std::string_view> allowed) const {
    check_attributes(e, std::vector<std::string_view>(allowed));
  }
  void check_attributes(const XMLElement* e, const std::vector<std::string_view>& allowed) const {
    for (auto* a = e->FirstAttribute(); a; a = a->Next()) {
      if (std::find(allowed.begin(), allowed.end(), a->Name()) != allowed.end()) continue;
      if (allowed.empty()) fail(e, "data.no-attributes", {{"element", e->Name()}, {"attribute", a->Name()}});
      fail(e, "data.unknown-attribute",
           {{"element", e->Name()}, {"attribute", a->Name()}, {"allowed", std::span<const std::string_view>(allowed)}});
    }
  }

  // <element> may hold only the children named in `allowed`.
  [[noreturn]] void unknown_child(const XMLElement* parent, const XMLElement* child,
                                  std::initializer_list<std::string_view> allowed) const {
    std::vector<std::string> tags;
    for (auto n : allowed) tags.push_back("<" + std::string(n) + ">");
    fail(child, "data.unknown-element", {{"element", parent->Name()}, {"child", child->Name()}, {"allowed", tags}});
  }

  std::string attr(const XMLElement* e, const char* name, std::string fallback = {}) const {
    const char* v = e->Attribute(name);
    return v ? std::string(v) : fallback;
  }

  std::string required(const XMLElement* e, const char* name) const {
    const char* v = e->Attribute(name);
    if (!v) fail(e, "data.missing-attribute", {{"element", e->Name()}, {"attribute", name}});
    return v;
  }

  std::optional<Length> length(const XMLElement* e, const char* name) const {
    const char* v = e->Attribute(name);
    if (!v) return std::nullopt;
    auto l = parse_length(v);
    if (!l) fail(e, "template.length", {{"element", e->Name()}, {"attribute", name}, {"value", v}});
    return l;
  }

  double points(const XMLElement* e, const char* name, double fallback) const {
    auto l = length(e, name);
    if (!l) return fallback;
    if (l->em) fail(e, "template.absolute-length", {{"element", e->Name()}, {"attribute", name}});
    return l->value;
  }

  std::optional<double> font_size(const XMLElement* e, const char* name) const {
    const char* v = e->Attribute(name);
    if (!v) return std::nullopt;
    auto s = parse_font_size(v);
    if (!s) fail(e, "template.font-size", {{"element", e->Name()}, {"attribute", name}, {"value", v}});
    return s;
  }

  int integer(const XMLElement* e, const char* name, int fallback, int lo, int hi) const {
    const char* v = e->Attribute(name);
    if (!v) return fallback;
    int n = 0;
    std::string_view s(v);
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || p != s.data() + s.size() || n < lo || n > hi)
      fail(e, "template.integer",
           {{"element", e->Name()}, {"attribute", name}, {"value", v}, {"min", lo}, {"max", hi}});
    return n;
  }

  bool flag(const XMLElement* e, const char* name, bool fallback) const {
    const char* v = e->Attribute(name);
    if (!v) return fallback;
    std::string_view s(v);
    if (s == "yes" || s == "true") return true;
    if (s == "no" || s == "false") return false;
    fail(e, "data.yes-no", {{"element", e->Name()}, {"attribute", name}, {"value", v}});
  }

  // The attribute's value, which must be one of `allowed` (the first when absent).
  std::string choice(const XMLElement* e, const char* name, std::initializer_list<std::string_view> allowed) const {
    const char* v = e->Attribute(name);
    if (!v) return std::string(*allowed.begin());
    if (std::find(allowed.begin(), allowed.end(), v) == allowed.end())
      fail(e, "data.choice", {{"element", e->Name()}, {"attribute", name}, {"value", v}, {"allowed", allowed}});
    return v;
  }

  Align align(const XMLElement* e, Align fallback) const {
    if (!e->Attribute("align")) return fallback;
    const std::string s = choice(e, "align", {"left", "center", "right", "justify", "distribute"});
    if (s == "left") return Align::Left;
    if (s == "center") return Align::Center;
    if (s == "right") return Align::Right;
    if (s == "justify") return Align::Justify;
    return Align::Distribute;
  }

  PageGeometry page(const XMLElement* e) const {
    check_attributes(e, {"size", "top", "binding", "text-width", "text-height", "lines", "chars", "mirror"});
    PageGeometry g;
    g.where = where(e);
    choice(e, "size", {"A4"});
    g.width = mm(210);
    g.height = mm(297);
    g.top = points(e, "top", g.top);
    g.binding = points(e, "binding", g.binding);
    g.text_width = points(e, "text-width", g.text_width);
    g.text_height = points(e, "text-height", g.text_height);
    g.lines = integer(e, "lines", g.lines, 1, 200);
    g.chars = integer(e, "chars", g.chars, 1, 200);
    g.mirror = flag(e, "mirror", g.mirror);
    if (g.top + g.text_height > g.height || g.binding + g.text_width > g.width) fail(e, "template.text-block");
    return g;
  }

  FolioStyle folio(const XMLElement* e) const {
    check_attributes(e, {"format", "face", "size", "below", "inset", "enabled"});
    FolioStyle f;
    f.where = where(e);
    f.format = attr(e, "format", f.format);
    if (f.format.find("{n}") == std::string::npos) fail(e, "template.folio-format", {{"value", f.format}});
    f.face = attr(e, "face", f.face);
    f.size = font_size(e, "size").value_or(f.size);
    f.below = points(e, "below", f.below);
    f.inset = length(e, "inset").value_or(f.inset);
    f.enabled = flag(e, "enabled", f.enabled);
    return f;
  }

  TextStyle style(const XMLElement* e) const {
    check_attributes(e, std::vector<std::string_view>(std::begin(kStyleAttrs), std::end(kStyleAttrs)));
    TextStyle s;
    s.where = where(e);
    s.name = required(e, "name");
    s.label = attr(e, "label", s.name);
    s.face = attr(e, "face", s.face);
    s.size = font_size(e, "size").value_or(s.size);
    s.bold = flag(e, "bold", false);
    s.align = align(e, Align::Justify);
    s.first_indent = length(e, "first-indent").value_or(Length{});
    s.left_indent = length(e, "left-indent").value_or(Length{});
    s.hanging = length(e, "hanging").value_or(Length{});
    s.lines_before = integer(e, "lines-before", 0, 0, 50);
    s.lines_after = integer(e, "lines-after", 0, 0, 50);
    if (const char* v = e->Attribute("letter-spacing")) {
      auto l = parse_length(v);
      if (!l || !l->em) fail(e, "template.letter-spacing", {{"value", v}});
      s.letter_spacing = l->value;
    }
    s.keep_with_next = flag(e, "keep-with-next", false);
    if (e->Attribute("line-break")) s.break_in_phrases = choice(e, "line-break", {"anywhere", "phrases"}) == "phrases";
    s.on_grid = flag(e, "on-grid", true);
    s.line_pitch = points(e, "line-pitch", 0);
    if (!s.on_grid && s.line_pitch <= 0) fail(e, "template.off-grid-pitch", {{"style", s.name}});
    return s;
  }

  NumberingLevel numbering(const XMLElement* e) const {
    check_attributes(e, {"depth", "format", "style", "run-in"});
    NumberingLevel n;
    n.line = e->GetLineNum();
    required(e, "depth");
    n.depth = integer(e, "depth", 0, 1, 4);
    n.format = required(e, "format");
    if (n.format.find("{zh}") == std::string::npos && n.format.find("{n}") == std::string::npos)
      fail(e, "template.numbering-format", {{"value", n.format}});
    n.style = required(e, "style");
    n.run_in = flag(e, "run-in", false);
    return n;
  }

 private:
  std::filesystem::path file_;
};

}  // namespace banshi
