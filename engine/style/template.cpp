#include "style/template.h"

#include <tinyxml2.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "util/file.h"

namespace banshi {

namespace {

using tinyxml2::XMLElement;

// What each element of a template may carry; anything else is an error, so
// a misspelt attribute never silently falls back to a default.

constexpr std::string_view kStyleAttrs[] = {
    "name",  "label",        "face",        "size",          "bold",      "align",
    "first-indent", "left-indent", "hanging", "lines-before", "lines-after",
    "letter-spacing", "keep-with-next", "on-grid", "line-pitch"};

class TemplateReader {
 public:
  explicit TemplateReader(std::filesystem::path file) : file_(std::move(file)) {}

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
      fail(e, std::string(name) + "=\"" + v + "\" must be a whole number from " + std::to_string(lo) +
                  " to " + std::to_string(hi));
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
    fail(e, std::string("align=\"") + v + "\" must be left, center, right or justify");
  }

  PageGeometry page(const XMLElement* e) const {
    check_attributes(e, {"size", "top", "binding", "text-width", "text-height", "lines", "chars", "mirror"});
    PageGeometry g;
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
    s.on_grid = flag(e, "on-grid", true);
    s.line_pitch = points(e, "line-pitch", 0);
    if (!s.on_grid && s.line_pitch <= 0) fail(e, "a style off the grid needs line-pitch");
    return s;
  }

