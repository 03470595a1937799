// Word documents into the model for an Engine: render/input.h's WordReader
// done with engine/docx (libzip) and, for .doc/.wps/.odt, LibreOffice. A
// stage of its own so that the `banshi` executable, which links no Word
// reader, need not load libzip and libcrypto at every start.
#pragma once

#include <memory>

#include "render/input.h"

namespace banshi::word {

std::shared_ptr<const WordReader> docx_reader();

}  // namespace banshi::word
