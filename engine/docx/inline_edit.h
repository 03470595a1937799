// Editing model inlines by character: the importer takes a typed number off
// a heading, splits a run-in heading from its paragraph, drops the
// full-width spaces typed as an indent and turns [3] into a citation. Offsets
// count code points of text (a line break counts one; footnotes and
// citations count none), the same as plain_text() of the content.
#pragma once

#include <string>
#include <utility>

#include "model/document.h"

namespace banshi::docx {

// The text as plain_text() gives it (a line break as one space).
std::string visible_text(const model::Inlines& in);

// Removes the first `chars` characters.
void drop_leading(model::Inlines& in, size_t chars);
// The first `chars` characters and the rest, formatting kept on both sides.
std::pair<model::Inlines, model::Inlines> split_at(const model::Inlines& in, size_t chars);

// Drops blanks (space, tab, U+3000, U+00A0, line breaks) at the start and
// the end; returns how many characters were dropped at the start.
size_t trim_blanks(model::Inlines& in);

// The content without wrappers of `kind` (their children in their place).
model::Inlines unwrap(model::Inlines in, model::InlineKind kind);

// Empty text nodes and wrappers left with nothing are removed.
void prune(model::Inlines& in);

// Code points of the UTF-8 string.
size_t char_count(std::string_view s);

}  // namespace banshi::docx
