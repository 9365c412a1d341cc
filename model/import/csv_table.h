// CsvTable: one comma-separated table (RFC 4180) as the registers msout imports write them —
// a header row, then one record per row. Quoted cells may hold commas, doubled quotes and
// line breaks; lines end in LF or CRLF; a UTF-8 byte-order mark is skipped.
//
// Parsing collects every problem of the file (an unterminated quote, text after a closing
// quote, a row with more or fewer cells than the header, a cell that is not UTF-8, a NUL)
// as diagnostics naming the file, the row and the column, so that a register with many
// mistakes is reported whole, not one error per attempt. A table with errors is still
// returned, with the rows that parsed; callers check `diags` before trusting it.
//
//   Diagnostics diags;
//   CsvTable t = parse_csv_table("register.zip:reports/b_05.01.csv", text, diags);
//   for (const CsvRow& row : t.rows) use(row.cells[0]);
//
// Thread-safe (no shared state); a CsvTable is a plain value.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"

namespace msout::model {

// The largest table accepted: far above any register (the EBA's plausibility checks cap a
// register at some 10^5 rows per template), small enough to keep a hostile file cheap.
inline constexpr std::size_t kMaxCsvRows = 1'000'000;
inline constexpr std::size_t kMaxCsvColumns = 1'000;
inline constexpr std::size_t kMaxCsvCellBytes = 64 * 1024;

struct CsvRow {
  std::size_t line = 0;  // the line of the file on which the row starts (1-based)
  std::vector<std::string> cells;
};

struct CsvTable {
  std::string file;  // as given to parse_csv_table, for diagnostics
  std::size_t header_line = 0;
  std::vector<std::string> header;
  std::vector<CsvRow> rows;  // without the header; blank lines are skipped
};

// Parses `text`; problems go to `diags` under `file`. An empty file (or one holding only a
// byte-order mark and blank lines) is an error: a register table has at least its header.
CsvTable parse_csv_table(const std::string& file, std::string_view text, Diagnostics& diags);

// "row 3 (line 4)": how diagnostics name a data row (1-based, the header not counted).
std::string csv_row_place(std::size_t row_index, const CsvRow& row);

}  // namespace msout::model
