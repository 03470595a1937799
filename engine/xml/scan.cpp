#include "xml/scan.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "xml/messages.h"
#include "xml/whitespace.h"

namespace banshi::xml {

namespace {

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// XML names, with every non-ASCII character allowed (the schema refuses
// names it does not know anyway).
bool is_name_start(char c) {
  return static_cast<unsigned char>(c) >= 0x80 || is_ascii_alpha(c) || c == '_' || c == ':';
}
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

// The Char production of XML 1.0.
bool is_xml_char(unsigned long c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 'a' + 'A');
    if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 'a' + 'A');
    if (x != y) return false;
  }
  return true;
}

constexpr std::array<std::string_view, 5> kPredefinedEntities{"lt", "gt", "amp", "quot", "apos"};

// Report elements have at most two attributes; the cap keeps the
// duplicate check linear on a hostile tag with millions of them.
constexpr size_t kMaxAttributes = 32;

class Scanner {
 public:
  Scanner(std::string_view text, const std::string& file, const ParseLimits& limits)
      : s_(text), file_(file), limits_(limits) {}

  ScanResult run() {
    while (i_ < s_.size()) {
      if (s_[i_] == '<') markup();
      else text();
    }
    if (!open_.empty()) error(open_.back().pos, "xml.never-closed", {{"tag", open_.back().name}});
    if (!root_seen_) error({}, "xml.no-root");
    return std::move(out_);
  }

 private:
  struct Open {
    std::string_view name;
    model::Pos pos;
  };

  std::string_view s_;
  const std::string& file_;
  const ParseLimits& limits_;
  size_t i_ = 0;
  model::Pos pos_{1, 1};  // of s_[i_]
  std::vector<Open> open_;
  std::string_view root_;
  bool root_seen_ = false;
  bool blank_pending_ = false;
  size_t nodes_ = 0;
  ScanResult out_;

  [[noreturn]] void error(model::Pos at, MessageCode code, Args args = {}) const {
    fail(file_, at, code, std::move(args));
  }

  bool at(std::string_view literal) const { return s_.substr(i_).starts_with(literal); }

  // Every byte of the input passes through here exactly once, which keeps
  // positions exact and the whole pass linear.
  void advance_to(size_t j) {
    j = std::min(j, s_.size());
    for (; i_ < j; ++i_) {
      const auto b = static_cast<unsigned char>(s_[i_]);
      if (b == '\n') {
        ++pos_.line;
        pos_.column = 1;
      } else if ((b & 0xC0) != 0x80) {
        if (b < 0x20 && b != '\t' && b != '\r') {
          char code[8];
          std::snprintf(code, sizeof code, "%04X", b);
          error(pos_, "xml.control-character", {{"code", code}});
        }
        ++pos_.column;
      }
    }
  }
  void advance(size_t n) { advance_to(i_ + n); }

  bool skip_space() {
    size_t j = i_;
    while (j < s_.size() && is_ascii_space(s_[j])) ++j;
    const bool skipped = j > i_;
    advance_to(j);
    return skipped;
  }

  std::string_view read_name() {
    size_t j = i_;
    if (j < s_.size() && is_name_start(s_[j]))
      while (j < s_.size() && is_name_char(s_[j])) ++j;
    const std::string_view name = s_.substr(i_, j - i_);
    advance_to(j);
    return name;
  }

  static Token token(TokenKind kind, model::Pos p, std::string_view name = {}) {
    Token t;
    t.kind = kind;
    t.pos = p;
    t.name = name;
    return t;
  }

  void push(Token t) {
    if (t.kind != TokenKind::EndTag && ++nodes_ > limits_.max_nodes)
      error(t.pos, "limit.nodes", {{"limit", limits_.max_nodes}});
    t.blank_before = blank_pending_;
    blank_pending_ = false;
    out_.tokens.push_back(t);
  }

