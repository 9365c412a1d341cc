// The templates of the DORA Register of Information that msout reads (Commission
// Implementing Regulation (EU) 2024/2956, Annex I), and how their columns are recognised.
//
// A register names a column by its code or by its label, and both vary: the EBA's xBRL-CSV
// tables use codes such as `c0050`; the regulation's annex numbers the same field
// `B_05.01.0050` (or refers to it as `RT.05.01.0050`); the EBA's earlier Excel master
// template numbered the columns of B_05.01 differently (it had no additional identification
// code, so the provider's name was its 0030, not 0050); and tools label columns with the
// regulation's wording, with or without "legal", an asterisk or a trailing note. So each
// field lists its label and the labels in use, its number in the regulation's annex, and,
// where the EBA template's numbering differs, that number too. bind_dora_table() maps a
// table's header onto the fields (docs/import.md, "Columns").
//
// Thread-safe: the catalogue is constant.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/import/csv_table.h"

namespace msout::model {

struct DoraColumn {
  std::string_view key;                   // msout's name for the field, e.g. "provider_name"
  std::string_view label;                 // the regulation's label
  std::vector<std::string_view> aliases;  // other labels in use
  int annex = 0;          // the column's number in the regulation's annex (and EBA 4.0)
  int eba_template = 0;   // the number in the EBA's earlier Excel template, 0: the same
  bool required = false;  // the import cannot do without it
};

struct DoraTemplate {
  std::string_view code;  // "B_05.01"
  std::string_view name;  // "ICT third-party service providers"
  std::vector<DoraColumn> columns;
  bool required = false;  // the package must hold this table
};

// The templates msout reads, in the order it reads them.
const std::vector<DoraTemplate>& dora_templates();
const DoraTemplate& dora_template(std::string_view code);

// A table whose header has been matched to a template's fields.
class DoraTable {
 public:
  const DoraTemplate& spec() const { return *spec_; }
  const std::string& file() const { return table_.file; }
  std::size_t size() const { return table_.rows.size(); }
  bool has(std::string_view key) const;
  // The cell of `key` in data row `row`, trimmed of surrounding blanks; "" if the table has
  // no such column.
  std::string_view cell(std::size_t row, std::string_view key) const;
  // "row 3 (line 4), column c0050 “Name of the ICT third-party service provider”": the
  // column as the file names it.
  std::string where(std::size_t row, std::string_view key) const;
  std::string where(std::size_t row) const;
  // "c0050" or "B_05.01.0050" or the label: how the file names the column of `key`.
  std::string column_name(std::string_view key) const;

 private:
  friend std::optional<DoraTable> bind_dora_table(const DoraTemplate&, CsvTable, Diagnostics&);
  std::size_t field(std::string_view key) const;  // the spec's index of `key`
  const DoraTemplate* spec_ = nullptr;
  CsvTable table_;
  std::vector<int> column_of_;  // per spec column: its index in the file, or -1
};

// Matches `table`'s header to `spec`. Errors (to `diags`, naming the file and the header
// cell): a column recognised twice, a required column missing, codes that fit more than one
// numbering. Unknown columns are ignored (registers carry many fields msout does not use).
// Returns nothing when the header cannot be bound.
std::optional<DoraTable> bind_dora_table(const DoraTemplate& spec, CsvTable table,
                                         Diagnostics& diags);

// The label normal form used for matching: lower case, letters and digits only, single
// spaces ("Name of the ICT third-party service provider*" -> "name of the ict third party
// service provider").
std::string normalise_label(std::string_view label);

}  // namespace msout::model
