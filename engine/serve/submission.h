// What one request asks the render host to do, and what it answers: the
// data that crosses from the HTTP process to a render job and back. The
// job's answer is already the HTTP response (status, type, body), so the
// HTTP process only relays it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "i18n/lang.h"
#include "pdf/writer.h"

namespace banshi::serve {

enum class Action : uint8_t {
  Check,    // the findings, as JSON
  Preview,  // the A4 PDF and the findings together, for the page
  Render,   // the PDF (A4 or the booklet), or the findings when it cannot be made
  Xml,      // the report XML the page's state amounts to
  Import,   // the form's fields found in an uploaded report, for the page to fill in
};

// A file that came with the request, under the name it was sent with
// (reduced to its last component: requests never name server paths).
struct Upload {
  std::string name;
  std::string bytes;
};

struct Submission {
  Action action = Action::Render;
  std::optional<Upload> report;       // .xml or .docx, told apart by content
  std::optional<std::string> text;    // plain text pasted into the page
  std::optional<std::string> fields;  // the form's fields as JSON (GET /api/fields)
  std::vector<Upload> figures;        // images a report XML names in <figure src>
  std::string template_name;          // empty: the fields' or the report's own
  std::optional<Imposition> impose;   // empty: the template's default
  std::optional<bool> pdfa;           // PDF/A-1b; empty: the template's default
  Lang lang = Lang::Zh;
};

struct Reply {
  int status = 200;
  std::string content_type;
  std::string body;
  std::string filename;  // set: a download (Content-Disposition: attachment)
  // Server-Timing entries: name and milliseconds.
  std::vector<std::pair<std::string, double>> timings;
};

std::string encode(const Submission& s);
Submission decode_submission(std::string_view bytes);
std::string encode(const Reply& r);
Reply decode_reply(std::string_view bytes);

}  // namespace banshi::serve
