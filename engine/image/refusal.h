// Why an image cannot be printed: a message code of the catalogue
// (i18n/messages/en.txt, zh.txt: figure.*, image.*) with its named arguments,
// put in words only when shown, in the language of the call. The figure
// stage adds {src}, the name as written, and the place.
#pragma once

#include <string>
#include <string_view>

#include "i18n/message.h"

namespace banshi::image {

struct Refusal {
  MessageCode code;
  Args args;

  Refusal& with(std::string_view name, std::string value) {
    args.add(Arg(name, value));
    return *this;
  }
};

}  // namespace banshi::image
