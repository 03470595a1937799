// Helpers shared by the PDF stage's tests: the fonts they use, shaping a
// string into a TextRun by hand, running poppler's tools.
#pragma once

#include <hb.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "fonts/font.h"
#include "page/display_list.h"

namespace banshi::pdf_test {

// Bytes written as numbers, for hand-made font tables.
inline std::string bytes(const std::vector<int>& v) {
  std::string s;
  for (int b : v) s += static_cast<char>(b);
  return s;
}

inline const char* kFandolFang = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf";
inline const char* kNotoSerifCjk = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
inline constexpr unsigned kNotoSerifScFace = 2;  // NotoSerifCJKsc-Regular in the collection
inline const char* kLxgwWenKai = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf";
inline const char* kLiberationSerif = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf";
inline const char* kHanaMinB = "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf";
// A name-keyed (not CID-keyed) CFF font.
inline const char* kLatinModern = "/usr/share/texmf/fonts/opentype/public/lm/lmroman10-regular.otf";

// Shapes `text` with `font` as HarfBuzz would for the layout stage (script
// and language from the text: Han/zh-Hans unless `latin`) and places the
// glyphs from pen position (x, y) at `size` points.
inline TextRun shape_run(const Font& font, const std::string& text, double size, double x, double y,
                         bool latin = false) {
  std::unique_ptr<hb_buffer_t, decltype(&hb_buffer_destroy)> buf(hb_buffer_create(), hb_buffer_destroy);
  hb_buffer_add_utf8(buf.get(), text.data(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
  hb_buffer_set_direction(buf.get(), HB_DIRECTION_LTR);
  hb_buffer_set_script(buf.get(), latin ? HB_SCRIPT_LATIN : HB_SCRIPT_HAN);
  hb_buffer_set_language(buf.get(), hb_language_from_string(latin ? "en" : "zh-Hans", -1));
  hb_shape(font.hb_font(), buf.get(), nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf.get(), &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf.get(), &n);

  std::set<uint32_t> starts;
  for (unsigned i = 0; i < n; ++i) starts.insert(info[i].cluster);
  TextRun run;
  run.font = &font;
  run.size = size;
  run.text = text;
  const double scale = size / font.upem();
  double pen = x;
  uint32_t prev_cluster = UINT32_MAX;
  for (unsigned i = 0; i < n; ++i) {
    PlacedGlyph g;
    g.gid = info[i].codepoint;
    g.x = pen + pos[i].x_offset * scale;
    g.y = y - pos[i].y_offset * scale;
    if (info[i].cluster != prev_cluster) {
      auto next = starts.upper_bound(info[i].cluster);
      const uint32_t end = next == starts.end() ? static_cast<uint32_t>(text.size()) : *next;
      g.text_begin = info[i].cluster;
      g.text_len = end - info[i].cluster;
    }
    prev_cluster = info[i].cluster;
    pen += pos[i].x_advance * scale;
    run.glyphs.push_back(g);
  }
  return run;
}

// Runs a shell command and returns its standard output; throws when it
// cannot be started or exits with an error.
inline std::string run_command(const std::string& cmd) {
  std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(cmd.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run " + cmd);
  std::string out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe.get())) > 0) out.append(buf.data(), n);
  const int status = pclose(pipe.release());
  if (status != 0) throw std::runtime_error(cmd + " failed with status " + std::to_string(status) + ":\n" + out);
  return out;
}

// A scratch directory for one test process (ctest -j runs the tests of one
// binary in several processes at once).
inline std::filesystem::path test_output_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("banshi-pdf-test-" + name + "-" + std::to_string(static_cast<long>(getpid())));
  std::filesystem::create_directories(dir);
  return dir;
}

// Removes a scratch directory unless BANSHI_KEEP_TEST_OUTPUT is set (to look
// at the PDFs and renderings).
inline void remove_test_output(const std::filesystem::path& dir) {
  if (!std::getenv("BANSHI_KEEP_TEST_OUTPUT")) std::filesystem::remove_all(dir);
}

inline void write_bytes(const std::filesystem::path& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace banshi::pdf_test
