#include "docx/inline_edit.h"

#include "util/utf8.h"

namespace banshi::docx {

namespace {

using model::Inline;
using model::InlineKind;
using model::Inlines;

bool counts_none(const Inline& n) { return n.kind == InlineKind::Footnote || n.kind == InlineKind::Cite; }

// Byte offset of the `chars`-th code point of s (s.size() if fewer).
size_t byte_at(std::string_view s, size_t chars) {
  size_t i = 0;
  for (size_t n = 0; n < chars && i < s.size(); ++n) utf8_next(s, i);
  return i;
}

bool is_blank(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0; }

// Splits `in` at `chars`; `left` and `right` receive the halves. Returns the
// characters still to go (0 once the split point was reached).
size_t split_into(const Inlines& in, size_t chars, Inlines& left, Inlines& right) {
  for (const Inline& n : in) {
    if (chars == 0) {
      right.push_back(n);
      continue;
    }
    if (counts_none(n)) {
      left.push_back(n);
      continue;
    }
    if (n.kind == InlineKind::Text) {
      const size_t count = char_count(n.text);
      if (count <= chars) {
        left.push_back(n);
        chars -= count;
      } else {
        const size_t at = byte_at(n.text, chars);
        Inline a = n, b = n;
        a.text = n.text.substr(0, at);
        b.text = n.text.substr(at);
        left.push_back(std::move(a));
        right.push_back(std::move(b));
        chars = 0;
      }
      continue;
    }
    if (n.kind == InlineKind::LineBreak) {
      left.push_back(n);
      --chars;
      continue;
    }
    Inline a = n, b = n;
    a.children.clear();
    b.children.clear();
    chars = split_into(n.children, chars, a.children, b.children);
    if (!a.children.empty()) left.push_back(std::move(a));
    if (!b.children.empty()) right.push_back(std::move(b));
  }
  return chars;
}

void append_visible(const Inlines& in, std::string& out) {
  for (const Inline& n : in) {
    switch (n.kind) {
      case InlineKind::Text: out += n.text; break;
      case InlineKind::LineBreak: out += ' '; break;
      case InlineKind::Footnote:
      case InlineKind::Cite: break;
      default: append_visible(n.children, out);
    }
  }
}

// Drops leading blanks; true once a non-blank character was met.
bool trim_front(Inlines& in, size_t& dropped) {
  for (auto it = in.begin(); it != in.end();) {
    Inline& n = *it;
    if (counts_none(n)) return true;
    if (n.kind == InlineKind::LineBreak) {
      it = in.erase(it);
      ++dropped;
      continue;
    }
    if (n.kind == InlineKind::Text) {
      size_t i = 0;
      while (i < n.text.size()) {
        size_t j = i;
        if (!is_blank(utf8_next(n.text, j))) break;
        i = j;
        ++dropped;
      }
      n.text.erase(0, i);
      if (!n.text.empty()) return true;
      it = in.erase(it);
      continue;
    }
    if (trim_front(n.children, dropped)) return true;
    it = in.erase(it);
  }
  return false;
}

bool trim_back(Inlines& in) {
  while (!in.empty()) {
    Inline& n = in.back();
    if (counts_none(n)) return true;
    if (n.kind == InlineKind::LineBreak) {
      in.pop_back();
      continue;
    }
    if (n.kind == InlineKind::Text) {
      size_t end = n.text.size();
      while (end > 0) {
        // Step back over one code point.
        size_t start = end - 1;
        while (start > 0 && (static_cast<unsigned char>(n.text[start]) & 0xC0) == 0x80) --start;
        size_t k = start;
        if (!is_blank(utf8_next(n.text, k))) break;
        end = start;
      }
      n.text.resize(end);
      if (!n.text.empty()) return true;
      in.pop_back();
      continue;
    }
    if (trim_back(n.children)) return true;
    in.pop_back();
  }
  return false;
}

}  // namespace

size_t char_count(std::string_view s) { return utf8_count(s); }

std::string visible_text(const Inlines& in) {
  std::string out;
  append_visible(in, out);
  return out;
}

void drop_leading(Inlines& in, size_t chars) {
  Inlines left, right;
  split_into(in, chars, left, right);
  // Footnotes and citations before the cut stay.
  Inlines kept;
  for (auto& n : left)
    if (counts_none(n)) kept.push_back(std::move(n));
  for (auto& n : right) kept.push_back(std::move(n));
  in = std::move(kept);
}

std::pair<Inlines, Inlines> split_at(const Inlines& in, size_t chars) {
  std::pair<Inlines, Inlines> out;
  split_into(in, chars, out.first, out.second);
  return out;
}

size_t trim_blanks(Inlines& in) {
  size_t dropped = 0;
  trim_front(in, dropped);
  trim_back(in);
  return dropped;
}

Inlines unwrap(Inlines in, InlineKind kind) {
  Inlines out;
  for (auto& n : in) {
    if (n.kind == InlineKind::Footnote) {
      out.push_back(std::move(n));
      continue;
    }
    n.children = unwrap(std::move(n.children), kind);
    if (n.kind == kind) {
      for (auto& c : n.children) out.push_back(std::move(c));
    } else {
      out.push_back(std::move(n));
    }
  }
  return out;
}

void prune(Inlines& in) {
  for (auto it = in.begin(); it != in.end();) {
    if (it->kind == InlineKind::Text) {
      it = it->text.empty() ? in.erase(it) : it + 1;
      continue;
    }
    if (it->kind == InlineKind::LineBreak || it->kind == InlineKind::Cite) {
      ++it;
      continue;
    }
    prune(it->children);
    it = it->children.empty() ? in.erase(it) : it + 1;
  }
}

}  // namespace banshi::docx