  NumberingLevel numbering(const XMLElement* e) const {
    check_attributes(e, {"depth", "format", "style", "run-in"});
    NumberingLevel n;
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

}  // namespace

const TextStyle& Template::style(std::string_view style_name) const {
  auto it = styles.find(style_name);
  if (it == styles.end())
    throw EngineError(file.string() + ": the template has no style \"" + std::string(style_name) + "\"");
  return it->second;
}

const NumberingLevel* Template::level(int depth) const {
  for (const auto& n : numbering)
    if (n.depth == depth) return &n;
  return nullptr;
}

namespace {

Template load_template_at(const std::filesystem::path& template_dir, int depth);

}  // namespace

Template load_template(const std::filesystem::path& template_dir) { return load_template_at(template_dir, 0); }

namespace {

Template load_template_at(const std::filesystem::path& template_dir, int depth) {
  Template t;
  t.dir = template_dir;
  t.file = template_dir / "template.xml";
  TemplateReader r(t.file);
  if (!std::filesystem::exists(t.file)) throw EngineError("no template file " + t.file.string());
  const std::string bytes = read_file(t.file);
  tinyxml2::XMLDocument doc;
  if (doc.Parse(bytes.data(), bytes.size()) != tinyxml2::XML_SUCCESS) {
    Diagnostic d;
    d.loc = {t.file.string(), doc.ErrorLineNum(), 0};
    d.label = "模板";
    d.message = std::string("malformed XML: ") + doc.ErrorStr();
    throw InputError(std::move(d));
  }
  const XMLElement* root = doc.RootElement();
  if (!root || std::string_view(root->Name()) != "template") r.fail(root, "the root element must be <template>");
  r.check_attributes(root, {"name", "version", "extends"});
  if (r.attr(root, "version", "1") != "1") r.fail(root, "version must be 1");
  if (const char* base = root->Attribute("extends")) {
    // Start from another template's settings; what follows overrides them
    // (styles by name), so a form shares the outcome's typography.
    if (depth > 4) r.fail(root, "templates extend each other too deeply");
    const std::string b(base);
    if (b.empty() || b.find_first_of("/\\.") != std::string::npos) r.fail(root, "extends=\"" + b + "\" is not a template name");
    const auto file = t.file;
    t = load_template_at(template_dir.parent_path() / b, depth + 1);
    t.dir = template_dir;
    t.file = file;
    t.front.clear();
    t.description.clear();
  }
  t.name = r.required(root, "name");

  std::set<int> depths;
  std::set<std::string> defined;
  for (const XMLElement* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
    const std::string_view n = e->Name();
    if (n == "description") {
      r.check_attributes(e, {});
      t.description = e->GetText() ? e->GetText() : "";
    } else if (n == "page") {
      t.page = r.page(e);
    } else if (n == "folio") {
      t.folio = r.folio(e);
    } else if (n == "footnotes") {
      r.check_attributes(e, {"numbering", "marker"});
      const std::string numbering = r.attr(e, "numbering", "document");
      const std::string marker = r.attr(e, "marker", "arabic");
      if (numbering != "document" && numbering != "page") r.fail(e, "numbering must be document or page");
      if (marker != "arabic" && marker != "circled") r.fail(e, "marker must be arabic or circled");
      t.footnotes.per_page = numbering == "page";
      t.footnotes.circled = marker == "circled";
    } else if (n == "impose") {
      r.check_attributes(e, {"default"});
      t.default_impose = r.attr(e, "default", "none");
      if (t.default_impose != "none" && t.default_impose != "a3-booklet")
        r.fail(e, "default must be none or a3-booklet");
    } else if (n == "style") {
      TextStyle s = r.style(e);
      if (!defined.insert(s.name).second) r.fail(e, "style \"" + s.name + "\" is defined twice");
      t.styles.insert_or_assign(s.name, std::move(s));
    } else if (n == "front") {
      r.check_attributes(e, {"requires-project"});
      t.needs_project = r.flag(e, "requires-project", false);
      for (const XMLElement* pe = e->FirstChildElement(); pe; pe = pe->NextSiblingElement()) {
        if (std::string_view(pe->Name()) != "page") r.fail(pe, "<" + std::string(pe->Name()) + "> is not allowed here; allowed in <front>: <page>");
        r.check_attributes(pe, {"recto"});
        FrontPage page;
        page.recto = r.flag(pe, "recto", false);
        for (const XMLElement* ie = pe->FirstChildElement(); ie; ie = ie->NextSiblingElement()) {
          const std::string_view in = ie->Name();
          FrontItem item;
          item.line = ie->GetLineNum();
          if (in == "p") {
            r.check_attributes(ie, {"style"});
            item.style = r.required(ie, "style");
            item.text = ie->GetText() ? ie->GetText() : "";
          } else if (in == "space") {
            r.check_attributes(ie, {"lines"});
            item.kind = FrontItem::Kind::Space;
            item.lines = r.integer(ie, "lines", 1, 1, 50);
          } else {
            r.fail(ie, "<" + std::string(in) + "> is not allowed here; allowed in <page>: <p>, <space>");
          }
          page.items.push_back(std::move(item));
        }
        t.front.push_back(std::move(page));
      }
    } else if (n == "outcome") {
      r.check_attributes(e, {"recto"});
      t.outcome_recto = r.flag(e, "recto", false);
    } else if (n == "numbering") {
      NumberingLevel l = r.numbering(e);
      if (!depths.insert(l.depth).second) r.fail(e, "numbering for depth " + std::to_string(l.depth) + " is defined twice");
      std::erase_if(t.numbering, [&](const NumberingLevel& x) { return x.depth == l.depth; });
      t.numbering.push_back(std::move(l));
    } else {
      r.fail(e, "<" + std::string(n) +
                    "> is not allowed here; allowed in <template>: <description>, <page>, <folio>, <impose>, "
                    "<style>, <numbering>, <footnotes>, <front>, <outcome>");
    }
  }
  std::sort(t.numbering.begin(), t.numbering.end(),
            [](const NumberingLevel& a, const NumberingLevel& b) { return a.depth < b.depth; });
  for (const auto& page : t.front)
    for (const auto& item : page.items)
      if (item.kind == FrontItem::Kind::Paragraph && !t.styles.count(item.style))
        throw EngineError(t.file.string() + ":" + std::to_string(item.line) + ": undefined style \"" + item.style + "\"");
  for (const auto& l : t.numbering)
    if (!t.styles.count(l.style)) throw EngineError(t.file.string() + ": numbering depth " + std::to_string(l.depth) + " uses undefined style \"" + l.style + "\"");
  return t;
}

}  // namespace

std::vector<TemplateSummary> list_templates(const std::filesystem::path& root) {
  std::vector<TemplateSummary> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(root, ec)) {
    if (!entry.is_directory() || !std::filesystem::exists(entry.path() / "template.xml")) continue;
    try {
      Template t = load_template(entry.path());
      out.push_back({t.name, t.description});
    } catch (const std::exception& e) {
      out.push_back({entry.path().filename().string(), std::string("(invalid: ") + e.what() + ")"});
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

}  // namespace banshi
