// Glyph copies (pdf/glyph_copies.h) change what readers extract, not what
// is printed: real samples rendered with the Han–Latin gaps carried by
// copies and with the gaps made by positioning alone
// (RenderOptions::gap_copies) rasterise, with poppler, to the same pixels
// — and the copies' PDF is the same on every render.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "pdf_test_support.h"
#include "render/engine.h"
#include "temp_dir.h"
#include "util/file.h"

namespace banshi {
namespace {

namespace fs = std::filesystem;

const fs::path kSamples = fs::path(BANSHI_SOURCE_DIR) / "samples";

class GapCopies : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { engine_ = std::make_unique<Engine>(BANSHI_SOURCE_DIR, diags_, nullptr); }
  static void TearDownTestSuite() { engine_.reset(); }

  static std::string render(const std::string& sample, bool copies) {
    RenderOptions options;
    options.impose = Imposition::None;
    options.gap_copies = copies;
    options.timestamp = 0;
    Diagnostics diags;
    return engine_->render(kSamples / sample, options, diags).pdf;
  }

  // The pages as pdftoppm -r 100 draws them, as PNG bytes.
  static std::vector<std::string> pages(const fs::path& dir, const std::string& name, const std::string& pdf) {
    pdf_test::write_bytes(dir / (name + ".pdf"), pdf);
    pdf_test::run_command("pdftoppm -r 100 -png '" + (dir / (name + ".pdf")).string() + "' '" + (dir / name).string() +
                          "'");
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".png" && e.path().filename().string().starts_with(name + "-"))
        files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    for (const auto& f : files) out.push_back(read_file(f));
    return out;
  }

  void expect_same_print(const std::string& sample) {
    const std::string positioned = render(sample, false);
    const std::string copies = render(sample, true);
    ASSERT_NE(positioned, copies) << sample << " has no gap a copy carries";
    const test::TempDir dir("banshi-gap-copies");
    const std::vector<std::string> a = pages(dir.path(), "positioned", positioned);
    const std::vector<std::string> b = pages(dir.path(), "copies", copies);
    ASSERT_EQ(a.size(), b.size());
    ASSERT_GT(a.size(), 3u);
    for (size_t p = 0; p < a.size(); ++p) EXPECT_TRUE(a[p] == b[p]) << sample << ": page " << p + 1 << " differs";
  }

  static inline Diagnostics diags_;
  static inline std::unique_ptr<Engine> engine_;
};

// Han–Latin quarter ems in every kind of line (FandolFang, Liberation
// Serif, Noto Serif CJK Bold headings).
TEST_F(GapCopies, StressSamplePrintsTheSame) { expect_same_print("stress-punctuation-outcome.xml"); }
// Table cells and form fields besides the outcome's text.
TEST_F(GapCopies, FormPrintsTheSame) { expect_same_print("bz25yb119-jiexiang.xml"); }

TEST_F(GapCopies, SameInputSameBytes) {
  const std::string once = render("bazhong-xinzhi-outcome.xml", true);
  EXPECT_TRUE(once == render("bazhong-xinzhi-outcome.xml", true));
  EXPECT_FALSE(once == render("bazhong-xinzhi-outcome.xml", false));
}

}  // namespace
}  // namespace banshi
