#include <tinyxml2.h>

#include <mutex>

#include "manual/embedded.h"
#include "manual/manual.h"
#include "util/diag.h"

namespace banshi::manual {

namespace {

using tinyxml2::XMLElement;
using tinyxml2::XMLNode;

[[noreturn]] void fail(const std::string& file, int line, const std::string& what) {
  // The description is compiled in, so a problem in it is the build's, found
  // by the tests: the problem stays in the description's own language.
  throw EngineError("manual.invalid", {{"file", file}, {"line", line}, {"problem", what}});
}

std::string attr(const XMLElement& e, const char* name) {
  const char* v = e.Attribute(name);
  return v ? v : "";
}

// Unknown attributes are errors, so a typo (alais=) is not silently ignored.
void check_attributes(const std::string& file, const XMLElement& e, std::initializer_list<std::string_view> allowed) {
  for (const auto* a = e.FirstAttribute(); a; a = a->Next()) {
    bool ok = false;
    for (std::string_view n : allowed) ok = ok || n == a->Name();
    if (!ok) fail(file, e.GetLineNum(), "<" + std::string(e.Name()) + "> has no attribute " + a->Name());
  }
}

bool yes(const std::string& file, const XMLElement& e, const char* name) {
  const std::string v = attr(e, name);
  if (v.empty() || v == "no") return false;
  if (v == "yes") return true;
  fail(file, e.GetLineNum(), std::string(name) + "=\"" + v + "\": expected yes or no");
}

// Runs of whitespace (the file's line breaks and indentation) become one
// space; the ends of the whole text are trimmed later.
void append_collapsed(std::string& out, std::string_view s) {
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (out.empty() || out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
}

Text parse_text(const std::string& file, const XMLElement& e) {
  Text text;
  std::string pending;  // plain text not yet closed by markup
  auto flush = [&] {
    if (!pending.empty()) text.push_back({Span::Kind::Plain, std::move(pending)});
    pending.clear();
  };
  for (const XMLNode* n = e.FirstChild(); n; n = n->NextSibling()) {
    if (n->ToComment()) continue;
    if (const auto* t = n->ToText()) {
      append_collapsed(pending, t->Value());
      continue;
    }
    const XMLElement* m = n->ToElement();
    if (!m) continue;
    const std::string_view name = m->Name();
    if (name != "b" && name != "i")
      fail(file, m->GetLineNum(), "text may hold only <b> and <i>, not <" + std::string(name) + ">");
    if (m->FirstChildElement()) fail(file, m->GetLineNum(), "<" + std::string(name) + "> holds text only");
    flush();
    std::string inner;
    append_collapsed(inner, m->GetText() ? m->GetText() : "");
    text.push_back({name == "b" ? Span::Kind::Literal : Span::Kind::Variable, std::move(inner)});
  }
  flush();
  // Trim the whole text's ends.
  while (!text.empty() && text.front().kind == Span::Kind::Plain && text.front().text.starts_with(' '))
    text.front().text.erase(0, 1);
  while (!text.empty() && text.back().kind == Span::Kind::Plain && text.back().text.ends_with(' '))
    text.back().text.pop_back();
  if (text.empty() || plain(text).empty()) fail(file, e.GetLineNum(), "<" + std::string(e.Name()) + "> is empty");
  return text;
}

Option parse_option(const std::string& file, const XMLElement& e) {
  check_attributes(file, e, {"name", "alias", "value", "complete", "repeat", "hidden"});
  Option o;
  o.name = attr(e, "name");
  o.alias = attr(e, "alias");
  o.value = attr(e, "value");
  o.complete = attr(e, "complete");
  o.repeat = yes(file, e, "repeat");
  o.hidden = yes(file, e, "hidden");
  if (!o.name.starts_with("--") || o.name.size() < 3) fail(file, e.GetLineNum(), "an option's name is --something");
  if (!o.alias.empty() && (o.alias.size() != 2 || o.alias[0] != '-'))
    fail(file, e.GetLineNum(), "an option's alias is -x");
  if (o.value.empty() != o.complete.empty() && !o.hidden)
    fail(file, e.GetLineNum(), o.name + ": an option with a value says what completes it (complete=), a flag not");
  o.text = parse_text(file, e);
  return o;
}

std::vector<Item> parse_items(const std::string& file, const XMLElement& list) {
  check_attributes(file, list, {});
  std::vector<Item> out;
  for (const XMLElement* e = list.FirstChildElement(); e; e = e->NextSiblingElement()) {
    if (std::string_view(e->Name()) != "item")
      fail(file, e->GetLineNum(), "<" + std::string(list.Name()) + "> holds <item>s");
    check_attributes(file, *e, {"term"});
    Item it{attr(*e, "term"), parse_text(file, *e)};
    if (it.term.empty()) fail(file, e->GetLineNum(), "an <item> needs a term=");
    out.push_back(std::move(it));
  }
  return out;
}

Command parse_command(const std::string& file, const XMLElement& e) {
  check_attributes(file, e, {"name", "args", "complete"});
  Command c;
  c.name = attr(e, "name");
  c.args = attr(e, "args");
  c.complete = attr(e, "complete");
  if (c.name.empty()) fail(file, e.GetLineNum(), "a <command> needs a name=");
  bool summary = false;
  for (const XMLElement* k = e.FirstChildElement(); k; k = k->NextSiblingElement()) {
    const std::string_view n = k->Name();
    if (n == "summary") {
      check_attributes(file, *k, {});
      c.summary = parse_text(file, *k);
      summary = true;
    } else if (n == "p") {
      check_attributes(file, *k, {});
      c.paragraphs.push_back(parse_text(file, *k));
    } else if (n == "option") {
      Option o = parse_option(file, *k);
      for (const Option& other : c.options)
        if (other.name == o.name || (!o.alias.empty() && other.alias == o.alias))
          fail(file, k->GetLineNum(), c.name + " has " + o.name + " twice");
      c.options.push_back(std::move(o));
    } else {
      fail(file, k->GetLineNum(), "<command> holds <summary>, <p> and <option>, not <" + std::string(n) + ">");
    }
  }
  if (!summary) fail(file, e.GetLineNum(), c.name + " has no <summary>");
  return c;
}

}  // namespace

std::string plain(const Text& text) {
  std::string s;
  for (const Span& sp : text) s += sp.text;
  return s;
}

const Command* Manual::command(std::string_view wanted) const {
  for (const Command& c : commands)
    if (c.name == wanted) return &c;
  return nullptr;
}

Manual parse(std::string_view xml, const std::string& file) {
  // Whitespace is kept as written and collapsed by append_collapsed.
  tinyxml2::XMLDocument raw;
  if (raw.Parse(xml.data(), xml.size()) != tinyxml2::XML_SUCCESS)
    fail(file, raw.ErrorLineNum(), std::string("not well-formed XML: ") + raw.ErrorName());
  const XMLElement* root = raw.RootElement();
  if (!root || std::string_view(root->Name()) != "manual") fail(file, 1, "the root element is <manual>");
  check_attributes(file, *root, {"version", "name", "section", "title"});
  if (attr(*root, "version") != "1") fail(file, root->GetLineNum(), "only version=\"1\" is known");
  Manual m;
  m.name = attr(*root, "name");
  m.section = attr(*root, "section");
  m.title = attr(*root, "title");
  if (m.name.empty() || m.section.empty() || m.title.empty())
    fail(file, root->GetLineNum(), "<manual> needs name=, section= and title=");
  for (const XMLElement* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
    const std::string_view n = e->Name();
    if (n == "description") {
      check_attributes(file, *e, {});
      for (const XMLElement* p = e->FirstChildElement(); p; p = p->NextSiblingElement()) {
        if (std::string_view(p->Name()) != "p") fail(file, p->GetLineNum(), "<description> holds <p>s");
        m.description.push_back(parse_text(file, *p));
      }
    } else if (n == "global") {
      check_attributes(file, *e, {});
      for (const XMLElement* o = e->FirstChildElement("option"); o; o = o->NextSiblingElement("option"))
        m.global.push_back(parse_option(file, *o));
    } else if (n == "command") {
      Command c = parse_command(file, *e);
      if (m.command(c.name)) fail(file, e->GetLineNum(), "the command " + c.name + " is described twice");
      m.commands.push_back(std::move(c));
    } else if (n == "exit-status") {
      m.exit_status = parse_items(file, *e);
    } else if (n == "environment") {
      m.environment = parse_items(file, *e);
    } else if (n == "files") {
      m.files = parse_items(file, *e);
    } else if (n == "limits") {
      m.limits = parse_items(file, *e);
    } else if (n == "examples") {
      m.examples = parse_items(file, *e);
    } else if (n == "see-also") {
      m.see_also = parse_items(file, *e);
    } else {
      fail(file, e->GetLineNum(), "<manual> has no <" + std::string(n) + ">");
    }
  }
  if (m.commands.empty()) fail(file, root->GetLineNum(), "no <command>s");
  return m;
}

const Manual& banshi() {
  // Parsed on first use; a malformed description fails the build, which
  // runs `banshi help --man`, and manual_description_test.
  static const Manual m = parse(embedded_description(), "engine/manual/banshi.xml");
  return m;
}

}  // namespace banshi::manual
