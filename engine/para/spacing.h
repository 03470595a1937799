// Spacing between the clusters of a shaped paragraph: what `prepare` does
// after shaping and before break opportunities are marked.
#pragma once

#include <vector>

#include "para/collect.h"
#include "para/prepare.h"

namespace banshi {

// Spans with a box width (list labels, note numbers) are padded to it on
// their last cluster, so the text after them lines up.
void widen_boxes(const CollectedText& text, std::vector<Cluster>& cs);

// Adjacent full-width marks lose the blank between them (。” takes 1.5 em),
// and ？！ ？？ ！？ ！！ take one em together.
void compress_adjacent(std::vector<Cluster>& cs);

// A quarter em between Han and Latin letters or digits, not on top of a
// space the source already has there.
void space_han_and_latin(std::vector<Cluster>& cs);

}  // namespace banshi
