#include "docx/symbols.h"

#include <string>

namespace banshi::docx {

namespace {

struct Glyph {
  unsigned char code;
  char32_t cp;
};

// Wingdings: boxes and ticks (the forms' 是□ 否☑), pointing hands, stars.
constexpr Glyph kWingdings[] = {
    {0x6F, U'□'}, {0x70, U'■'}, {0x71, U'❑'}, {0x72, U'❒'}, {0x6C, U'●'}, {0x6E, U'■'}, {0x77, U'◆'},
    {0x9F, U'•'}, {0xA1, U'○'}, {0xA7, U'▪'}, {0xA8, U'□'}, {0xAB, U'★'}, {0xD8, U'➢'}, {0xE0, U'→'},
    {0xE8, U'➔'}, {0xF0, U'⇨'}, {0xFB, U'✗'}, {0xFC, U'√'}, {0xFD, U'☒'}, {0xFE, U'☑'},
};

// Wingdings 2.
constexpr Glyph kWingdings2[] = {
    {0x4F, U'✗'}, {0x50, U'√'}, {0x51, U'☒'}, {0x52, U'☑'}, {0x53, U'☒'},
    {0x54, U'☒'}, {0xA2, U'□'}, {0xA3, U'□'}, {0x98, U'●'}, {0x99, U'○'},
};

// Symbol: Greek letters and the mathematical signs reports use.
constexpr Glyph kSymbol[] = {
    {0x61, U'α'}, {0x62, U'β'}, {0x63, U'χ'}, {0x64, U'δ'}, {0x65, U'ε'}, {0x66, U'φ'}, {0x67, U'γ'}, {0x68, U'η'},
    {0x69, U'ι'}, {0x6B, U'κ'}, {0x6C, U'λ'}, {0x6D, U'μ'}, {0x6E, U'ν'}, {0x6F, U'ο'}, {0x70, U'π'}, {0x71, U'θ'},
    {0x72, U'ρ'}, {0x73, U'σ'}, {0x74, U'τ'}, {0x75, U'υ'}, {0x77, U'ω'}, {0x78, U'ξ'}, {0x79, U'ψ'}, {0x7A, U'ζ'},
    {0x44, U'Δ'}, {0x46, U'Φ'}, {0x47, U'Γ'}, {0x4C, U'Λ'}, {0x50, U'Π'}, {0x53, U'Σ'}, {0x57, U'Ω'}, {0xA3, U'≤'},
    {0xA5, U'∞'}, {0xAE, U'→'}, {0xB0, U'°'}, {0xB1, U'±'}, {0xB3, U'≥'}, {0xB4, U'×'}, {0xB7, U'•'}, {0xB8, U'÷'},
    {0xB9, U'≠'}, {0xBA, U'≡'}, {0xBB, U'≈'}, {0xD6, U'√'}, {0xD7, U'·'}, {0x2D, U'−'}, {0x3D, U'='}, {0x2B, U'+'},
};

std::string lower(std::string_view s) {
  std::string out;
  for (char c : s) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

template <size_t N>
char32_t find(const Glyph (&table)[N], unsigned char code) {
  for (const auto& g : table)
    if (g.code == code) return g.cp;
  return 0;
}

}  // namespace

bool is_symbol_font(std::string_view font) {
  const std::string f = lower(font);
  return f == "wingdings" || f == "wingdings 2" || f == "wingdings 3" || f == "webdings" || f == "symbol";
}

char32_t symbol_char(std::string_view font, char32_t code) {
  if (code >= 0xF000 && code <= 0xF0FF) code -= 0xF000;
  if (code > 0xFF) return 0;
  const auto c = static_cast<unsigned char>(code);
  const std::string f = lower(font);
  if (f == "wingdings") return find(kWingdings, c);
  if (f == "wingdings 2") return find(kWingdings2, c);
  if (f == "symbol") return find(kSymbol, c);
  return 0;
}

}  // namespace banshi::docx
