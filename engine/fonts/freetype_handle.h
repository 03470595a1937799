// RAII over a FreeType library and one face opened from memory. FreeType
// is used only while a Font is being opened (names, format, CID charset);
// HarfBuzz does all the work after that.
#pragma once

#include <ft2build.h>
#include FT_FREETYPE_H

#include <string_view>

namespace banshi {

class FreeTypeFace {
 public:
  // Throws EngineError naming `what` (the file) when the face cannot be read.
  FreeTypeFace(const unsigned char* data, size_t size, unsigned index, std::string_view what);
  ~FreeTypeFace();
  FreeTypeFace(const FreeTypeFace&) = delete;
  FreeTypeFace& operator=(const FreeTypeFace&) = delete;

  FT_Face get() const { return face_; }
  FT_Face operator->() const { return face_; }

 private:
  FT_Library lib_ = nullptr;
  FT_Face face_ = nullptr;
};

}  // namespace banshi
