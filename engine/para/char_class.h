// Character classes for Chinese line composition (W3C clreq; the lists
// follow GB/T 15834 usage as xeCJK groups them). They decide where a line
// may not start or end and how much blank a punctuation mark may lose.
#pragma once

namespace banshi {

enum class CharClass {
  Ideographic,  // Han, kana, full-width letters: one grid cell
  Opening,      // （ 《 “ ‘ 【 〔 「 『 〈 — never at line end
  Closing,      // ） 》 ” ’ 】 〕 」 』 〉 — never at line start
  Stop,         // 、 ， 。 ． ： ； ？ ！ — never at line start
  Middle,       // · ・ — centred; never at line start
  Long,         // — … (paired: ——, ……) — never split, never at line start
  Connector,    // ～ – (half-em connectors) — never at line start
  Latin,        // letters, digits, ASCII punctuation inside words
  Space,        // ASCII space
  Other,
};

CharClass char_class(char32_t cp);

// Full-width punctuation whose blank may be compressed.
inline bool is_cjk_punct(CharClass c) {
  return c == CharClass::Opening || c == CharClass::Closing || c == CharClass::Stop || c == CharClass::Middle;
}

// May not begin a line (clreq "strict" level: includes —— and ……).
bool no_line_start(char32_t cp);
// May not end a line.
bool no_line_end(char32_t cp);

// Full-width by nature (takes a grid cell).
bool is_wide(char32_t cp);

// ☐ ☑ ☒, which the form's boxes are written as.
inline bool is_check_box(char32_t cp) { return cp >= 0x2610 && cp <= 0x2612; }

}  // namespace banshi
