// Font resolution: the real font map on this machine, test maps for the
// official / missing / malformed cases, and application font directories.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "fonts/font_report.h"
#include "fonts/font_set.h"
#include "temp_dir.h"

namespace banshi {
namespace {

namespace fs = std::filesystem;

const fs::path kRealMap = fs::path(BANSHI_SOURCE_DIR) / "fonts" / "fontmap.xml";
const fs::path kTestMaps = fs::path(BANSHI_TEST_DATA) / "fonts";
const fs::path kFandol = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol";

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Loaded once: every test of the real map reads the same FontSet, as the
// render jobs of a batch do.
class RealMap : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    diags_ = new Diagnostics();
    set_ = FontSet::load(kRealMap, {}, *diags_);
  }
  static void TearDownTestSuite() {
    set_.reset();
    delete diags_;
  }
  static const ResolvedFace& face(const char* id) {
    const ResolvedFace* f = set_->face(id);
    if (!f) throw std::runtime_error(std::string("no face ") + id);
    return *f;
  }
  static inline std::shared_ptr<const FontSet> set_;
  static inline Diagnostics* diags_ = nullptr;
};

TEST_F(RealMap, EveryTemplateFaceResolves) {
  for (const char* id : {"xiaobiaosong", "hei", "kai", "fangsong", "song", "latin"}) {
    const ResolvedFace* f = set_->face(id);
    ASSERT_NE(f, nullptr) << id;
    ASSERT_NE(f->primary, nullptr) << id;
    ASSERT_FALSE(f->chain.empty()) << id;
    EXPECT_EQ(f->chain.front().font, f->primary) << id;
    EXPECT_EQ(f->chain.size(), f->fallbacks.size() + 1) << id;
  }
  EXPECT_EQ(set_->face("no-such-face"), nullptr);
}

TEST_F(RealMap, FangsongIsFandolFangStandIn) {
  const ResolvedFace& f = face("fangsong");
  EXPECT_EQ(f.label, "方正仿宋_GBK");
  EXPECT_FALSE(f.official);
  EXPECT_TRUE(ends_with(f.primary->file(), "FandolFang-Regular.otf")) << f.primary->file();
  EXPECT_EQ(f.primary->family(), "FandolFang");
  EXPECT_EQ(f.primary->outlines(), Font::Outlines::CFF);
  EXPECT_TRUE(f.punctuation_ok);

  int naming = 0;
  for (const Diagnostic& d : diags_->items()) {
    if (contains(d.message_text(banshi::Lang::En), "方正仿宋_GBK")) {
      ++naming;
      EXPECT_EQ(d.severity, Severity::Warning);
      EXPECT_TRUE(contains(d.message_text(banshi::Lang::En), "(fangsong)")) << d.message_text(banshi::Lang::En);
      EXPECT_TRUE(contains(d.message_text(banshi::Lang::En), "is not installed")) << d.message_text(banshi::Lang::En);
      EXPECT_TRUE(contains(d.message_text(banshi::Lang::En), "FandolFang Regular")) << d.message_text(banshi::Lang::En);
      EXPECT_TRUE(contains(d.message_text(banshi::Lang::En), "FandolFang-Regular.otf"))
          << d.message_text(banshi::Lang::En);
    }
  }
  EXPECT_EQ(naming, 1);
  EXPECT_EQ(f.substitution.empty(), false);
}

TEST_F(RealMap, OneWarningPerSubstitutedFace) {
  size_t substituted = 0;
  for (const ResolvedFace& f : set_->faces()) substituted += f.official ? 0 : 1;
  EXPECT_EQ(diags_->count(Severity::Warning), substituted);
  EXPECT_EQ(diags_->count(Severity::Error), 0u);
  EXPECT_EQ(diags_->items().size(), substituted);
}

TEST_F(RealMap, XiaobiaosongIsNotoSerifBoldFromTheCollection) {
  const ResolvedFace& f = face("xiaobiaosong");
  EXPECT_FALSE(f.official);
  EXPECT_TRUE(ends_with(f.primary->file(), "NotoSerifCJK-Bold.ttc")) << f.primary->file();
  // The face at the index fontconfig reported is the SC one, not JP (0).
  EXPECT_EQ(f.primary->family(), "Noto Serif CJK SC");
  EXPECT_EQ(f.primary->style(), "Bold");
  EXPECT_NE(f.primary->index(), 0u);
  EXPECT_EQ(f.primary->weight(), 700);
  EXPECT_EQ(f.primary->outlines(), Font::Outlines::CFF);
}

