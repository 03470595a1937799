// Owning pointers for the HarfBuzz objects the PDF stage creates, so every
// early exit (and every exception) releases them.
#pragma once

#include <hb-subset.h>
#include <hb.h>

#include <memory>

namespace banshi::pdf {

template <auto Destroy>
struct HbDeleter {
  template <typename T>
  void operator()(T* p) const {
    Destroy(p);
  }
};

using HbBlob = std::unique_ptr<hb_blob_t, HbDeleter<hb_blob_destroy>>;
using HbFace = std::unique_ptr<hb_face_t, HbDeleter<hb_face_destroy>>;
using HbSubsetInput = std::unique_ptr<hb_subset_input_t, HbDeleter<hb_subset_input_destroy>>;
using HbSubsetPlan = std::unique_ptr<hb_subset_plan_t, HbDeleter<hb_subset_plan_destroy>>;
using HbDrawFuncs = std::unique_ptr<hb_draw_funcs_t, HbDeleter<hb_draw_funcs_destroy>>;
using HbSet = std::unique_ptr<hb_set_t, HbDeleter<hb_set_destroy>>;

}  // namespace banshi::pdf
