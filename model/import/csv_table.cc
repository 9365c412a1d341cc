#include "model/import/csv_table.h"

#include "model/printable_text.h"

namespace msout::model {
namespace {

// Reads one record at a time; tracks lines so that every message can name one.
class CsvParser {
 public:
  CsvParser(const std::string& file, std::string_view text, Diagnostics& diags)
      : file_(file), text_(text), diags_(diags) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  }

  bool at_end() const { return pos_ >= text_.size(); }
  std::size_t line() const { return line_; }

  // The next record's cells; false at the end of the text. A blank line gives one empty
  // cell, which the caller skips.
  bool next_record(std::vector<std::string>& cells) {
    cells.clear();
    if (at_end()) return false;
    std::string cell;
    while (true) {
      read_cell(cell);
      cells.push_back(std::move(cell));
      cell.clear();
      if (at_end()) return true;
      const char c = text_[pos_];
      if (c == ',') {
        ++pos_;
        if (cells.size() >= kMaxCsvColumns) {
          error("line " + std::to_string(line_),
                "more than " + std::to_string(kMaxCsvColumns) + " columns");
          skip_line();
          return true;
        }
        continue;
      }
      end_line();
      return true;
    }
  }

 private:
  void error(const std::string& where, const std::string& message) {
    diags_.error(file_, where, message);
  }

  // Consumes a line break (LF or CRLF) at pos_.
  void end_line() {
    if (text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
  }

  void skip_line() {
    while (!at_end() && text_[pos_] != '\n') ++pos_;
    if (!at_end()) ++pos_;
    ++line_;
  }

  bool at_line_end() const {
    return text_[pos_] == '\n' ||
           (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ||
           (text_[pos_] == '\r' && pos_ + 1 == text_.size());
  }

  void append(std::string& cell, char c, const std::string& where) {
    if (cell.size() == kMaxCsvCellBytes) {
      error(where, "a cell longer than " + std::to_string(kMaxCsvCellBytes) + " bytes");
    }
    if (cell.size() <= kMaxCsvCellBytes) cell.push_back(c);
  }

  void read_cell(std::string& cell) {
    const std::string where = "line " + std::to_string(line_);
    if (at_end()) return;
    if (text_[pos_] != '"') {
      while (!at_end() && text_[pos_] != ',' && !at_line_end()) {
        if (text_[pos_] == '"') {
          error(where,
                "a quote inside an unquoted cell (quote the whole cell and double the "
                "quote: \"a \"\"b\"\"\")");
        }
        append(cell, text_[pos_++], where);
      }
      return;
    }
    const std::size_t opened_on = line_;
    ++pos_;
    while (true) {
      if (at_end()) {
        error("line " + std::to_string(opened_on),
              "a quoted cell opened here is never closed (a missing \")");
        return;
      }
      const char c = text_[pos_++];
      if (c == '"') {
        if (!at_end() && text_[pos_] == '"') {
          append(cell, '"', where);
          ++pos_;
          continue;
        }
        break;
      }
      if (c == '\n') ++line_;
      append(cell, c, where);
    }
    if (!at_end() && text_[pos_] != ',' && !at_line_end()) {
      error("line " + std::to_string(line_),
            "text after the closing quote of a cell (a cell is either quoted whole or not "
            "at all)");
      while (!at_end() && text_[pos_] != ',' && !at_line_end()) ++pos_;
    }
  }

  const std::string& file_;
  std::string_view text_;
  Diagnostics& diags_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

bool is_blank(const std::vector<std::string>& cells) {
  return cells.size() == 1 && cells[0].empty();
}

std::string column_place(const CsvTable& table, std::size_t column) {
  std::string place = "column " + std::to_string(column + 1);
  if (column < table.header.size() && !table.header[column].empty()) {
    place += " " + model::quoted(table.header[column]);
  }
  return place;
}

// Every cell must be UTF-8 without NUL: it ends up in JSON and in reports.
void check_text(const CsvTable& table, const std::string& row_place,
                const std::vector<std::string>& cells, Diagnostics& diags) {
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (!is_valid_utf8(cells[c])) {
      diags.error(table.file, row_place + ", " + column_place(table, c),
                  "not UTF-8 text (save the table as UTF-8)");
    } else if (cells[c].find('\0') != std::string::npos) {
      diags.error(table.file, row_place + ", " + column_place(table, c), "a NUL character");
    }
  }
}

}  // namespace

std::string csv_row_place(std::size_t row_index, const CsvRow& row) {
  return "row " + std::to_string(row_index + 1) + " (line " + std::to_string(row.line) + ")";
}

CsvTable parse_csv_table(const std::string& file, std::string_view text, Diagnostics& diags) {
  CsvTable table;
  table.file = file;
  CsvParser parser(file, text, diags);
  std::vector<std::string> cells;
  while (true) {
    const std::size_t line = parser.line();
    if (!parser.next_record(cells)) break;
    if (is_blank(cells)) continue;
    if (table.header.empty()) {
      table.header_line = line;
      table.header = cells;
      check_text(table, "header (line " + std::to_string(line) + ")", cells, diags);
      continue;
    }
    if (table.rows.size() == kMaxCsvRows) {
      diags.error(file, "line " + std::to_string(line),
                  "more than " + std::to_string(kMaxCsvRows) + " rows");
      break;
    }
    CsvRow row{line, cells};
    const std::string place = csv_row_place(table.rows.size(), row);
    if (cells.size() != table.header.size()) {
      diags.error(file, place,
                  std::to_string(cells.size()) + " cells, but the header (line " +
                      std::to_string(table.header_line) + ") has " +
                      std::to_string(table.header.size()) + " columns");
      row.cells.resize(table.header.size());
    }
    check_text(table, place, row.cells, diags);
    table.rows.push_back(std::move(row));
  }
  if (table.header.empty()) diags.error(file, "", "an empty table (no header row)");
  return table;
}

}  // namespace msout::model
