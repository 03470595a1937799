#include "layout/notes.h"

#include <algorithm>

#include "util/utf8.h"

namespace banshi {

int NoteRegistry::add(const model::Inline& fn) {
  const size_t index = notes_.size();
  const int number = numbers_ && index < numbers_->size() ? (*numbers_)[index] : static_cast<int>(index) + 1;
  notes_.push_back({number, &fn.children, fn.pos});
  return static_cast<int>(index);
}

std::string NoteRegistry::marker(int index) const {
  const int n = notes_[static_cast<size_t>(index)].number;
  return circled_ ? circled_number(n) : std::to_string(n);
}

std::string circled_number(int n) {
  if (n >= 1 && n <= 20) return utf8_encode(static_cast<char32_t>(0x2460 + n - 1));
  return "(" + std::to_string(n) + ")";
}

std::string CitationRegistry::cite(const std::vector<std::string>& ids) {
  std::vector<int> nums;
  for (const auto& id : ids) {
    auto [it, inserted] = numbers_.emplace(id, static_cast<int>(numbers_.size()) + 1);
    nums.push_back(it->second);
  }
  return citation_label(std::move(nums));
}

int CitationRegistry::number(const std::string& id) const {
  auto it = numbers_.find(id);
  return it == numbers_.end() ? 0 : it->second;
}

std::string citation_label(std::vector<int> numbers) {
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  std::string out = "[";
  for (size_t i = 0; i < numbers.size();) {
    size_t j = i;
    while (j + 1 < numbers.size() && numbers[j + 1] == numbers[j] + 1) ++j;
    if (i != 0) out += ',';
    if (j - i >= 2) {
      out += std::to_string(numbers[i]) + "-" + std::to_string(numbers[j]);
    } else {
      for (size_t k = i; k <= j; ++k) out += (k == i ? "" : ",") + std::to_string(numbers[k]);
    }
    i = j + 1;
  }
  return out + "]";
}

}  // namespace banshi
