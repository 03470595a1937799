#include "fonts/font_report.h"

#include <cstdlib>

#include "util/json.h"
#include "util/utf8.h"

namespace banshi {

namespace {

const char* outlines_name(Font::Outlines o) { return o == Font::Outlines::CFF ? "CFF" : "TrueType"; }

std::string file_and_face(const FontSummary& f) {
  std::string s = f.file;
  if (f.index != 0) s += " (face " + std::to_string(f.index) + ")";
  return s;
}

std::string font_line(const FontSummary& f) {
  std::string s = f.family + " " + f.style + ", " + f.outlines;
  if (!f.system.empty()) s += ", " + f.system + " system font";
  if (f.embolden) s += ", drawn bold";
  if (!f.punctuation_ok) s += ", punctuation not used";
  else if (!f.misplaced.empty()) s += ", not its " + f.misplaced + " (ink out of place)";
  if (!f.chars.empty()) s += ", only " + f.chars;
  return s;
}

void write_font(JsonWriter& w, const FontSummary& f) {
  w.begin_object();
  w.key("family").value(f.family);
  w.key("style").value(f.style);
  w.key("file").value(f.file);
  w.key("index").value(static_cast<int64_t>(f.index));
  w.key("outlines").value(f.outlines);
  w.key("punctuation").value(f.punctuation_ok);
  w.key("chars").value(f.chars);
  w.key("system").value(f.system);
  w.key("embolden").value(f.embolden);
  w.key("punctuation_check").value(f.punctuation_check);
  w.key("misplaced_marks").value(f.misplaced);
  w.end_object();
}

}  // namespace

std::string display_name(const Font& font) {
  if (font.style().empty()) return font.family();
  return font.family() + " " + font.style();
}

FontSummary summarize(const FaceFont& link) {
  FontSummary s;
  s.family = link.font->family();
  s.style = link.font->style();
  s.file = link.font->file();
  s.index = link.font->index();
  s.outlines = outlines_name(link.font->outlines());
  s.punctuation_ok = link.punctuation_ok;
  s.chars = link.chars;
  s.system = link.system;
  s.embolden = link.embolden;
  s.punctuation_check = link.punctuation_check;
  for (const char32_t cp : link.misplaced)
    if (link.coverage->has(cp)) s.misplaced += utf8_encode(cp);
  return s;
}

FaceSummary summarize(const ResolvedFace& face, const std::vector<std::string>& font_dirs) {
  FaceSummary s;
  s.id = face.id;
  s.label = face.label;
  s.role = face.role;
  s.official = face.official;
  if (!face.chain.empty()) {
    s.font = summarize(face.chain.front());
    for (size_t i = 1; i < face.chain.size(); ++i) s.fallbacks.push_back(summarize(face.chain[i]));
  }
  s.unavailable = face.unavailable;
  s.substitution = face.substitution;
  s.official_files = face.official_files;
  s.font_dirs = font_dirs;
  return s;
}

std::vector<FaceSummary> summarize(const FontSet& set, const std::vector<std::string>& font_dirs) {
  std::vector<FaceSummary> out;
  for (const ResolvedFace& f : set.faces()) out.push_back(summarize(f, font_dirs));
  return out;
}

std::vector<std::string> copy_font_dirs(const std::string& data_fonts) {
  std::vector<std::string> out;
  if (const char* dir = std::getenv("BANSHI_FONT_DIR"); dir && *dir) out.emplace_back(dir);
  if (const char* home = std::getenv("HOME"); home && *home) out.push_back(std::string(home) + "/.local/share/fonts");
  out.emplace_back("/usr/local/share/fonts");
  if (!data_fonts.empty()) out.push_back(data_fonts);
  return out;
}

std::string describe(const ResolvedFace& face, const std::vector<std::string>& font_dirs) {
  const FaceSummary s = summarize(face, font_dirs);
  const char* kind = s.official ? "official" : !s.font.system.empty() ? "system font" : "stand-in";
  std::string out = s.id + "  " + s.label + "  (" + kind + ")\n";
  if (!s.role.empty()) out += "  role       " + s.role + "\n";
  out += "  font       " + font_line(s.font) + "\n";
  out += "  file       " + file_and_face(s.font) + "\n";
  if (!s.font.punctuation_check.empty()) out += "  ，。       " + s.font.punctuation_check + "\n";
  if (!s.official && !s.official_files.empty() && !s.font_dirs.empty()) {
    // One line: which file, where, for the official look.
    std::string files;
    for (const std::string& f : s.official_files) files += (files.empty() ? "" : " or ") + f;
    out += "  official   copy " + files + " (" + s.label + ") into " + s.font_dirs.front();
    for (size_t i = 1; i < s.font_dirs.size(); ++i)
      out += (i + 1 == s.font_dirs.size() ? " or " : ", ") + s.font_dirs[i];
    out += "\n";
  }
  for (size_t i = 0; i < s.fallbacks.size(); ++i) {
    out += std::string(i == 0 ? "  fallbacks  " : "             ") + font_line(s.fallbacks[i]) + "\n";
    out += "               " + file_and_face(s.fallbacks[i]) + "\n";
  }
  for (size_t i = 0; i < s.unavailable.size(); ++i)
    out += std::string(i == 0 ? "  not used   " : "             ") + s.unavailable[i] + "\n";
  return out;
}

std::string describe(const FontSet& set, const std::vector<std::string>& font_dirs) {
  std::string out;
  for (const ResolvedFace& f : set.faces()) {
    if (!out.empty()) out += "\n";
    out += describe(f, font_dirs);
  }
  return out;
}

std::string to_json(const FontSet& set, const std::vector<std::string>& font_dirs) {
  JsonWriter w;
  w.begin_array();
  for (const FaceSummary& s : summarize(set, font_dirs)) {
    w.begin_object();
    w.key("id").value(s.id);
    w.key("label").value(s.label);
    w.key("role").value(s.role);
    w.key("official").value(s.official);
    w.key("font");
    write_font(w, s.font);
    w.key("fallbacks").begin_array();
    for (const FontSummary& f : s.fallbacks) write_font(w, f);
    w.end_array();
    w.key("unavailable").begin_array();
    for (const std::string& u : s.unavailable) w.value(u);
    w.end_array();
    w.key("substitution").value(s.substitution);
    w.key("tier").value(s.official ? "official" : !s.font.system.empty() ? "system" : "stand-in");
    w.key("official_files").begin_array();
    for (const std::string& f : s.official_files) w.value(f);
    w.end_array();
    w.key("copy_to").begin_array();
    for (const std::string& d : s.font_dirs) w.value(d);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  return w.str();
}

}  // namespace banshi
