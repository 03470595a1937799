#include "util/echo.h"

#include <cstdio>

#include "util/utf8.h"

namespace banshi {

bool invisible(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xAD || cp == 0x034F || cp == 0x061C ||
         (cp >= 0x115F && cp <= 0x1160) || (cp >= 0x17B4 && cp <= 0x17B5) || (cp >= 0x180B && cp <= 0x180F) ||
         (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
         cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFFA0 ||
         (cp >= 0xFFF0 && cp <= 0xFFF8) || (cp >= 0xE0000 && cp <= 0xE0FFF);
}

std::string code_point(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

std::string shown_char(char32_t cp) {
  return invisible(cp) ? code_point(cp) : utf8_encode(cp) + " (" + code_point(cp) + ")";
}

namespace {

// Appends text[from, to) with invisible characters named; counts the
// characters shown in `shown` and stops (with "…") past `max_chars`.
void append_echo(std::string& out, std::string_view text, size_t max_chars) {
  size_t shown = 0;
  for (size_t i = 0; i < text.size();) {
    if (shown == max_chars) {
      out += "…";
      return;
    }
    const size_t at = i;
    const char32_t cp = utf8_next(text, i);
    if (invisible(cp)) out += "<" + code_point(cp) + ">";
    else out.append(text.substr(at, i - at));
    ++shown;
  }
}

}  // namespace

std::string echoed(std::string_view text, size_t max_chars) {
  std::string out;
  append_echo(out, text, max_chars);
  return out;
}

std::string echoed_segments(std::string_view message, size_t max_chars) {
  std::string out;
  out.reserve(std::min(message.size(), 4 * max_chars + 256));
  for (size_t i = 0; i < message.size();) {
    const char c = message[i];
    const char close = c == '"' ? '"' : c == '<' ? '>' : '\0';
    if (close) {
      const size_t end = message.find(close, i + 1);
      // <…> is a name only when it holds no space ("a < b … c > d" is not).
      const bool name = c == '"' || (end != std::string_view::npos &&
                                     message.substr(i, end - i).find_first_of(" \t\n") == std::string_view::npos);
      if (end != std::string_view::npos && name) {
        out += c;
        append_echo(out, message.substr(i + 1, end - i - 1), max_chars);
        out += close;
        i = end + 1;
        continue;
      }
    }
    // Outside quotes: only invisible characters are named.
    const size_t at = i;
    const char32_t cp = utf8_next(message, i);
    if (invisible(cp) && cp != '\n') out += "<" + code_point(cp) + ">";
    else out.append(message.substr(at, i - at));
  }
  return out;
}

std::string echoed_path(std::string_view path, size_t max_chars) {
  std::string out;
  for (size_t i = 0; i <= path.size();) {
    size_t end = path.find('/', i);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(i, end - i);
    if (i > 0) out += '/';
    if (part.size() >= 2 && part.front() == '<' && part.back() == '>') {
      out += '<';
      append_echo(out, part.substr(1, part.size() - 2), max_chars);
      out += '>';
    } else if (!part.empty() && part.front() == '@') {
      out += '@';
      append_echo(out, part.substr(1), max_chars);
    } else {
      append_echo(out, part, max_chars);
    }
    i = end + 1;
  }
  return out;
}

}  // namespace banshi
