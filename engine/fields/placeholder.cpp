#include "fields/placeholder.h"

namespace banshi {

std::optional<Placeholder> resolve_placeholder(std::string_view inside, const FieldTable& table) {
  Placeholder p;
  if (inside.starts_with("box ")) {
    const std::string_view expr = inside.substr(4);
    const size_t eq = expr.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    p.field = table.find(expr.substr(0, eq));
    if (!p.field || p.field->type != FieldType::Choice) return std::nullopt;
    p.box = p.field->option(expr.substr(eq + 1));
    if (!p.box) return std::nullopt;
    return p;
  }
  const size_t dot = inside.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::string_view prefix = inside.substr(0, dot), name = inside.substr(dot + 1);
  if (const FieldGroupSpec* g = table.group(prefix)) {
    p.field = g->field(name);
    p.repeated_row = g->repeats;
    return p.field ? std::optional(p) : std::nullopt;
  }
  const FieldSpec* key = nullptr;
  p.instance = table.placeholder_option(prefix, &key);
  if (!p.instance) return std::nullopt;
  p.field = table.group(key->group)->field(name);
  return p.field ? std::optional(p) : std::nullopt;
}

bool scan_placeholders(std::string_view text, const std::function<void(std::string_view)>& on_text,
                       const std::function<void(std::string_view)>& on_placeholder) {
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find('{', i);
    if (open == std::string_view::npos) {
      on_text(text.substr(i));
      return true;
    }
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos) return false;
    on_text(text.substr(i, open - i));
    on_placeholder(text.substr(open + 1, close - open - 1));
    i = close + 1;
  }
  return true;
}

}  // namespace banshi
