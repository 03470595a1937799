#include "pdf/doc_info.h"

#include <chrono>
#include <cstdio>

namespace banshi::pdf {

std::string pdf_date(int64_t seconds) {
  using namespace std::chrono;
  const sys_seconds t{std::chrono::seconds{seconds}};
  const sys_days day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "D:%04d%02u%02u%02d%02d%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

void set_document_info(HaruDoc& pdf, const DocumentInfo& info, std::optional<int64_t> timestamp) {
  // libharu creates the dictionary (with its /Producer) with the document.
  HPDF_Dict dict = pdf.require(pdf.get()->info, "finding the info dictionary");
  const std::pair<const char*, const std::string*> fields[] = {{"Title", &info.title},
                                                               {"Author", &info.author},
                                                               {"Subject", &info.subject},
                                                               {"Keywords", &info.keywords},
                                                               {"Creator", &info.creator}};
  for (const auto& [key, value] : fields) {
    if (!value->empty()) pdf.add_text_string(dict, key, *value);
  }
  if (timestamp) {
    const std::string date = pdf_date(*timestamp);
    pdf.add_ascii_string(dict, "CreationDate", date);
    pdf.add_ascii_string(dict, "ModDate", date);
  }
}

}  // namespace banshi::pdf
