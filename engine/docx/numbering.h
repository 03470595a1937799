// The numbering part (word/numbering.xml): which numbers Word generates in
// front of numbered paragraphs. Word does not write them into the text, so
// the importer works them out to know what the reader saw ("一、", "（二）",
// "3.", "[4]") — to find headings numbered automatically and to know their
// depth, and to recognise lists.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "docx/styles.h"

namespace banshi::docx {

class Package;

struct NumberLevel {
  std::string format = "decimal";  // w:numFmt: decimal, chineseCounting, bullet, none, …
  std::string text;                // w:lvlText: "%1、", "（%1）", "%1.%2"
  int start = 1;
};

// What a numbered paragraph shows.
struct GeneratedNumber {
  std::string label;    // "一、", "（2）", "•", "" for none
  std::string format;   // of its level
  std::string pattern;  // lvlText
  int level = 0;
  bool bullet = false;
};

class Numbering {
 public:
  Numbering() = default;
  static Numbering read(const Package& package);
  static Numbering parse(const tinyxml2::XMLElement* root);

  bool empty() const { return nums_.empty(); }
  const NumberLevel* level(int num_id, int level) const;

  // The number the next paragraph with `ref` shows, counting as Word does:
  // per list, deeper levels restarting after a shallower one. Call once per
  // numbered paragraph, in document order.
  std::optional<GeneratedNumber> next(const NumberingRef& ref);

 private:
  struct Abstract {
    std::map<int, NumberLevel> levels;
  };
  struct Num {
    int abstract_id = 0;
    std::map<int, int> start_overrides;
  };
  std::map<int, Abstract> abstracts_;
  std::map<int, Num> nums_;
  std::map<int, std::vector<int>> counters_;  // per abstract: one counter per level
};

// "一", "二十三" (chineseCounting); "壹" forms and others fall back to digits.
std::string format_number(int n, std::string_view format);

}  // namespace banshi::docx
