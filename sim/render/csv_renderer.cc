#include "sim/render/csv_renderer.h"

#include <cstdio>
#include <set>

#include "sim/render/chart_table.h"

namespace msout::render {
namespace {

void append_row(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_field(fields[i]);
  }
  out += "\r\n";
}

std::string table_csv(const Table& table) {
  std::string out;
  std::vector<std::string> fields;
  for (const Column& column : table.columns) fields.push_back(column.key);
  append_row(out, fields);
  for (const std::vector<Cell>& row : table.rows) {
    fields.clear();
    for (const Cell& cell : row) fields.push_back(cell.value);
    append_row(out, fields);
  }
  return out;
}

}  // namespace

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::vector<CsvFile> render_csv(const Document& document) {
  std::vector<CsvFile> files;
  for (const Block& block : document.blocks) {
    if ((block.show & kShowCsv) == 0) continue;
    if (const auto* table = std::get_if<Table>(&block.content)) {
      files.push_back({table->name, table_csv(*table)});
    } else if (const auto* chart = std::get_if<Chart>(&block.content)) {
      files.push_back({chart->name, table_csv(chart_table(*chart))});
    }
  }
  return files;
}

}  // namespace msout::render
