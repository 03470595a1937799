// Every template value keeps a range (templates/README.md): out of it, the
// template is refused at the element that set it — those cases are data
// under tests/data/templates/range-*. The real templates keep every range.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "style/template.h"
#include "util/diag.h"

namespace banshi {
namespace {

namespace fs = std::filesystem;

// The refusals themselves are data: each tests/data/templates/range-*/template.xml
// ends with the message it must give (render_error_cases_test).

TEST(StyleRanges, TheInstalledTemplatesKeepThem) {
  for (const char* name : {"outcome", "jiexiang"})
    EXPECT_NO_THROW(load_template(fs::path(BANSHI_SOURCE_DIR) / "templates" / name)) << name;
}

}  // namespace
}  // namespace banshi
