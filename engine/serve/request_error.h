// A request the server cannot act on (a parameter with an unknown value,
// fields that are not JSON, no report): answered 400 with the message in
// the request's language, never a crash or a 500.
#pragma once

#include <stdexcept>

#include "util/diag.h"

namespace banshi::serve {

class RequestError : public std::runtime_error {
 public:
  RequestError(MessageCode code, Args args = {}, int status = 400)
      : std::runtime_error(std::string(code.str())), diag_(Severity::Error, code, std::move(args)), status_(status) {}
  const Diagnostic& diagnostic() const { return diag_; }
  int status() const { return status_; }

 private:
  Diagnostic diag_;
  int status_;
};

}  // namespace banshi::serve
