// The XMP metadata packet of a PDF/A-1b file (ISO 19005-1 §6.7), written by
// banshi rather than libharu, whose packet leaves '&' and '<' in a title
// unescaped. Every value mirrors the Info dictionary entry it stands for,
// character for character, as PDF/A requires: Title → dc:title, Author →
// dc:creator, Subject → dc:description, Keywords → pdf:Keywords, Creator →
// xmp:CreatorTool, Producer → pdf:Producer, the dates → xmp:CreateDate and
// xmp:ModifyDate.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace banshi::pdf {

struct XmpInfo {
  // UTF-8, exactly as the Info dictionary holds them; empty = absent there.
  std::string title, author, subject, keywords, creator_tool, producer;
  // Seconds since the epoch (UTC) of CreationDate and ModDate; unset = no dates.
  std::optional<int64_t> timestamp;
};

// The whole packet, <?xpacket begin … end="w"?>, UTF-8, identifying the file
// as PDF/A-1b (pdfaid:part 1, pdfaid:conformance B).
std::string xmp_packet(const XmpInfo& info);

// `text` as XML character data: &, < and > as entities, and CR as &#xD;
// (a literal CR would come back as LF after XML's line-end normalisation,
// and no longer match the Info dictionary). Characters XML 1.0 cannot
// hold at all must be gone before this (see pdfa.h).
std::string xml_escape(std::string_view text);

// "2023-11-14T22:13:20Z" for seconds since the epoch.
std::string xmp_date(int64_t seconds);

}  // namespace banshi::pdf
