// Plain text cut into the blocks a reader sees: runs of lines between
// blank lines, or single lines when the text has no blank lines at all
// (text copied out of Word has one line per paragraph). A short line that
// begins with a heading number always stands alone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace banshi::plaintext {

struct Line {
  std::string_view text;  // without its line end
  int number = 0;         // 1-based
};

struct Block {
  std::vector<Line> lines;  // at least one; leading spaces of the first removed
  int first_line() const { return lines.front().number; }
};

std::vector<Line> split_lines(std::string_view text);

// A line holding only white space (ASCII, U+3000 ideographic space, NBSP).
bool is_blank(std::string_view line);

// Leading white space removed, the ideographic spaces of a typed indent too.
std::string_view trim_start(std::string_view s);
std::string_view trim(std::string_view s);

// The blocks of `lines` (blank lines dropped).
std::vector<Block> split_blocks(const std::vector<Line>& lines);

}  // namespace banshi::plaintext
