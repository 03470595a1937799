// Type 2 charstrings (Adobe TN #5177) as the subsetter rewrites them:
// hints stripped, subroutine calls flattened.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pdf/cff_tables.h"

namespace banshi::pdf::cff {

// A Type 2 charstring without its hints (stems, hint and counter masks):
// print output never uses them, and they are a twentieth of a font's
// outlines. The advance width, when given, stays the first operand of the
// first remaining stack-clearing operator. A charstring that calls a
// subroutine (whose hints this cannot see) or does not parse is returned
// as it is — a charstring with hints is still a correct charstring.
std::string strip_hints(std::string_view cs);

// A charstring with its subroutine calls replaced by the subroutines'
// bodies (as hb-subset's desubroutinize does), so the subset needs no
// subroutines at all: a font built around thousands of them (Noto CJK)
// then subsets as cheaply as one without. The operand stack is simulated
// to count stems (hint masks are as long as the stems so far require) and
// to take each call's subroutine number, which must be the number written
// just before the call. Anything else (arithmetic operators, deep
// recursion, a call out of range) fails, and hb-subset takes the font.
class Flattener {
 public:
  explicit Flattener(const Index& gsubrs) : gsubrs_(gsubrs) {}
  // The charstring with every call replaced by its body; nullopt when it
  // cannot be flattened (see above).
  std::optional<std::string> flatten(std::string_view cs, const Index* lsubrs);
  // What a charstring adds to a subroutine's number (Type 2's bias).
  static long subr_bias(size_t count) { return count < 1240 ? 107 : count < 33900 ? 1131 : 32768; }

 private:
  static long bias(size_t count) { return subr_bias(count); }
  void run(std::string_view cs, int depth);

  const Index& gsubrs_;
  const Index* lsubrs_ = nullptr;
  std::string out_;
  int stack_ = 0, stems_ = 0;
  // The length of the last token when it was a number (a call's
  // subroutine number, which out_ ends with once its run is written), or 0.
  size_t last_number_ = 0;
  bool done_ = false, ok_ = true;
};

}  // namespace banshi::pdf::cff
