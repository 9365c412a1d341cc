// The CSV form of a Document: one RFC 4180 file per table and per chart, in block order
// (CRLF line ends, every field quoted where it holds a comma, a quote or a line break). The
// header row is the columns' keys; cells are the machine values (seconds, whole counts,
// probabilities), never the wording for people. A chart becomes one row per moment: `at_s`,
// then per series `<value_key>:<series id>` (and `_low`/`_high` where it has intervals).
#pragma once

#include <string>
#include <vector>

#include "sim/render/document.h"

namespace msout::render {

struct CsvFile {
  std::string name;  // the table's or chart's name: the file's stem
  std::string text;
};

std::vector<CsvFile> render_csv(const Document& document);

// One field as RFC 4180 writes it: quoted (quotes doubled) where it must be.
std::string csv_field(const std::string& text);

}  // namespace msout::render
