// A PDF transformation matrix [a b c d e f]: x' = a·x + c·y + e,
// y' = b·x + d·y + f, in PDF space (origin bottom-left, y up).
#pragma once

namespace banshi::pdf {

struct Point {
  double x = 0, y = 0;
  bool operator==(const Point&) const = default;
};

struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;

  Point apply(Point p) const { return {a * p.x + c * p.y + e, b * p.x + d * p.y + f}; }
  bool operator==(const Matrix&) const = default;
};

}  // namespace banshi::pdf
