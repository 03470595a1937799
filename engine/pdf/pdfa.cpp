#include "pdf/pdfa.h"

#include "pdf/pdf_format.h"
#include "pdf/xmp.h"
#include "util/utf8.h"

namespace banshi::pdf {

namespace {

bool xml_cannot_hold(char32_t c) {
  return (c < 0x20 && c != U'\t' && c != U'\n' && c != U'\r') || c == 0xFFFE || c == 0xFFFF;
}

// Replaces what XML cannot hold by spaces; true when anything changed.
bool clean(std::string& text) {
  bool changed = false;
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const char32_t c = utf8_next(text, i);
    if (xml_cannot_hold(c)) {
      out += ' ';
      changed = true;
    } else {
      out.append(text, start, i - start);
    }
  }
  if (changed) text = std::move(out);
  return changed;
}

// The Info dictionary's /Producer, which libharu writes with the document.
std::string producer(HaruDoc& pdf) {
  HPDF_Dict info = pdf.require(pdf.get()->info, "finding the info dictionary");
  const auto* s = static_cast<HPDF_String>(HPDF_Dict_GetItem(info, "Producer", HPDF_OCLASS_STRING));
  return s ? std::string(reinterpret_cast<const char*>(s->value), s->len) : std::string();
}

HPDF_Dict output_intent(HaruDoc& pdf, const IccProfile& profile) {
  HPDF_Dict icc = pdf.new_stream(profile.bytes);
  pdf.add_int(icc, "N", profile.components);
  HPDF_Dict intent = pdf.new_dict();
  pdf.add_name(intent, "Type", "OutputIntent");
  pdf.add_name(intent, "S", "GTS_PDFA1");
  // The ICC registry's name for the condition the profile describes.
  pdf.add_ascii_string(intent, "OutputConditionIdentifier", "sRGB IEC61966-2.1");
  pdf.add_ascii_string(intent, "RegistryName", "http://www.color.org");
  pdf.add_ascii_string(intent, "Info", "sRGB IEC61966-2.1");
  pdf.add(intent, "DestOutputProfile", icc);
  return intent;
}

}  // namespace

DocumentInfo pdfa_document_info(const DocumentInfo& info, Diagnostics* diags) {
  DocumentInfo out = info;
  // Named by their Info dictionary keys, the same in every language.
  const std::pair<std::string*, const char*> fields[] = {{&out.title, "Title"},
                                                         {&out.author, "Author"},
                                                         {&out.subject, "Subject"},
                                                         {&out.keywords, "Keywords"},
                                                         {&out.creator, "Creator"}};
  for (const auto& [text, name] : fields) {
    if (clean(*text) && diags) diags->warn({}, "pdfa.metadata-control-characters", {{"field", name}});
  }
  return out;
}

void add_pdfa_parts(HaruDoc& pdf, const DocumentInfo& info, std::optional<int64_t> timestamp,
                    const IccProfile& profile) {
  // The values exactly as the Info dictionary's text strings hold them
  // (cut at kMaxTextStringChars like them).
  XmpInfo x;
  x.title = text_string_utf8(info.title);
  x.author = text_string_utf8(info.author);
  x.subject = text_string_utf8(info.subject);
  x.keywords = text_string_utf8(info.keywords);
  x.creator_tool = text_string_utf8(info.creator);
  x.producer = producer(pdf);
  x.timestamp = timestamp;
  // Left uncompressed, as PDF/A-1 recommends, so tools that do not parse
  // PDF can still find the packet.
  HPDF_Dict metadata = pdf.new_stream(xmp_packet(x), false);
  pdf.add_name(metadata, "Type", "Metadata");
  pdf.add_name(metadata, "Subtype", "XML");
  HPDF_Dict catalog = pdf.get()->catalog;
  pdf.add(catalog, "Metadata", metadata);

  HPDF_Array intents = pdf.new_array();
  pdf.push(intents, output_intent(pdf, profile));
  pdf.add(catalog, "OutputIntents", intents);

  // PDF/A-1 is PDF 1.4; the writer uses nothing later in this mode.
  pdf.get()->pdf_version = HPDF_VER_14;
}

}  // namespace banshi::pdf
