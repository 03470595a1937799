// A short report pasted as plain text, read into the report XML's
// <outcome>: the first line is the title; blank lines separate paragraphs
// (a text without any blank line has one paragraph per line); a paragraph
// that begins with a typed heading number (一、 （一） 1. （1）) and is short
// is a heading of that level, its number dropped because the template
// numbers headings (a 1. or （1） followed by a short phrase and 。 is a
// run-in heading); 摘要： and 关键词： paragraphs before the body are the
// abstract and the keywords; a 参考文献 heading starts the references, one
// per line.
//
// The XML keeps the text's lines: line N of the result holds line N of
// the text, so a message about the XML (file:line) points at the line the
// applicant typed. Nothing is lost: text that is not a heading stays a
// paragraph as typed.
#pragma once

#include <string>
#include <string_view>

namespace banshi::plaintext {

// The <outcome> element for `text` (UTF-8), starting on the text's first
// line: the caller places it on the first line of its document.
std::string outcome_xml(std::string_view text);

}  // namespace banshi::plaintext
