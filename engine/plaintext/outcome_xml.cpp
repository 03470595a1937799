#include "plaintext/outcome_xml.h"

#include <optional>
#include <vector>

#include "plaintext/blocks.h"
#include "plaintext/headings.h"
#include "util/utf8.h"

namespace banshi::plaintext {

namespace {

// The XML being written, and the text line it has reached: blocks are
// placed on their own line of the text by the newlines put before them.
class Writer {
 public:
  void tag(std::string_view t) { out_ += t; }
  void at_line(int n) {
    while (line_ < n) {
      out_ += '\n';
      ++line_;
    }
  }
  // Text content, escaped; its own line breaks are kept (the XML reader
  // drops a break between Chinese characters and reads others as a space,
  // as a reader of the wrapped text would).
  void text(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
      const size_t start = i;
      const char32_t c = utf8_next(s, i);
      switch (c) {
        case '&': out_ += "&amp;"; break;
        case '<': out_ += "&lt;"; break;
        case '>': out_ += "&gt;"; break;
        case '\n':
          out_ += '\n';
          ++line_;
          break;
        case '\t': out_ += ' '; break;
        default:
          // Control characters cannot appear in XML; the applicant never
          // meant them (they come with text copied out of other programs).
          if (c < 0x20 || c == 0x7F || c == 0xFFFE || c == 0xFFFF) break;
          out_.append(s.substr(start, i - start));
      }
    }
  }
  // The lines of a block as one text, their breaks kept.
  void lines(const std::vector<Line>& ls, size_t from = 0) {
    for (size_t k = from; k < ls.size(); ++k) {
      if (k > from) text("\n");
      text(ls[k].text);
    }
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  int line_ = 1;
};

bool is_label_space(char32_t c) { return c == ' ' || c == U'\u3000' || c == '\t'; }

// The text after a label typed at the start of a line ("摘要：…", "摘　要
// …", "【关键词】…"), spaces inside the label allowed; nullopt when the line
// does not start with one of `labels`.
std::optional<std::string_view> after_label(std::string_view line, std::initializer_list<std::u32string_view> labels) {
  for (const std::u32string_view label : labels) {
    size_t i = 0, k = 0;
    size_t next = 0;
    if (utf8_next(line, next) == U'【') i = next;
    while (i < line.size() && k < label.size()) {
      size_t j = i;
      const char32_t c = utf8_next(line, j);
      if (c == label[k]) ++k;
      else if (!is_label_space(c)) break;
      i = j;
    }
    if (k < label.size()) continue;
    size_t j = i;
    const char32_t c = i < line.size() ? utf8_next(line, j) : 0;
    if (c == U'】' || c == U'：' || c == ':') i = j;
    else if (c != 0 && !is_label_space(c)) continue;  // 摘要分析… is a sentence
    return trim_start(line.substr(i));
  }
  return std::nullopt;
}

std::vector<std::string_view> split_keywords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0, start = 0;
  auto flush = [&](size_t end) {
    const std::string_view k = trim(s.substr(start, end - start));
    if (!k.empty()) out.push_back(k);
  };
  while (i < s.size()) {
    const size_t at = i;
    const char32_t c = utf8_next(s, i);
    if (c == U'；' || c == ';' || c == U'，' || c == ',' || c == U'、' || c == U'\u3000' || c == ' ') {
      flush(at);
      start = i;
    }
  }
  flush(s.size());
  return out;
}

bool is_references_heading(std::string_view line) {
  std::string_view t = line;
  if (const auto h = typed_heading(t)) return h->text == "参考文献";
  t = trim(t);
  return t == "参考文献" || t == "参考文献：" || t == "【参考文献】";
}

// "[3] 作者. 题名…" or "3. 作者…" → "作者…": the template numbers them.
std::string_view strip_reference_number(std::string_view s) {
  s = trim_start(s);
  const bool bracket = s.starts_with('[') || s.starts_with("［");
  size_t i = 0, digits = 0;
  if (bracket) utf8_next(s, i);
  while (i < s.size()) {
    size_t j = i;
    const char32_t c = utf8_next(s, j);
    if (!((c >= '0' && c <= '9') || (c >= U'０' && c <= U'９'))) break;
    ++digits;
    i = j;
  }
  if (digits == 0) return s;
  size_t j = i;
  const char32_t close = i < s.size() ? utf8_next(s, j) : 0;
  if ((bracket && (close == ']' || close == U'］')) || (!bracket && (close == '.' || close == U'．' || close == U'、')))
    return trim_start(s.substr(j));
  return s;
}

}  // namespace