  // Character data up to the next '<'.
  void text() {
    const size_t end = std::min(s_.find('<', i_), s_.size());
    size_t first = i_;
    while (first < end && is_ascii_space(s_[first])) ++first;
    if (first == end) {
      advance_to(end);
      blank_pending_ = true;
      return;
    }
    advance_to(first);
    const model::Pos p = pos_;
    if (open_.empty())
      root_seen_ ? error(p, "xml.text-after-root", {{"root", root_}}) : error(p, "xml.text-before-root");
    check_references(end);
    push(token(TokenKind::Text, p));
  }

  // Entity and character references in [i_, end); advances to end.
  void check_references(size_t end) {
    // Both searches stay inside [i_, end): searching on to the end of the
    // file for each text would make the pass quadratic.
    const std::string_view region = s_.substr(0, end);
    for (;;) {
      const size_t amp = region.find('&', i_);
      if (amp == std::string_view::npos) {
        advance_to(end);
        return;
      }
      advance_to(amp);
      const model::Pos p = pos_;
      const size_t semi = region.substr(0, std::min(end, amp + 34)).find(';', amp);
      if (semi == std::string_view::npos) error(p, "xml.bare-ampersand");
      const std::string_view ref = s_.substr(amp + 1, semi - amp - 1);
      const std::string written = "&" + std::string(ref) + ";";
      if (ref.starts_with('#')) {
        check_character_reference(ref.substr(1), written, p);
      } else if (std::find(kPredefinedEntities.begin(), kPredefinedEntities.end(), ref) == kPredefinedEntities.end()) {
        bool name = !ref.empty() && is_name_start(ref[0]);
        for (char c : ref) name = name && is_name_char(c);
        if (!name) error(p, "xml.bare-ampersand");
        error(p, "xml.undefined-entity", {{"entity", written}});
      }
      advance_to(semi + 1);
    }
  }

  void check_character_reference(std::string_view digits, const std::string& written, model::Pos p) {
    const bool hex = digits.starts_with('x');
    if (hex) digits.remove_prefix(1);
    unsigned long value = 0;
    bool ok = !digits.empty();
    for (char c : digits) {
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      if (d < 0) {
        ok = false;
        break;
      }
      value = value * (hex ? 16u : 10u) + static_cast<unsigned long>(d);
      if (value > 0x10FFFF) value = 0x110000;  // stays out of range, never overflows
    }
    if (!ok) error(p, "xml.bad-character-reference", {{"reference", written}});
    if (!is_xml_char(value)) error(p, "xml.character-not-allowed", {{"reference", written}});
  }

  void markup() {
    const model::Pos p = pos_;
    if (at("<!--")) {
      const size_t end = s_.find("-->", i_ + 4);
      if (end == std::string_view::npos) error(p, "xml.comment-never-closed");
      advance_to(end + 3);
      push(token(TokenKind::Comment, p));
    } else if (at("<![CDATA[")) {
      if (open_.empty()) error(p, "xml.cdata-outside-root");
      const size_t end = s_.find("]]>", i_ + 9);
      if (end == std::string_view::npos) error(p, "xml.cdata-never-closed");
      advance_to(end + 3);
      push(token(TokenKind::CData, p));
    } else if (at("<!")) {
      if (iequals(s_.substr(i_, 9), "<!DOCTYPE")) error(p, "xml.doctype");
      error(p, "xml.declaration");
    } else if (at("<?")) {
      processing_instruction(p);
    } else if (at("</")) {
      end_tag(p);
    } else if (i_ + 1 < s_.size() && is_name_start(s_[i_ + 1])) {
      start_tag(p);
    } else {
      error(p, "xml.bare-less-than");
    }
  }

  void processing_instruction(model::Pos p) {
    const size_t start = i_;
    const size_t end = s_.find("?>", i_ + 2);
    if (end == std::string_view::npos) error(p, "xml.pi-never-closed");
    advance(2);
    const std::string_view target = read_name();
    if (iequals(target, "xml") && start != 0) error(p, "xml.declaration-not-first");
    // Valid XML, but tinyxml2 takes any <?…?> for a declaration and allows
    // one only before the root element; a report has no use for one in its
    // text, so it is refused here, where its line and column are known.
    if (root_seen_)
      throw InputError(Diagnostic(Severity::Error, "xml.processing-instruction", {{"target", target}})
                           .at({file_, p.line, p.column}));
    advance_to(end + 2);
    push(token(TokenKind::Pi, p, target));
  }

