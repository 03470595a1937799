// A request's parts read into a Submission: the multipart form the page
// sends (report, text, fields, figure, and the parameters), or a bare
// report XML body for scripts; parameters also from the query. Sizes are
// counted as the body arrives, so an oversized upload — with or without a
// Content-Length, chunked or not — is refused once it passes the limit.
// Names of uploaded files are reduced to their last component.
#pragma once

#include <httplib.h>

#include "serve/submission.h"

namespace banshi::serve {

struct RequestLimits {
  size_t max_bytes = 110u << 20;
  size_t max_figures = 256;
};

// Throws RequestError (400, or 413 past the size limit).
Submission read_submission(Action action, const httplib::Request& req, const httplib::ContentReader& reader,
                           const RequestLimits& limits);

// The language of the answer: a lang parameter (zh, en), else the first
// language of Accept-Language that banshi speaks, else Chinese — the
// language of the people the server is for.
Lang request_lang(const httplib::Request& req);

// "report.xml" for "C:\\Users\\张\\report.xml" or "../../report.xml"; control
// characters dropped, at most 200 bytes; `fallback` when nothing is left.
std::string upload_name(std::string_view sent, std::string_view fallback);

}  // namespace banshi::serve
