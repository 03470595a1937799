// Type 2 charstrings as the CFF subsetter rewrites them, byte for byte.
// Hints stripped: stems and masks (with their operands and mask bytes) go,
// the width and every path operator stay where they were, and what it
// cannot follow comes back as it was. Calls flattened: each call and its
// subroutine number give way to the subroutine's body.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pdf/cff_charstring.h"
#include "pdf/cff_tables.h"
#include "pdf_test_support.h"

namespace banshi::pdf::cff {
namespace {

using pdf_test::bytes;

// Type 2 operands between -107 and 107 are one byte: the value + 139.
int n(int v) { return v + 139; }

// A charstring from its operators, each with its operands (or mask bytes).
std::string join(const std::vector<std::vector<int>>& parts) {
  std::string s;
  for (const auto& part : parts) s += bytes(part);
  return s;
}

constexpr int kHstem = 1, kVstem = 3, kRlineto = 5, kEndchar = 14, kHstemhm = 18, kHintmask = 19, kCntrmask = 20,
              kRmoveto = 21, kVstemhm = 23;

TEST(CffCharstring, StemsAndMasksGoWidthAndPathStay) {
  // A width before two hstems; seven vstems, so nine stems and masks
  // of two bytes. The mask bytes are operator and operand bytes (endchar,
  // callsubr, a three-byte number's prefix) that must not be read as such.
  const std::string cs = join({
      {n(50)},                                 // width
      {n(10), n(20), n(30), n(40), kHstemhm},  // two hstems
      {n(1), n(2), n(3), n(4), n(5), n(6), n(7), n(8), n(9), n(10), n(11), n(12), n(13), n(14), kVstemhm},
      {kHintmask, 0x0e, 0x1c},                                  // mask: two bytes
      {kCntrmask, 0x0a, 0x00},                                  // counters
      {n(100), 247, 92, kRmoveto},                              // 100 200 rmoveto
      {n(10), n(-20), kRlineto},                                // 10 -20 rlineto
      {kHintmask, 0xff, 0x80},                                  // hint replacement
      {28, 0x01, 0x00, 255, 0x00, 0x01, 0x00, 0x00, kRlineto},  // 256 1.0 rlineto
      {kEndchar},
  });
  const std::string stripped = join({
      {n(50)},
      {n(100), 247, 92, kRmoveto},
      {n(10), n(-20), kRlineto},
      {28, 0x01, 0x00, 255, 0x00, 0x01, 0x00, 0x00, kRlineto},
      {kEndchar},
  });
  EXPECT_EQ(strip_hints(cs), stripped);
}

TEST(CffCharstring, MaskOperandsAreImplicitVstems) {
  // Four hstems, then a hintmask whose ten operands are five vstems: nine
  // stems, a two-byte mask (the hstems alone would make it one byte, and
  // its second byte, an rmoveto, would be read as an operator).
  const std::string cs = join({
      {n(1), n(2), n(3), n(4), n(5), n(6), n(7), n(8), kHstem},  // no width
      {n(20), n(21), n(22), n(23), n(24), n(25), n(26), n(27), n(28), n(29), kHintmask, 0x00, 0x15},
      {n(0), n(0), kRmoveto},
      {kEndchar},
  });
  EXPECT_EQ(strip_hints(cs), join({{n(0), n(0), kRmoveto}, {kEndchar}}));
}

TEST(CffCharstring, WidthWithTheFirstPathOperatorStays) {
  const std::string cs = join({{n(70), n(5), n(6), kRmoveto}, {n(1), n(1), kRlineto}, {kEndchar}});
  EXPECT_EQ(strip_hints(cs), cs);
  // Only hints, with a width: the width and endchar.
  EXPECT_EQ(strip_hints(join({{n(70), n(1), n(2), kVstem}, {kEndchar}})), join({{n(70)}, {kEndchar}}));
}

TEST(CffCharstring, WhatItCannotFollowComesBackAsItWas) {
  const std::vector<std::string> kept = {
      bytes({n(1), n(2), kHstem, n(0), 10, kEndchar}),          // callsubr: the subroutine's hints are unseen
      bytes({n(1), n(2), kHstem, n(0), 29, kEndchar}),          // callgsubr
      bytes({n(1), n(2), kHstem, n(0), n(0), kRmoveto, 247}),   // a two-byte number cut short
      bytes({n(1), n(2), kHstem, kHintmask}),                   // a mask past the end
      bytes({n(1), n(2), kHstem, n(0), n(0), kRmoveto, n(3)}),  // operands without an operator
      bytes({n(9), n(1), n(2), kHstem}),                        // a width and nothing to carry it
      bytes({n(1), n(2), kHstem, 12}),                          // an escape without its second byte
  };
  for (const std::string& cs : kept) EXPECT_EQ(strip_hints(cs), cs) << testing::PrintToString(cs);
  EXPECT_EQ(strip_hints(""), "");
}

// Subroutines as a font holds them: an INDEX of bodies.
struct Subrs {
  std::string bytes;
  Index index;
  explicit Subrs(const std::vector<std::string>& bodies)
      : bytes(write_index(std::vector<std::string_view>(bodies.begin(), bodies.end()))),
        index(*Index::read(bytes, 0)) {}
};

TEST(CffCharstring, FlattenedCallsAreTheirBodies) {
  constexpr int kCallsubr = 10, kReturn = 11, kCallgsubr = 29;
  // Fewer than 1240 subroutines: a call's number is the index - 107.
  const Subrs global({
      join({{n(5), n(6), kRlineto}, {kReturn}}),    // 0: a line
      join({{n(-107 + 1), kCallsubr}, {kReturn}}),  // 1: calls local 1
  });
  const Subrs local({
      join({{n(10), n(20), kHstem}, {kReturn}}),           // 0: a stem
      join({{kHintmask, 0x80}, {n(1), n(2)}, {kReturn}}),  // 1: a mask, then operands left for the caller
  });
  Flattener f(global.index);
  const std::string cs = join({
      {n(-107 + 0), kCallsubr},   // the stem: one stem before the mask
      {n(0), n(0), kRmoveto},     //
      {n(-107 + 1), kCallgsubr},  // global 1 → local 1: its mask is one byte
      {kRlineto},                 // the operands it left
      {n(-107 + 0), kCallgsubr},  // a line
      {kEndchar},
  });
  const std::string flat = join({
      {n(10), n(20), kHstem},
      {n(0), n(0), kRmoveto},
      {kHintmask, 0x80},
      {n(1), n(2), kRlineto},
      {n(5), n(6), kRlineto},
      {kEndchar},
  });
  EXPECT_EQ(f.flatten(cs, &local.index), flat);
  // A subroutine number the call does not follow, one out of range, a
  // local call without local subroutines, no endchar: no flattening.
  EXPECT_FALSE(f.flatten(join({{n(0), n(0), kRmoveto}, {kCallgsubr}, {kEndchar}}), &local.index).has_value());
  EXPECT_FALSE(f.flatten(join({{n(-107 + 2), kCallgsubr}, {kEndchar}}), &local.index).has_value());
  EXPECT_FALSE(f.flatten(join({{n(-107 + 0), kCallsubr}, {kEndchar}}), nullptr).has_value());
  EXPECT_FALSE(f.flatten(join({{n(-107 + 0), kCallgsubr}}), &local.index).has_value());
}

}  // namespace
}  // namespace banshi::pdf::cff