  void end_tag(model::Pos p) {
    advance(2);
    const std::string_view name = read_name();
    if (name.empty()) error(p, "xml.end-tag-without-name");
    skip_space();
    if (!at(">")) error(p, "xml.end-tag-unclosed", {{"tag", name}});
    advance(1);
    if (open_.empty()) error(p, "xml.unmatched-end-tag", {{"tag", name}});
    if (open_.back().name != name)
      error(p, "xml.mismatched-end-tag",
            {{"tag", name},
             {"open", open_.back().name},
             {"line", open_.back().pos.line},
             {"column", open_.back().pos.column}});
    open_.pop_back();
    push(token(TokenKind::EndTag, p, name));
  }

  void start_tag(model::Pos p) {
    advance(1);
    const std::string_view name = read_name();
    if (open_.empty() && root_seen_) error(p, "xml.second-root", {{"tag", name}, {"root", root_}});
    if (open_.size() + 1 > static_cast<size_t>(std::max(limits_.max_depth, 0)))
      error(p, "limit.depth", {{"limit", limits_.max_depth}});
    Token t = token(TokenKind::StartTag, p, name);
    t.first_attr = static_cast<std::uint32_t>(out_.attrs.size());
    for (;;) {
      const bool spaced = skip_space();
      if (i_ >= s_.size()) error(p, "xml.tag-never-closed", {{"tag", name}});
      if (at("/>")) {
        advance(2);
        t.self_closing = true;
        break;
      }
      if (at(">")) {
        advance(1);
        break;
      }
      if (!is_name_start(s_[i_]))
        error(pos_, "xml.unexpected-in-tag", {{"char", std::string(1, s_[i_])}, {"tag", name}});
      if (!spaced) error(pos_, "xml.attributes-not-separated", {{"tag", name}});
      if (out_.attrs.size() - t.first_attr >= kMaxAttributes)
        error(pos_, "limit.attributes", {{"tag", name}, {"limit", kMaxAttributes}});
      attribute(t, name);
    }
    t.attr_count = static_cast<std::uint32_t>(out_.attrs.size()) - t.first_attr;
    if (!root_seen_) root_ = name;
    root_seen_ = true;
    if (!t.self_closing) open_.push_back({name, p});
    push(t);
  }

  void attribute(const Token& t, std::string_view tag) {
    const model::Pos name_pos = pos_;
    const std::string_view name = read_name();
    const Args where{{"attribute", name}, {"tag", tag}};
    for (size_t k = t.first_attr; k < out_.attrs.size(); ++k)
      if (out_.attrs[k].name == name) error(name_pos, "xml.attribute-twice", where);
    skip_space();
    if (!at("=")) error(pos_, "xml.attribute-without-value", where);
    advance(1);
    skip_space();
    if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) error(pos_, "xml.attribute-unquoted", where);
    const char quote = s_[i_];
    advance(1);
    const model::Pos value_pos = pos_;
    const size_t close = s_.find(quote, i_);
    if (close == std::string_view::npos) error(value_pos, "xml.attribute-never-closed", where);
    // Searched within the value only: a search to the end of the file for
    // every attribute would make the pass quadratic.
    const size_t lt = s_.substr(0, close).find('<', i_);
    if (lt != std::string_view::npos) {
      advance_to(lt);
      error(pos_, "xml.less-than-in-attribute");
    }
    check_references(close);
    advance(1);
    out_.attrs.push_back({name, name_pos, value_pos});
  }
};

}  // namespace

ScanResult scan_xml(std::string_view text, const std::string& file, const ParseLimits& limits) {
  return Scanner(text, file, limits).run();
}

}  // namespace banshi::xml
