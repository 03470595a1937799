// The font cache: a second load takes its answers from it and resolves the
// same faces, warnings included; a font file that changes, a font added to
// a directory, a corrupt or foreign cache file and a cache directory that
// cannot be written all fall back to resolving afresh.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "fonts/font_cache.h"
#include "fonts/font_set.h"
#include "temp_dir.h"

namespace banshi {
namespace {

namespace fs = std::filesystem;

const fs::path kRealMap = fs::path(BANSHI_SOURCE_DIR) / "fonts" / "fontmap.xml";
const fs::path kAppDirMap = fs::path(BANSHI_TEST_DATA) / "fonts" / "appdir.xml";
const fs::path kLiberation = "/usr/share/fonts/truetype/liberation";
const fs::path kFandol = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol";

// A scratch directory removed at the end of the test.
class TempDir : public test::TempDir {
 public:
  TempDir() : test::TempDir("banshi-font-cache") {}
};

std::vector<fs::path> cache_files(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) out.push_back(e.path());
  return out;
}

// Everything a render reads of a FontSet, as text, so two sets compare.
std::string describe(const FontSet& set, const Diagnostics& diags) {
  std::string s;
  for (const ResolvedFace& f : set.faces()) {
    s += "face " + f.id + " " + f.label + " official=" + std::to_string(f.official) +
         " punct=" + std::to_string(f.punctuation_ok) + " latin=" + std::to_string(f.latin) +
         " subst=" + f.substitution + "\n";
    for (const std::string& u : f.unavailable) s += "  unavailable " + u + "\n";
    for (const FaceFont& l : f.chain) {
      const Font& font = *l.font;
      const FaceFacts& ff = font.facts();
      const DescriptorFacts& d = ff.descriptor;
      s += "  " + font.file() + "#" + std::to_string(font.index()) + " " + ff.family + "/" + ff.style + "/" +
           ff.ps_name + " w" + std::to_string(ff.weight) + " upem" + std::to_string(font.upem()) + " asc" +
           std::to_string(font.ascender()) + " desc" + std::to_string(font.descender()) + " bbox" +
           std::to_string(d.bbox[0]) + "," + std::to_string(d.bbox[1]) + "," + std::to_string(d.bbox[2]) + "," +
           std::to_string(d.bbox[3]) + " ia" + std::to_string(d.italic_angle) + " fp" + std::to_string(d.fixed_pitch) +
           " os2" + std::to_string(d.has_os2) + " typo" + std::to_string(d.typo_ascender) + "," +
           std::to_string(d.typo_descender) + " panose" + std::to_string(d.panose[0]) + "," +
           std::to_string(d.panose[1]) + " fs" + std::to_string(d.fs_selection) + " cap" +
           std::to_string(d.cap_height) + " ros" +
           (ff.ros ? ff.ros->registry + "-" + ff.ros->ordering + "-" + std::to_string(ff.ros->supplement) : "-") +
           " punct_ok" + std::to_string(l.punctuation_ok) + " check=" + l.punctuation_check +
           " misplaced=" + std::to_string(l.misplaced.size()) + " official" + std::to_string(l.official) +
           " system=" + l.system + " embolden" + std::to_string(l.embolden) + " chars=" + l.chars +
           " requested=" + l.requested + " covers中" + std::to_string(l.coverage->has(U'\u4E2D')) + "\n";
    }
  }
  for (const Diagnostic& d : diags.items()) s += "diag " + d.format(Lang::En) + "\n";
  return s;
}

TEST(FontCache, SecondLoadIsFromTheCacheAndTheSame) {
  TempDir cache;
  Diagnostics none_diags;
  const auto uncached = FontSet::load(kRealMap, {}, none_diags);
  EXPECT_FALSE(uncached->from_cache());
  ASSERT_TRUE(cache_files(cache.path()).empty());

  Diagnostics first_diags;
  const auto first = FontSet::load(kRealMap, {}, first_diags, cache.path());
  EXPECT_FALSE(first->from_cache());
  ASSERT_EQ(cache_files(cache.path()).size(), 1u);

  Diagnostics second_diags;
  const auto second = FontSet::load(kRealMap, {}, second_diags, cache.path());
  EXPECT_TRUE(second->from_cache());
  EXPECT_EQ(cache_files(cache.path()).size(), 1u);

  const std::string expected = describe(*uncached, none_diags);
  EXPECT_EQ(describe(*first, first_diags), expected);
  EXPECT_EQ(describe(*second, second_diags), expected);
  EXPECT_NE(expected.find("diag warning:"), std::string::npos) << expected;  // the stand-ins' warnings, cached too
}

TEST(FontCache, AnotherMapOrDirectoryHasItsOwnFile) {
  TempDir cache, fonts;
  fs::copy_file(kLiberation / "LiberationSerif-Regular.ttf", fonts.path() / "MyLatin.ttf");
  fs::copy_file(kFandol / "FandolKai-Regular.otf", fonts.path() / "kai-copy.otf");
  Diagnostics diags;
  FontSet::load(kRealMap, {}, diags, cache.path());
  FontSet::load(kAppDirMap, {fonts.path()}, diags, cache.path());
  EXPECT_EQ(cache_files(cache.path()).size(), 2u);
  EXPECT_TRUE(FontSet::load(kRealMap, {}, diags, cache.path())->from_cache());
  EXPECT_TRUE(FontSet::load(kAppDirMap, {fonts.path()}, diags, cache.path())->from_cache());
}

TEST(FontCache, AChangedFontFileIsResolvedAfresh) {
  TempDir cache, fonts;
  fs::copy_file(kLiberation / "LiberationSerif-Regular.ttf", fonts.path() / "MyLatin.ttf");
  fs::copy_file(kFandol / "FandolKai-Regular.otf", fonts.path() / "kai-copy.otf");
  Diagnostics diags;
  EXPECT_FALSE(FontSet::load(kAppDirMap, {fonts.path()}, diags, cache.path())->from_cache());
  const auto before = FontSet::load(kAppDirMap, {fonts.path()}, diags, cache.path());
  EXPECT_TRUE(before->from_cache());
  EXPECT_EQ(before->face("byname")->primary->family(), "Liberation Serif");

  // The same name, another font: the map's file="MyLatin.ttf" is now Sans.
  fs::copy_file(kLiberation / "LiberationSans-Regular.ttf", fonts.path() / "MyLatin.ttf",
                fs::copy_options::overwrite_existing);
  const auto after = FontSet::load(kAppDirMap, {fonts.path()}, diags, cache.path());
  EXPECT_FALSE(after->from_cache());
  EXPECT_EQ(after->face("byname")->primary->family(), "Liberation Sans");
  // Written again for the new font, and used.
  const auto again = FontSet::load(kAppDirMap, {fonts.path()}, diags, cache.path());
  EXPECT_TRUE(again->from_cache());
  EXPECT_EQ(again->face("byname")->primary->family(), "Liberation Sans");
}

TEST(FontCache, AFontAddedToADirectoryIsResolvedAfresh) {
  TempDir cache, fonts;
  fs::copy_file(kLiberation / "LiberationSerif-Regular.ttf", fonts.path() / "MyLatin.ttf");
  fs::copy_file(kFandol / "FandolKai-Regular.otf", fonts.path() / "kai-copy.otf");
  Diagnostics diags;
  FontSet::load(kAppDirMap, {fonts.path()}, diags, cache.path());
  ASSERT_TRUE(FontSet::load(kAppDirMap, {fonts.path()}, diags, cache.path())->from_cache());
  fs::copy_file(kFandol / "FandolFang-Regular.otf", fonts.path() / "another.otf");
  EXPECT_FALSE(FontSet::load(kAppDirMap, {fonts.path()}, diags, cache.path())->from_cache());
}

TEST(FontCache, ACorruptCacheIsIgnoredAndReplaced) {
  TempDir cache;
  Diagnostics diags;
  const std::string expected = describe(*FontSet::load(kRealMap, {}, diags, cache.path()), {});
  const std::vector<fs::path> files = cache_files(cache.path());
  ASSERT_EQ(files.size(), 1u);
  std::string whole;
  {
    std::ifstream in(files[0], std::ios::binary);
    whole.assign(std::istreambuf_iterator<char>(in), {});
  }
  for (const std::string& bad : {std::string("garbage"), whole.substr(0, whole.size() / 2), std::string(),
                                 whole.substr(0, whole.size() - 8) + "9999:end\n"}) {
    {
      std::ofstream out(files[0], std::ios::binary | std::ios::trunc);
      out << bad;
    }
    Diagnostics d;
    const auto set = FontSet::load(kRealMap, {}, d, cache.path());
    EXPECT_FALSE(set->from_cache());
    EXPECT_EQ(describe(*set, {}), expected);
    EXPECT_TRUE(FontSet::load(kRealMap, {}, d, cache.path())->from_cache());
  }
}

TEST(FontCache, NoWritableCacheStillLoads) {
  TempDir scratch;
  const fs::path file = scratch.path() / "a-file";
  std::ofstream(file) << "not a directory";
  Diagnostics diags;
  const std::string expected = describe(*FontSet::load(kRealMap, {}, diags), {});
  for (int i = 0; i < 2; ++i) {
    Diagnostics d;
    const auto set = FontSet::load(kRealMap, {}, d, file / "cache");
    EXPECT_FALSE(set->from_cache());
    EXPECT_EQ(describe(*set, {}), expected);
  }
}

TEST(FontCache, WhereItLives) {
  const auto with = [](std::vector<std::pair<const char*, const char*>> vars) {
    const char* names[] = {"BANSHI_CACHE_DIR", "CACHE_DIRECTORY", "XDG_CACHE_HOME", "HOME"};
    std::vector<std::pair<std::string, std::optional<std::string>>> saved;
    for (const char* n : names) {
      const char* v = std::getenv(n);
      saved.emplace_back(n, v ? std::optional<std::string>(v) : std::nullopt);
      unsetenv(n);
    }
    for (const auto& [n, v] : vars) setenv(n, v, 1);
    const auto dir = font_cache_dir();
    for (const auto& [n, v] : saved)
      if (v) setenv(n.c_str(), v->c_str(), 1);
      else unsetenv(n.c_str());
    return dir ? dir->string() : std::string("none");
  };
  EXPECT_EQ(with({{"HOME", "/home/a"}}), "/home/a/.cache/banshi");
  EXPECT_EQ(with({{"HOME", "/home/a"}, {"XDG_CACHE_HOME", "/xdg"}}), "/xdg/banshi");
  EXPECT_EQ(with({{"HOME", "/home/a"}, {"XDG_CACHE_HOME", "relative"}}), "/home/a/.cache/banshi");
  EXPECT_EQ(with({{"XDG_CACHE_HOME", "/xdg"}, {"CACHE_DIRECTORY", "/var/cache/banshi:/other"}}), "/var/cache/banshi");
  EXPECT_EQ(with({{"CACHE_DIRECTORY", "/var/cache/banshi"}, {"BANSHI_CACHE_DIR", "/mine"}}), "/mine");
  EXPECT_EQ(with({{"HOME", "/home/a"}, {"BANSHI_CACHE_DIR", ""}}), "none");
  EXPECT_EQ(with({}), "none");
}

}  // namespace
}  // namespace banshi
