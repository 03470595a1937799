#include "pdf/cid_font.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "pdf/deflate.h"
#include "pdf/to_unicode.h"
#include "util/utf8.h"

namespace banshi::pdf {

std::string PreparedFont::base_font() const { return subset.tag + "+" + subset.font->postscript_name(); }

PreparedFont prepare_font(const FontUsage& usage, const SubsetOptions& options, TaskPool* tasks) {
  const Font& font = *usage.font;
  PreparedFont p;
  std::vector<GlyphCopy> copies;
  for (const CopyKey& key : usage.copies)
    copies.push_back({key, font.advance(key.gid) +
                               static_cast<int32_t>(std::lround(key.gap * static_cast<double>(font.upem()) / 1000.0))});
  p.subset = subset_font(font, usage.glyphs, options, copies);
  // Deflated as soon as it is made: the body font's program is the
  // longest single piece of the PDF stage after its subset (~4 ms), so it
  // starts before this thread builds the widths and the ToUnicode map.
  // Measured with zlib (A/B on two cores, --threads 1, 80 pairs): the
  // full sample took 1.06 × as long with this deflate run in line.
  p.deflated_program = run_on(tasks, [program = p.subset.program] { return deflate(program, Deflater::kFontProgram); });
  p.metrics = descriptor_metrics(font);

  std::map<uint32_t, int> code_widths;
  std::map<uint32_t, std::u32string> code_text;
  // The code of glyph `gid` drawn `advance` font units wide.
  const auto glyph_code = [&](uint32_t gid, uint32_t code, int32_t advance) {
    const int w = static_cast<int>(std::lround(advance * 1000.0 / font.upem()));
    code_widths.emplace(code, w);
    GlyphCode gc{code, w, {}};
    if (auto t = usage.text.find(gid); t != usage.text.end()) {
      code_text.emplace(code, t->second);
      for (char32_t cp : t->second) gc.text += utf8_encode(cp);
    }
    return gc;
  };
  for (const auto& [gid, code] : p.subset.codes) p.glyphs.emplace(gid, glyph_code(gid, code, font.advance(gid)));
  // A copy's text is its original's: ToUnicode gives both the same.
  for (const GlyphCopy& c : copies)
    if (const auto code = p.subset.copy_codes.find(c.key); code != p.subset.copy_codes.end())
      p.copies.emplace(c.key, glyph_code(c.key.gid, code->second, c.advance));
  p.widths = compute_cid_widths(code_widths);
  p.to_unicode = build_to_unicode_cmap(code_text);
  return p;
}

std::vector<PreparedFont> prepare_fonts(const std::vector<FontUsage>& usages, const SubsetOptions& options,
                                        TaskPool* tasks) {
  // hb-subset takes tens of milliseconds per CJK font; fonts are
  // independent and Font is immutable, so each is a task of its own.
  // Measured (A/B on two cores, --threads 1): in line, the full
  // sample takes 1.03 × as long (80 pairs), the 150-page document 1.03 ×
  // (40 pairs).
  // The fonts with the most glyphs first: the body font's subset is the
  // longest piece of work by far (FandolFang's 6–7 ms of the outcome's
  // 11), and submitted after the title's and headings' fonts it started
  // only when a thread was done with one of them.
  std::vector<size_t> order(usages.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return usages[a].glyphs.size() > usages[b].glyphs.size(); });
  std::vector<Task<PreparedFont>> jobs(usages.size());
  for (size_t k : order)
    jobs[k] = run_on(tasks, [&u = usages[k], &options, tasks] { return prepare_font(u, options, tasks); });
  // get() in order keeps the result deterministic and rethrows the first
  // font's error; the Tasks' destructors cancel or wait for the rest.
  std::vector<PreparedFont> out;
  out.reserve(usages.size());
  for (auto& j : jobs) out.push_back(j.get());
  return out;
}