TEST_F(RealMap, KaiIsArPlKaitiM) {
  const ResolvedFace& f = face("kai");
  EXPECT_FALSE(f.official);
  EXPECT_EQ(f.primary->family(), "AR PL KaitiM GB");
  EXPECT_EQ(f.primary->outlines(), Font::Outlines::TrueType);
  // LXGW WenKai follows in the chain, with its punctuation refused.
  bool wenkai = false;
  for (const FaceFont& link : f.chain) {
    if (link.font->family() == "LXGW WenKai") {
      wenkai = true;
      EXPECT_FALSE(link.punctuation_ok);
      EXPECT_EQ(link.font->style(), "Regular");  // not the Light face
    }
  }
  EXPECT_TRUE(wenkai);
}

TEST_F(RealMap, HeiSongLatin) {
  EXPECT_EQ(face("hei").primary->family(), "Noto Sans CJK SC");
  EXPECT_EQ(face("hei").primary->style(), "Regular");
  EXPECT_EQ(face("song").primary->family(), "AR PL SungtiL GB");
  EXPECT_EQ(face("latin").primary->family(), "Liberation Serif");
  EXPECT_EQ(face("latin").primary->style(), "Regular");
  EXPECT_EQ(face("latin").label, "Times New Roman");
}

TEST_F(RealMap, SameFileOpenedOncePerSet) {
  // Noto Serif CJK SC Regular is fangsong's stand-in and everyone's last
  // resort: one Font object.
  auto noto = [](const ResolvedFace& f) -> const Font* {
    for (const FaceFont& link : f.chain)
      if (link.font->family() == "Noto Serif CJK SC" && link.font->style() == "Regular") return link.font.get();
    return nullptr;
  };
  const Font* a = noto(face("fangsong"));
  const Font* b = noto(face("hei"));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a, b);
  // HanaMinA is also reachable as fonts-japanese-mincho.ttf (a symlink).
  int hana_a = 0;
  for (const FaceFont& link : face("fangsong").chain) hana_a += link.font->family() == "HanaMinA";
  EXPECT_EQ(hana_a, 1);
}

TEST_F(RealMap, DescribeForBanshiFonts) {
  const std::string text = describe(*set_);
  EXPECT_TRUE(contains(text, "fangsong  方正仿宋_GBK  (stand-in)")) << text;
  EXPECT_TRUE(contains(text, "FandolFang Regular, CFF")) << text;
  EXPECT_TRUE(contains(text, "NotoSerifCJK-Bold.ttc (face ")) << text;
  EXPECT_TRUE(contains(text, "AR PL KaitiM GB Regular, TrueType")) << text;
  EXPECT_TRUE(contains(text, "方正仿宋_GBK: not installed")) << text;
  const std::vector<FaceSummary> s = summarize(*set_);
  ASSERT_EQ(s.size(), set_->faces().size());
  EXPECT_EQ(s[3].id, "fangsong");
  EXPECT_EQ(s[3].font.outlines, "CFF");
  EXPECT_FALSE(s[3].fallbacks.empty());
  const std::string json = to_json(*set_);
  EXPECT_EQ(json.front(), '[');
  EXPECT_TRUE(contains(json, "\"id\":\"fangsong\"")) << json;
  EXPECT_TRUE(contains(json, "\"official\":false")) << json;
}

TEST(FontSetLoad, InstalledOfficialFontIsOfficialWithoutWarning) {
  Diagnostics diags;
  auto set = FontSet::load(kTestMaps / "official.xml", {}, diags);
  const ResolvedFace* f = set->face("wenkai");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->official);
  EXPECT_TRUE(f->substitution.empty());
  EXPECT_EQ(f->primary->family(), "LXGW WenKai");
  EXPECT_EQ(f->primary->style(), "Regular");
  EXPECT_FALSE(f->punctuation_ok);
  // Found by its Chinese family name too.
  EXPECT_TRUE(set->face("alone")->official);
  EXPECT_EQ(set->face("alone")->primary, f->primary);
  // Only the "serif" face is substituted.
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_TRUE(contains(diags.items()[0].message_text(banshi::Lang::En), "Imaginary Serif (serif)"))
      << diags.items()[0].message_text(banshi::Lang::En);
}

