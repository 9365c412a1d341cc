// Tests of sim/report/text_table.h: columns, and control characters from input files
// escaped in cells and wrapped text.
#include "sim/report/text_table.h"

#include <string>

#include <doctest/doctest.h>

namespace {

using msout::report::TextTable;
using msout::report::wrapped;

TEST_CASE("TextTable.Render.PadsColumnsByDisplayWidth") {
  TextTable table({"id", "name"});
  table.add({"zorgë", "Z"});
  table.add({"a", "A"});
  CHECK(table.render("  ") == "  id     name\n  zorgë  Z\n  a      A\n");
}

// An id or name holding ESC or a newline could retitle the terminal or forge a line.
TEST_CASE("TextTable.Render.EscapesControlCharactersInCells") {
  TextTable table({"id", "name"});
  table.add({"a\x1b]0;pwned\x07", "two\nlines"});
  const std::string text = table.render("");
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\x07') == std::string::npos);
  CHECK(text == "id               name\na\\e]0;pwned\\x07  two\\nlines\n");
}

TEST_CASE("TextTable.Wrapped.EscapesControlCharacters") {
  CHECK(wrapped("note\r\nerror: forged", "- ", "  ", 80) == "- note\\r\\nerror: forged\n");
}

}  // namespace
