// Tests of model/import/csv_table.h: RFC 4180 tables as registers write them, and every
// malformed table reported with its file, line and column.
#include "model/import/csv_table.h"

#include <string>

#include <doctest/doctest.h>

#include "tests/unit/test_support.h"

namespace {

using msout::model::CsvTable;
using msout::model::Diagnostics;
using msout::model::parse_csv_table;
using msout::testing::dump;
using msout::testing::has;

const std::string kFile = "bank.zip:reports/b_05.01.csv";

}  // namespace

TEST_CASE("CsvTable.QuotedCellsLineEndingsAndBom") {
  Diagnostics diags;
  const CsvTable t = parse_csv_table(kFile,
                                     "\xEF\xBB\xBF"
                                     "c0010,c0050\r\n"
                                     "A1,\"Visa, Europe \"\"Ltd\"\"\"\r\n"
                                     "\r\n"
                                     "A2,\"two\nlines\"\n"
                                     "A3,",
                                     diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(t.header == std::vector<std::string>{"c0010", "c0050"});
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0].cells[1] == "Visa, Europe \"Ltd\"");
  CHECK(t.rows[0].line == 2);
  // The blank line 3 is skipped; the quoted line break keeps the count of lines right.
  CHECK(t.rows[1].line == 4);
  CHECK(t.rows[1].cells[1] == "two\nlines");
  CHECK(t.rows[2].line == 6);
  CHECK(t.rows[2].cells == std::vector<std::string>{"A3", ""});
}

TEST_CASE("CsvTable.EveryErrorWithItsPlace") {
  Diagnostics diags;
  parse_csv_table(kFile,
                  "id,name\n"
                  "1,two,three\n"        // line 2: three cells
                  "2,\"x\"y\n"           // line 3: text after the closing quote
                  "3,a\"b\n"             // line 4: a quote inside an unquoted cell
                  "4,\xFF\n"             // line 5: not UTF-8
                  "5,\"never closed\n",  // line 6: the quote is never closed
                  diags);
  const auto& e = diags.errors();
  CHECK_MESSAGE(has(e, kFile, "row 1 (line 2)", "3 cells, but the header (line 1) has 2"), dump(e));
  CHECK_MESSAGE(has(e, kFile, "line 3", "text after the closing quote"), dump(e));
  CHECK_MESSAGE(has(e, kFile, "line 4", "a quote inside an unquoted cell"), dump(e));
  CHECK_MESSAGE(has(e, kFile, "row 4 (line 5), column 2 \"name\"", "not UTF-8"), dump(e));
  CHECK_MESSAGE(has(e, kFile, "line 6", "never closed"), dump(e));
  CHECK(e.size() == 5);
}

TEST_CASE("CsvTable.EmptyFileIsAnError") {
  Diagnostics diags;
  parse_csv_table(kFile, "\xEF\xBB\xBF\n\n", diags);
  CHECK(has(diags.errors(), kFile, "", "an empty table"));
}