TEST(FontSetLoad, StyleMissingRejectedFamilyAndBareFileName) {
  Diagnostics diags;
  auto set = FontSet::load(kTestMaps / "official.xml", {}, diags);
  const ResolvedFace* f = set->face("serif");
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(f->official);
  // DejaVu Serif is installed but on the reject list; the bare file name is
  // found among the installed fonts.
  EXPECT_TRUE(ends_with(f->primary->file(), "/LiberationSerif-Regular.ttf")) << f->primary->file();
  std::string unavailable;
  for (const std::string& u : f->unavailable) unavailable += u + "\n";
  EXPECT_TRUE(contains(unavailable, "Imaginary Serif: not installed")) << unavailable;
  EXPECT_TRUE(contains(unavailable, "Noto Serif CJK SC Black: installed, but not in style Black")) << unavailable;
  EXPECT_TRUE(contains(unavailable, "which is never used")) << unavailable;
  // The official font exists in another style: "cannot be used", not "not installed".
  EXPECT_TRUE(contains(f->substitution, "cannot be used")) << f->substitution;
}

TEST(FontSetLoad, FaceWithoutAnyFontIsAnError) {
  Diagnostics diags;
  try {
    FontSet::load(kTestMaps / "missing.xml", {}, diags);
    FAIL() << "expected EngineError";
  } catch (const EngineError& e) {
    const std::string msg = e.what();
    EXPECT_TRUE(contains(msg, "missing.xml:9:")) << msg;
    EXPECT_TRUE(contains(msg, "face ghost (方正幽灵体)")) << msg;
    EXPECT_TRUE(contains(msg, "方正幽灵体 (not installed)")) << msg;
    EXPECT_TRUE(contains(msg, "No Such Family 123 (not installed)")) << msg;
    EXPECT_TRUE(contains(msg, "file /nonexistent/NoSuchFont.otf (no such file)")) << msg;
  }
}

TEST(FontSetLoad, MalformedMapNamesTheLine) {
  Diagnostics diags;
  try {
    FontSet::load(kTestMaps / "malformed.xml", {}, diags);
    FAIL() << "expected EngineError";
  } catch (const EngineError& e) {
    const std::string msg = e.what();
    EXPECT_TRUE(contains(msg, "malformed.xml:5: malformed XML: an element is not closed")) << msg;
  }
}

TEST(FontSetLoad, MissingMapFile) {
  Diagnostics diags;
  EXPECT_THROW(FontSet::load(kTestMaps / "no-such-map.xml", {}, diags), EngineError);
}

// A scratch directory removed at the end of the test.
class TempDir : public test::TempDir {
 public:
  TempDir() : test::TempDir("banshi-fonts") {}
};

TEST(FontSetLoad, ApplicationFontDirectory) {
  TempDir dir;
  fs::copy_file("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf", dir.path() / "MyLatin.ttf");
  fs::copy_file(kFandol / "FandolKai-Regular.otf", dir.path() / "kai-copy.otf");
  Diagnostics diags;
  auto set = FontSet::load(kTestMaps / "appdir.xml", {dir.path()}, diags);
  // Found by family, and the copy in the application dir wins over the
  // system's Liberation Serif.
  EXPECT_EQ(set->face("latin")->primary->file(), fs::canonical(dir.path() / "MyLatin.ttf").string());
  EXPECT_TRUE(set->face("latin")->official);
  // FandolKai is on no fontconfig path: only the app dir has it.
  EXPECT_EQ(set->face("kai")->primary->file(), fs::canonical(dir.path() / "kai-copy.otf").string());
  EXPECT_EQ(set->face("kai")->primary->outlines(), Font::Outlines::CFF);
  // A bare file name is looked up in the app dirs.
  EXPECT_EQ(set->face("byname")->primary->file(), fs::canonical(dir.path() / "MyLatin.ttf").string());
  EXPECT_TRUE(diags.items().empty());
}

TEST(FontSetLoad, WithoutTheAppDirFandolKaiIsMissing) {
  Diagnostics diags;
  EXPECT_THROW(FontSet::load(kTestMaps / "appdir.xml", {}, diags), EngineError);
}

TEST(FontSetLoad, UserFontDirsFromEnvironment) {
  TempDir dir;
  ASSERT_EQ(setenv("BANSHI_FONT_DIR", dir.path().c_str(), 1), 0);
  const std::vector<fs::path> dirs = user_font_dirs();
  unsetenv("BANSHI_FONT_DIR");
  ASSERT_FALSE(dirs.empty());
  EXPECT_EQ(dirs.front(), dir.path());
}

}  // namespace
}  // namespace banshi
