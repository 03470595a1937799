#include "docx/numbering.h"

#include <cstdlib>

#include "docx/package.h"
#include "docx/xml_part.h"

namespace banshi::docx {

namespace {

constexpr int kLevels = 9;

int int_val(const El* el, std::string_view w, int fallback) {
  const char* v = el ? attr(el, w, "val") : nullptr;
  if (!v || !*v) return fallback;
  char* end = nullptr;
  const long n = std::strtol(v, &end, 10);
  if (end == v || n < -1'000'000 || n > 1'000'000) return fallback;
  return static_cast<int>(n);
}

std::string chinese(int n) {
  static constexpr const char* kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 100) return std::to_string(n);
  if (n < 10) return kDigits[n];
  std::string out = n >= 20 ? std::string(kDigits[n / 10]) + "十" : "十";
  if (n % 10) out += kDigits[n % 10];
  return out;
}

std::string letters(int n, char base) {
  if (n <= 0) return std::to_string(n);
  std::string out;
  while (n > 0) {
    out.insert(out.begin(), static_cast<char>(base + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return out;
}

std::string roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static constexpr std::pair<int, const char*> kParts[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [v, s] : kParts)
    while (n >= v) {
      out += s;
      n -= v;
    }
  if (upper)
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

}  // namespace

std::string format_number(int n, std::string_view f) {
  if (f == "chineseCounting" || f == "chineseCountingThousand" || f == "japaneseCounting" ||
      f == "ideographTraditional" || f == "taiwaneseCounting" || f == "taiwaneseCountingThousand")
    return chinese(n);
  if (f == "upperLetter") return letters(n, 'A');
  if (f == "lowerLetter") return letters(n, 'a');
  if (f == "upperRoman") return roman(n, true);
  if (f == "lowerRoman") return roman(n, false);
  if (f == "decimalEnclosedCircle" || f == "decimalEnclosedCircleChinese") {
    if (n >= 1 && n <= 20) {
      std::string out;
      const char32_t cp = U'①' + static_cast<char32_t>(n - 1);
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
      return out;
    }
    return std::to_string(n);
  }
  if (f == "decimalFullWidth" || f == "decimalFullWidth2") {
    std::string out;
    for (char c : std::to_string(n))
      out += std::string("０１２３４５６７８９").substr(static_cast<size_t>(c - '0') * 3, 3);
    return out;
  }
  if (f == "decimalZero") return (n < 10 ? "0" : "") + std::to_string(n);
  return std::to_string(n);
}

Numbering Numbering::read(const Package& package) {
  const Relationship* rel = package.related(package.main_part(), "numbering");
  const std::string part = rel && !rel->part.empty() ? rel->part : "word/numbering.xml";
  if (!package.has(part)) return {};
  const auto doc = parse_part(package, part);
  return parse(doc->RootElement());
}

Numbering Numbering::parse(const El* root) {
  Numbering n;
  if (!root) return n;
  const Namespaces ns = Namespaces::of(root);
  const std::string& w = ns.w;
  for (const El* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
    if (is(e, w, "abstractNum")) {
      const char* id = attr(e, w, "abstractNumId");
      if (!id) continue;
      Abstract a;
      for (const El* l = e->FirstChildElement(); l; l = l->NextSiblingElement()) {
        if (!is(l, w, "lvl")) continue;
        const char* ilvl = attr(l, w, "ilvl");
        const int k = ilvl ? std::atoi(ilvl) : 0;
        if (k < 0 || k >= kLevels) continue;
        NumberLevel lv;
        lv.start = int_val(child(l, w, "start"), w, 1);
        if (const El* f = child(l, w, "numFmt"))
          if (const char* v = attr(f, w, "val")) lv.format = v;
        if (const El* t = child(l, w, "lvlText"))
          if (const char* v = attr(t, w, "val")) lv.text = v;
        a.levels[k] = lv;
      }
      n.abstracts_[std::atoi(id)] = std::move(a);
    } else if (is(e, w, "num")) {
      const char* id = attr(e, w, "numId");
      if (!id) continue;
      Num num;
      num.abstract_id = int_val(child(e, w, "abstractNumId"), w, -1);
      for (const El* o = e->FirstChildElement(); o; o = o->NextSiblingElement()) {
        if (!is(o, w, "lvlOverride")) continue;
        const char* ilvl = attr(o, w, "ilvl");
        if (const El* s = child(o, w, "startOverride"); s && ilvl)
          num.start_overrides[std::atoi(ilvl)] = int_val(s, w, 1);
      }
      n.nums_[std::atoi(id)] = std::move(num);
    }
  }
  return n;
}

const NumberLevel* Numbering::level(int num_id, int lvl) const {
  auto n = nums_.find(num_id);
  if (n == nums_.end()) return nullptr;
  auto a = abstracts_.find(n->second.abstract_id);
  if (a == abstracts_.end()) return nullptr;
  auto l = a->second.levels.find(lvl);
  return l == a->second.levels.end() ? nullptr : &l->second;
}

std::optional<GeneratedNumber> Numbering::next(const NumberingRef& ref) {
  if (ref.num_id == 0 || ref.level < 0 || ref.level >= kLevels) return std::nullopt;
  const NumberLevel* lv = level(ref.num_id, ref.level);
  if (!lv) return std::nullopt;
  const Num& num = nums_.at(ref.num_id);
  const Abstract& abs = abstracts_.at(num.abstract_id);
  auto start_of = [&](int k) {
    if (auto o = num.start_overrides.find(k); o != num.start_overrides.end()) return o->second;
    auto l = abs.levels.find(k);
    return l == abs.levels.end() ? 1 : l->second.start;
  };
  // Lists share counters through their abstract definition, as Word does
  // for paragraphs that continue one list.
  auto& counters = counters_[num.abstract_id];
  if (counters.empty()) {
    counters.assign(kLevels, 0);
    for (int k = 0; k < kLevels; ++k) counters[k] = start_of(k) - 1;
  }
  ++counters[ref.level];
  for (int k = ref.level + 1; k < kLevels; ++k) counters[k] = start_of(k) - 1;

  GeneratedNumber g;
  g.level = ref.level;
  g.format = lv->format;
  g.pattern = lv->text;
  g.bullet = lv->format == "bullet";
  if (lv->format == "none") return g;
  if (g.bullet) {
    g.label = lv->text.empty() ? "•" : lv->text;
    return g;
  }
  const std::string& t = lv->text;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
      const int k = t[i + 1] - '1';
      const NumberLevel* other = level(ref.num_id, k);
      const int value = std::max(counters[k], k == ref.level ? counters[k] : start_of(k));
      g.label += format_number(value, other ? other->format : lv->format);
      ++i;
    } else {
      g.label += t[i];
    }
  }
  return g;
}

}  // namespace banshi::docx
