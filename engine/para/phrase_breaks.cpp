#include "para/phrase_breaks.h"

#include <algorithm>
#include <charconv>

#include "para/phrase_lexicon_data.h"
#include "util/diag.h"

namespace banshi {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  while (!(s = trim(s)).empty()) {
    const size_t sp = std::min(s.find(' '), s.size());
    out.emplace_back(s.substr(0, sp));
    s.remove_prefix(sp);
  }
  return out;
}

float number(std::string_view s, size_t line) {
  s = trim(s);
  float v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size())
    throw EngineError(SourceLoc("lexicon/phrase-breaks.txt", static_cast<int>(line)), "lexicon.cost-expected");
  return v;
}

// Every byte offset where `word` occurs in `text`.
template <typename F>
void for_each_occurrence(const std::string& text, const std::string& word, F&& f) {
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) f(at);
}

}  // namespace

PhraseBreaks PhraseBreaks::parse(std::string_view text) {
  PhraseBreaks out;
  size_t line_no = 0;
  while (!text.empty()) {
    const size_t nl = std::min(text.find('\n'), text.size());
    const std::string_view line = trim(text.substr(0, nl));
    text.remove_prefix(std::min(nl + 1, text.size()));
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const size_t sp = std::min(line.find(' '), line.size());
    const std::string_view kind = line.substr(0, sp), rest = line.substr(sp);
    const size_t colon = rest.find(':');
    if (kind == "between") out.between_ = number(rest, line_no);
    else if (kind == "inside") out.inside_ = number(rest, line_no);
    else if (kind == "keep:") out.keep_ = words_of(rest);
    else if ((kind == "after" || kind == "before") && colon != std::string_view::npos) {
      const float cost = number(rest.substr(0, colon), line_no);
      for (auto& w : words_of(rest.substr(colon + 1)))
        (kind == "after" ? out.after_ : out.before_).push_back({w, cost});
    } else {
      throw EngineError(SourceLoc("lexicon/phrase-breaks.txt", static_cast<int>(line_no)), "lexicon.unknown-rule");
    }
  }
  return out;
}

const PhraseBreaks& PhraseBreaks::builtin() {
  static const PhraseBreaks lexicon = parse(phrase_lexicon_text());
  return lexicon;
}

std::vector<float> PhraseBreaks::costs(const std::string& text, const std::vector<bool>& word_boundary) const {
  std::vector<float> cost(text.size() + 1);
  for (size_t k = 0; k <= text.size(); ++k) cost[k] = k < word_boundary.size() && word_boundary[k] ? between_ : inside_;
  // Offsets strictly inside a word to keep whole: no rule opens them, and a
  // rule word that starts (after) or ends (before) inside one is not that
  // word (参与 does not end with the conjunction 与).
  std::vector<bool> kept(text.size() + 1, false);
  for (const auto& w : keep_)
    for_each_occurrence(text, w, [&](size_t at) {
      for (size_t k = at + 1; k < at + w.size(); ++k) kept[k] = true;
    });
  for (const auto& r : after_)
    for_each_occurrence(text, r.word, [&](size_t at) {
      const size_t end = at + r.word.size();
      if (!kept[at] && !kept[end]) cost[end] = std::min(cost[end], r.cost);
    });
  for (const auto& r : before_)
    for_each_occurrence(text, r.word, [&](size_t at) {
      if (!kept[at] && !kept[at + r.word.size()]) cost[at] = std::min(cost[at], r.cost);
    });
  for (size_t k = 0; k <= text.size(); ++k)
    if (kept[k]) cost[k] = std::max(cost[k], inside_);
  return cost;
}

}  // namespace banshi
