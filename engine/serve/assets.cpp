#include "serve/assets.h"

namespace banshi::serve {

std::string_view content_type_of(std::string_view name) {
  if (name.ends_with(".html")) return "text/html; charset=utf-8";
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".svg")) return "image/svg+xml";
  if (name.ends_with(".xml")) return "application/xml; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace banshi::serve
