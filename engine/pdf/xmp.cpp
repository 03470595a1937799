#include "pdf/xmp.h"

#include <chrono>
#include <cstdio>

namespace banshi::pdf {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\r': out += "&#xD;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string xmp_date(int64_t seconds) {
  using namespace std::chrono;
  const sys_seconds t{std::chrono::seconds{seconds}};
  const sys_days day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

namespace {

// One rdf:Description per schema, each with its namespace declared on it.
struct Packet {
  std::string out;

  void open(const char* prefix, const char* uri) {
    out += "  <rdf:Description rdf:about=\"\" xmlns:";
    out += prefix;
    out += "=\"";
    out += uri;
    out += "\">\n";
  }
  void close() { out += "  </rdf:Description>\n"; }
  void simple(const char* name, std::string_view value) {
    out += "   <" + std::string(name) + ">" + xml_escape(value) + "</" + name + ">\n";
  }
  // A language alternative with only the default language (dc:title, dc:description).
  void alt(const char* name, std::string_view value) {
    out += "   <" + std::string(name) + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(value) +
           "</rdf:li></rdf:Alt></" + name + ">\n";
  }
  // An ordered array of one item: PDF/A maps Author to a single dc:creator entry.
  void seq(const char* name, std::string_view value) {
    out +=
        "   <" + std::string(name) + "><rdf:Seq><rdf:li>" + xml_escape(value) + "</rdf:li></rdf:Seq></" + name + ">\n";
  }
};

}  // namespace

std::string xmp_packet(const XmpInfo& info) {
  Packet p;
  // The BOM-marked begin and this id are fixed by the XMP specification.
  p.out =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";

  p.open("pdfaid", "http://www.aiim.org/pdfa/ns/id/");
  p.simple("pdfaid:part", "1");
  p.simple("pdfaid:conformance", "B");
  p.close();

  p.open("dc", "http://purl.org/dc/elements/1.1/");
  p.simple("dc:format", "application/pdf");
  if (!info.title.empty()) p.alt("dc:title", info.title);
  if (!info.author.empty()) p.seq("dc:creator", info.author);
  if (!info.subject.empty()) p.alt("dc:description", info.subject);
  p.close();

  p.open("pdf", "http://ns.adobe.com/pdf/1.3/");
  if (!info.producer.empty()) p.simple("pdf:Producer", info.producer);
  if (!info.keywords.empty()) p.simple("pdf:Keywords", info.keywords);
  p.close();

  p.open("xmp", "http://ns.adobe.com/xap/1.0/");
  if (!info.creator_tool.empty()) p.simple("xmp:CreatorTool", info.creator_tool);
  if (info.timestamp) {
    const std::string date = xmp_date(*info.timestamp);
    p.simple("xmp:CreateDate", date);
    p.simple("xmp:ModifyDate", date);
    p.simple("xmp:MetadataDate", date);
  }
  p.close();

  p.out +=
      " </rdf:RDF>\n"
      "</x:xmpmeta>\n"
      "<?xpacket end=\"w\"?>";
  return p.out;
}

}  // namespace banshi::pdf