std::string outcome_xml(std::string_view text) {
  const std::vector<Line> all = split_lines(text);
  std::vector<Block> blocks = split_blocks(all);
  Writer w;
  w.tag("<outcome>");
  size_t b = 0;
  if (!blocks.empty()) {
    // The title is the first line; the rest of its block reads on.
    Block& first = blocks.front();
    w.at_line(first.first_line());
    w.tag("<title>");
    w.text(trim(first.lines.front().text));
    w.tag("</title>");
    if (first.lines.size() > 1) {
      first.lines.erase(first.lines.begin());
      first.lines.front().text = trim_start(first.lines.front().text);
    } else {
      b = 1;
    }
  }

  // 摘要 and 关键词, in the front matter before the body.
  for (; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    const std::string_view head = block.lines.front().text;
    if (const auto abstract = after_label(head, {U"摘要", U"内容摘要", U"内容提要"})) {
      w.at_line(block.first_line());
      w.tag("<abstract>");
      w.text(*abstract);
      if (block.lines.size() > 1) w.text("\n");
      w.lines(block.lines, 1);
      w.tag("</abstract>");
    } else if (const auto keywords = after_label(head, {U"关键词", U"关键字"})) {
      w.at_line(block.first_line());
      std::string all_keywords(*keywords);
      for (size_t k = 1; k < block.lines.size(); ++k)
        all_keywords += std::string("；") + std::string(block.lines[k].text);
      const auto list = split_keywords(all_keywords);
      if (list.empty()) continue;
      w.tag("<keywords>");
      for (const auto k : list) {
        w.tag("<k>");
        w.text(k);
        w.tag("</k>");
      }
      w.tag("</keywords>");
    } else {
      break;
    }
  }

  w.tag("<body>");
  std::vector<int> open;  // the depths of the sections open, outermost first
  auto close_to = [&](int depth) {
    while (!open.empty() && open.back() >= depth) {
      w.tag("</section>");
      open.pop_back();
    }
  };
  bool references = false;
  int ref_count = 0;
  for (; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    const std::string_view head = block.lines.front().text;
    w.at_line(block.first_line());
    size_t from = 0;
    if (!references && is_references_heading(head) && (block.lines.size() > 1 || b + 1 < blocks.size())) {
      close_to(1);
      w.tag("</body><references>");
      references = true;
      from = 1;
    }
    if (references) {
      for (size_t k = from; k < block.lines.size(); ++k) {
        const Line& l = block.lines[k];
        w.at_line(l.number);
        const std::string_view entry = strip_reference_number(l.text);
        if (entry.empty()) continue;
        w.tag("<ref id=\"r" + std::to_string(++ref_count) + "\">");
        w.text(trim(entry));
        w.tag("</ref>");
      }
      continue;
    }
    if (const auto h = typed_heading(head)) {
      const int depth = std::min(h->level, static_cast<int>(open.size()) + 1);
      close_to(depth);
      open.push_back(depth);
      w.tag(h->run_in ? "<section run-in=\"yes\"><h>" : "<section><h>");
      w.text(h->text);
      w.tag("</h>");
      if (h->run_in || block.lines.size() > 1) {
        w.tag("<p>");
        w.text(h->run_in_body);
        if (block.lines.size() > 1) {
          w.at_line(block.lines[1].number);
          w.lines(block.lines, 1);
        }
        w.tag("</p>");
      }
      continue;
    }
    w.tag("<p>");
    w.lines(block.lines);
    w.tag("</p>");
  }
  close_to(1);
  w.tag(references ? "</references>" : "</body>");
  w.tag("</outcome>");
  return w.take();
}

}  // namespace banshi::plaintext
