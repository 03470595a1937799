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

  [[noreturn]] void fail(const XMLElement* e, const std::string& what) const {
    Diagnostic d;
    d.loc = {file_.string(), e ? e->GetLineNum() : 0, 0};
    d.path = e ? "<" + std::string(e->Name()) + ">" : "";
    d.label = "模板";
    d.message = what;
    throw InputError(std::move(d));
  }

  void check_attributes(const XMLElement* e, std::initializer_list<std::string_view> allowed) const {
    check_attributes(e, std::vector<std::string_view>(allowed));
  }
  void check_attributes(const XMLElement* e, const std::vector<std::string_view>& allowed) const {
    for (auto* a = e->FirstAttribute(); a; a = a->Next()) {
      if (std::find(allowed.begin(), allowed.end(), a->Name()) == allowed.end()) {
        std::string list;
        for (auto s : allowed) list += (list.empty() ? "" : ", ") + std::string(s);
        fail(e, "unknown attribute " + std::string(a->Name()) + "; allowed: " + list);
      }
    }
  }

  std::string attr(const XMLElement* e, const char* name, std::string fallback = {}) const {
    const char* v = e->Attribute(name);
    return v ? std::string(v) : fallback;
  }

  std::string required(const XMLElement* e, const char* name) const {
    const char* v = e->Attribute(name);
    if (!v) fail(e, std::string("attribute ") + name + " is missing");
    return v;
  }

  std::optional<Length> length(const XMLElement* e, const char* name) const {
    const char* v = e->Attribute(name);
    if (!v) return std::nullopt;
    auto l = parse_length(v);
    if (!l) fail(e, std::string(name) + "=\"" + v + "\" is not a length (e.g. 37mm, 16pt, 2em)");
    return l;
  }

  double points(const XMLElement* e, const char* name, double fallback) const {
    auto l = length(e, name);
    if (!l) return fallback;
    if (l->em) fail(e, std::string(name) + " must be an absolute length, not em");
    return l->value;
  }

  std::optional<double> font_size(const XMLElement* e, const char* name) const {
    const char* v = e->Attribute(name);
    if (!v) return std::nullopt;
    auto s = parse_font_size(v);
    if (!s) fail(e, std::string(name) + "=\"" + v + "\" is not a font size (e.g. 三号, 小四, 16pt)");
    return s;
  }

  int integer(const XMLElement* e, const char* name, int fallback, int lo, int hi) const {
    const char* v = e->Attribute(name);
    if (!v) return fallback;
    int n = 0;
    std::string_view s(v);
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || p != s.data() + s.size() || n < lo || n > hi)
      fail(e, std::string(name) + "=\"" + v + "\" must be a whole number from " + std::to_string(lo) + " to " +
                  std::to_string(hi));
    return n;
  }

  bool flag(const XMLElement* e, const char* name, bool fallback) const {
    const char* v = e->Attribute(name);
    if (!v) return fallback;
    std::string_view s(v);
    if (s == "yes" || s == "true") return true;
    if (s == "no" || s == "false") return false;
    fail(e, std::string(name) + "=\"" + v + "\" must be yes or no");
  }

  Align align(const XMLElement* e, Align fallback) const {
    const char* v = e->Attribute("align");
    if (!v) return fallback;
    std::string_view s(v);
    if (s == "left") return Align::Left;
    if (s == "center") return Align::Center;
    if (s == "right") return Align::Right;
    if (s == "justify") return Align::Justify;
    if (s == "distribute") return Align::Distribute;
    fail(e, std::string("align=\"") + v + "\" must be left, center, right, justify or distribute");
  }

  PageGeometry page(const XMLElement* e) const {
    check_attributes(e, {"size", "top", "binding", "text-width", "text-height", "lines", "chars", "mirror"});
    PageGeometry g;
    g.where = where(e);
    const std::string size = attr(e, "size", "A4");
    if (size == "A4") {
      g.width = mm(210);
      g.height = mm(297);
    } else {
      fail(e, "size=\"" + size + "\" is not supported; use A4");
    }
    g.top = points(e, "top", g.top);
    g.binding = points(e, "binding", g.binding);
    g.text_width = points(e, "text-width", g.text_width);
    g.text_height = points(e, "text-height", g.text_height);
    g.lines = integer(e, "lines", g.lines, 1, 200);
    g.chars = integer(e, "chars", g.chars, 1, 200);
    g.mirror = flag(e, "mirror", g.mirror);
    if (g.top + g.text_height > g.height || g.binding + g.text_width > g.width)
      fail(e, "the text block does not fit on the page");
    return g;
  }

  FolioStyle folio(const XMLElement* e) const {
    check_attributes(e, {"format", "face", "size", "below", "inset", "enabled"});
    FolioStyle f;
    f.where = where(e);
    f.format = attr(e, "format", f.format);
    if (f.format.find("{n}") == std::string::npos) fail(e, "format must contain {n}");
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
      if (!l || !l->em) fail(e, std::string("letter-spacing=\"") + v + "\" must be in em (e.g. 0.5em)");
      s.letter_spacing = l->value;
    }
    s.keep_with_next = flag(e, "keep-with-next", false);
    if (const char* v = e->Attribute("line-break")) {
      const std::string_view lb(v);
      if (lb != "phrases" && lb != "anywhere")
        fail(e, std::string("line-break=\"") + v + "\" must be phrases or anywhere");
      s.break_in_phrases = lb == "phrases";
    }
    s.on_grid = flag(e, "on-grid", true);
    s.line_pitch = points(e, "line-pitch", 0);
    if (!s.on_grid && s.line_pitch <= 0) fail(e, "a style off the grid needs line-pitch");
    return s;
  }

  NumberingLevel numbering(const XMLElement* e) const {
    check_attributes(e, {"depth", "format", "style", "run-in"});
    NumberingLevel n;
    n.line = e->GetLineNum();
    n.depth = integer(e, "depth", 0, 1, 4);
    if (n.depth == 0) fail(e, "attribute depth is missing");
    n.format = required(e, "format");
    if (n.format.find("{zh}") == std::string::npos && n.format.find("{n}") == std::string::npos)
      fail(e, "format must contain {zh} (一、二…) or {n} (1, 2…)");
    n.style = required(e, "style");
    n.run_in = flag(e, "run-in", false);
    return n;
  }

 private:
  std::filesystem::path file_;
};

}  // namespace banshi
