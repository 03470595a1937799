// Rows of 8-bit samples compressed for /FlateDecode with PNG predictors
// (/Predictor 15): each row takes the PNG filter that suits it best by the
// usual heuristic (least sum of absolute filtered bytes), and all rows are
// deflated as one zlib stream, row by row, so an image is compressed while
// it is decoded and never held whole. Deterministic: the same rows give the
// same bytes.
#pragma once

#include <zlib.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace banshi::image {

class FlateRows {
 public:
  // `row_bytes` per row; `pixel_bytes` per pixel (the filters' left step).
  FlateRows(size_t row_bytes, unsigned pixel_bytes);
  FlateRows(const FlateRows&) = delete;
  FlateRows& operator=(const FlateRows&) = delete;
  ~FlateRows();

  void add(const uint8_t* row);
  // Ends the stream and returns it; the object is spent.
  std::string finish();

 private:
  void deflate_bytes(const uint8_t* p, size_t n, int flush);

  size_t row_bytes_;
  unsigned pixel_bytes_;
  std::vector<uint8_t> previous_;                 // the last row as given (zeros above the first)
  std::array<std::vector<uint8_t>, 5> filtered_;  // a candidate per filter, each led by its filter byte
  std::unique_ptr<z_stream> z_;
  std::string out_;
};

}  // namespace banshi::image
