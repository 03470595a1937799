#include "pdf/pdfa_messages.h"

namespace banshi::pdf::pdfa_message {

namespace {

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

}  // namespace

std::string profile_unreadable(const std::string& path, const std::string& why) {
  return "cannot read the colour profile " + path + ": " + why;
}

std::string profile_unusable(const std::string& path, const std::string& problem) {
  return "the colour profile " + path + " " + problem;
}

std::string profile_missing(const std::vector<std::string>& places, const std::vector<std::string>& refused) {
  std::string m =
      "PDF/A output needs an sRGB colour profile (ICC version 2) for its output intent, and none was found "
      "(looked for " +
      join(places, ", ") + ")";
  if (!refused.empty()) m += "; " + join(refused, "; ");
  m += ". Install Debian's icc-profiles-free (apt-get install icc-profiles-free), set BANSHI_SRGB_PROFILE to an "
       "sRGB.icc, or write a PDF that is not PDF/A with --no-pdfa";
  return m;
}

std::string metadata_control_characters(const std::string& field) {
  return "the document's " + field +
         " contains control characters, which PDF/A's XMP metadata cannot hold; each is written as a space";
}

std::string image_alpha(const std::string& path) {
  return "image " + path +
         " has transparency (an alpha channel), which PDF/A-1 cannot hold; save it without transparency or write a "
         "PDF that is not PDF/A with --no-pdfa";
}

}  // namespace banshi::pdf::pdfa_message
