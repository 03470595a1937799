#include "i18n/message.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "i18n/catalogue_data.h"

namespace banshi {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_placeholder_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'; }

// The catalogue file's lines: "code = text", '#' comments, blank lines.
Catalogue parse_catalogue(Lang lang) {
  Catalogue c;
  const std::string file = std::string(lang_name(lang)) + ".txt";
  const std::string_view text = i18n_detail::catalogue_text(lang);
  std::unordered_map<std::string_view, int> seen;
  int line_no = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = trim(text.substr(start, end - start));
    start = end + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const size_t eq = line.find(" = ");
    if (eq == std::string_view::npos) {
      c.problems.push_back(file + ":" + std::to_string(line_no) + ": no \" = \" between code and text");
      continue;
    }
    const CatalogueEntry e{trim(line.substr(0, eq)), trim(line.substr(eq + 3)), line_no};
    if (const auto [it, fresh] = seen.emplace(e.code, line_no); !fresh)
      c.problems.push_back(file + ":" + std::to_string(line_no) + ": " + std::string(e.code) + " is already on line " +
                           std::to_string(it->second));
    c.entries.push_back(e);
  }
  return c;
}

// code → text, for one language.
struct Index {
  std::unordered_map<std::string_view, std::string_view> text;
};

const Index& index(Lang lang) {
  // Built once, on first use, and read-only after (C++ guarantees the
  // initialisation is thread-safe).
  static const std::array<Index, 2> kIndex = [] {
    std::array<Index, 2> out;
    for (Lang l : kLangs)
      for (const auto& e : catalogue(l).entries) out[static_cast<size_t>(l)].text.emplace(e.code, e.text);
    return out;
  }();
  return kIndex[static_cast<size_t>(lang)];
}

std::string join(const std::vector<std::string>& items, std::string_view style, Lang lang) {
  const bool zh = lang == Lang::Zh;
  std::string_view sep = zh ? "、" : ", ";
  std::string_view last = sep;
  if (style == "or") last = zh ? " 或 " : " or ";
  else if (style == "and") last = zh ? " 和 " : " and ";
  else if (style == "clauses") sep = last = zh ? "，" : ", ";
  std::string out;
  for (size_t k = 0; k < items.size(); ++k) {
    if (k > 0) out += k + 1 == items.size() ? last : sep;
    out += items[k];
  }
  return out;
}

}  // namespace

namespace i18n_detail {

void message_code_must_look_like_area_dot_what(std::string_view) {}

}  // namespace i18n_detail

std::optional<MessageCode> MessageCode::find(std::string_view code) {
  const auto& text = index(Lang::En).text;
  const auto it = text.find(code);
  if (it == text.end()) return std::nullopt;
  return MessageCode(Checked{}, it->first);  // the catalogue's own bytes: they live as long as the program
}

Arg::Arg(std::string_view n, Message m) : name(n), nested(std::make_shared<const Message>(std::move(m))) {}

Arg::Arg(std::string_view n, std::vector<Message> list)
    : name(n), is_list(true), nested_items(std::make_shared<const std::vector<Message>>(std::move(list))) {}

std::string Arg::text(Lang lang, std::string_view style) const {
  if (nested) return nested->text(lang);
  if (localized) return localized->in(lang);
  if (!is_list) return value;
  if (!nested_items) return join(items, style, lang);
  std::vector<std::string> texts;
  for (const Message& m : *nested_items) texts.push_back(m.text(lang));
  return join(texts, style, lang);
}

const Arg* Args::find(std::string_view name) const {
  for (const auto& a : items_)
    if (a.name == name) return &a;
  return nullptr;
}

std::string Message::text(Lang lang) const { return render_message(code, args, lang); }

const Catalogue& catalogue(Lang lang) {
  static const std::array<Catalogue, 2> kCatalogues{parse_catalogue(Lang::En), parse_catalogue(Lang::Zh)};
  return kCatalogues[static_cast<size_t>(lang)];
}

std::string_view message_template(MessageCode code, Lang lang) {
  const auto& text = index(lang).text;
  if (auto it = text.find(code.str()); it != text.end()) return it->second;
  // Only a catalogue missing a translation gets here, which the
  // completeness test refuses; English is the better fallback than nothing.
  if (lang != Lang::En) return message_template(code, Lang::En);
  return code.str();
}

std::string render_message(MessageCode code, const Args& args, Lang lang) {
  const std::string_view t = message_template(code, lang);
  std::string out;
  out.reserve(t.size() + 32);
  for (size_t i = 0; i < t.size();) {
    if (t.compare(i, 2, "{{") == 0 || t.compare(i, 2, "}}") == 0) {  // a literal brace
      out += t[i];
      i += 2;
      continue;
    }
    if (t[i] != '{') {
      out += t[i++];
      continue;
    }
    const size_t close = t.find('}', i);
    if (close == std::string_view::npos) {
      out += t.substr(i);
      break;
    }
    const std::string_view inner = t.substr(i + 1, close - i - 1);
    const size_t bar = inner.find('|');
    const std::string_view name = inner.substr(0, bar);
    const std::string_view style = bar == std::string_view::npos ? std::string_view{} : inner.substr(bar + 1);
    if (const Arg* a = args.find(name)) out += a->text(lang, style);
    else out.append(t.substr(i, close + 1 - i));
    i = close + 1;
  }
  return out;
}

std::vector<std::string> placeholders(std::string_view text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "{{") == 0 || text.compare(i, 2, "}}") == 0) {
      ++i;
      continue;
    }
    if (text[i] != '{') continue;
    size_t j = i + 1;
    while (j < text.size() && is_placeholder_char(text[j])) ++j;
    if (j > i + 1 && j < text.size() && (text[j] == '}' || text[j] == '|'))
      out.emplace_back(text.substr(i + 1, j - i - 1));
    i = j;
  }
  return out;
}

}  // namespace banshi
