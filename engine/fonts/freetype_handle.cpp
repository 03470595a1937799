#include "fonts/freetype_handle.h"

#include <string>

#include "util/diag.h"

namespace banshi {

FreeTypeFace::FreeTypeFace(const unsigned char* data, size_t size, unsigned index, std::string_view what) {
  if (FT_Init_FreeType(&lib_) != 0) throw EngineError("freetype.init");
  if (FT_New_Memory_Face(lib_, data, static_cast<FT_Long>(size), static_cast<FT_Long>(index), &face_) != 0) {
    FT_Done_FreeType(lib_);
    throw EngineError("freetype.unreadable", {{"file", what}, {"index", index}});
  }
}

FreeTypeFace::~FreeTypeFace() {
  if (face_) FT_Done_Face(face_);
  if (lib_) FT_Done_FreeType(lib_);
}

}  // namespace banshi
