// RAII for the HarfBuzz objects the text stage creates per use.
#pragma once

#include <hb.h>

#include <memory>

namespace banshi {

struct HbBufferDeleter {
  void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};
using HbBuffer = std::unique_ptr<hb_buffer_t, HbBufferDeleter>;

inline HbBuffer make_hb_buffer() { return HbBuffer(hb_buffer_create()); }

}  // namespace banshi