namespace {

HPDF_Dict font_descriptor(HaruDoc& doc, const PreparedFont& font, HPDF_Dict program, const EmbedOptions& options) {
  const DescriptorMetrics& m = font.metrics;
  HPDF_Dict d = doc.new_indirect_dict();
  doc.add_name(d, "Type", "FontDescriptor");
  doc.add_name(d, "FontName", font.base_font());
  doc.add_int(d, "Flags", m.flags);
  HPDF_Array bbox = doc.new_array();
  for (int v : m.bbox) doc.push_int(bbox, v);
  doc.add(d, "FontBBox", bbox);
  if (m.italic_angle == std::round(m.italic_angle)) {
    doc.add_int(d, "ItalicAngle", static_cast<long>(m.italic_angle));
  } else {
    doc.add_real(d, "ItalicAngle", m.italic_angle);
  }
  doc.add_int(d, "Ascent", m.ascent);
  doc.add_int(d, "Descent", m.descent);
  doc.add_int(d, "CapHeight", m.cap_height);
  doc.add_int(d, "StemV", m.stem_v);
  const bool cff = font.subset.font->outlines() == Font::Outlines::CFF;
  doc.add(d, cff ? "FontFile3" : "FontFile2", program);
  if (options.cid_set) doc.add(d, "CIDSet", doc.new_stream(cid_set_bits(font.subset.cids)));
  return d;
}

HPDF_Dict font_program(HaruDoc& doc, const PreparedFont& font) {
  const std::string& bytes = font.subset.program;
  HPDF_Dict s = doc.compress() ? doc.new_deflated_stream(font.deflated_program.get()) : doc.new_stream(bytes);
  if (font.subset.font->outlines() == Font::Outlines::CFF) {
    doc.add_name(s, "Subtype", "CIDFontType0C");
  } else {
    doc.add_int(s, "Length1", static_cast<long>(bytes.size()));
  }
  return s;
}

HPDF_Dict cid_system_info(HaruDoc& doc, const Font& font) {
  HPDF_Dict d = doc.new_dict();
  const auto& ros = font.ros();
  doc.add_ascii_string(d, "Registry", ros ? ros->registry : "Adobe");
  doc.add_ascii_string(d, "Ordering", ros ? ros->ordering : "Identity");
  doc.add_int(d, "Supplement", ros ? ros->supplement : 0);
  return d;
}

HPDF_Array width_array(HaruDoc& doc, const CidWidths& widths) {
  HPDF_Array w = doc.new_array();
  for (const CidWidths::Group& g : widths.groups) {
    doc.push_int(w, g.first);
    HPDF_Array run = doc.new_array();
    for (int v : g.widths) doc.push_int(run, v);
    doc.push(w, run);
  }
  return w;
}

}  // namespace

HPDF_Dict new_font_dict(HaruDoc& doc) { return doc.new_indirect_dict(); }

std::string cid_set_bits(const std::vector<uint32_t>& cids) {
  std::string bits;
  for (const uint32_t c : cids) {
    if (c / 8 >= bits.size()) bits.resize(c / 8 + 1, '\0');
    bits[c / 8] = static_cast<char>(static_cast<unsigned char>(bits[c / 8]) | (0x80u >> (c % 8)));
  }
  return bits;
}

HPDF_Dict embed_font(HaruDoc& doc, const PreparedFont& font, const EmbedOptions& options) {
  HPDF_Dict type0 = new_font_dict(doc);
  embed_font(doc, font, type0, options);
  return type0;
}

void embed_font(HaruDoc& doc, const PreparedFont& font, HPDF_Dict type0, const EmbedOptions& options) {
  const Font& f = *font.subset.font;
  const bool cff = f.outlines() == Font::Outlines::CFF;
  const std::string name = font.base_font();

  HPDF_Dict descriptor = font_descriptor(doc, font, font_program(doc, font), options);

  HPDF_Dict cid = doc.new_indirect_dict();
  doc.add_name(cid, "Type", "Font");
  doc.add_name(cid, "Subtype", cff ? "CIDFontType0" : "CIDFontType2");
  doc.add_name(cid, "BaseFont", name);
  doc.add(cid, "CIDSystemInfo", cid_system_info(doc, f));
  doc.add(cid, "FontDescriptor", descriptor);
  doc.add_int(cid, "DW", font.widths.dw);
  if (!font.widths.groups.empty()) doc.add(cid, "W", width_array(doc, font.widths));
  // Codes are the subset's glyph IDs for TrueType outlines.
  if (!cff) doc.add_name(cid, "CIDToGIDMap", "Identity");

  doc.add_name(type0, "Type", "Font");
  doc.add_name(type0, "Subtype", "Type0");
  doc.add_name(type0, "BaseFont", name);
  doc.add_name(type0, "Encoding", "Identity-H");
  HPDF_Array descendants = doc.new_array();
  doc.push(descendants, cid);
  doc.add(type0, "DescendantFonts", descendants);
  doc.add(type0, "ToUnicode", doc.new_stream(font.to_unicode));
}

}  // namespace banshi::pdf
