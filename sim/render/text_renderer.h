// The terminal form of a Document: the headline first, then each block for a terminal of
// `width` columns (120 by default). Tables shorten long cells with "…" (the full text is in
// the other formats) and stop after Table::terminal_rows rows, saying how many are left out;
// timelines are bars of one character per time step ('#' down, '~' degraded, '.' up).
// Control characters in any text are escaped, so input text cannot act on the terminal.
#pragma once

#include <cstddef>
#include <string>

#include "sim/render/document.h"

namespace msout::render {

std::string render_text(const Document& document, std::size_t width = 120);

}  // namespace msout::render
