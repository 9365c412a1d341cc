// Helpers for the tests of the render::Document builders: find a block by name, read a
// cell by row and column key.
#pragma once

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "sim/render/document.h"

namespace msout::testing {

// The block named `name` holding a T (Table, Timeline, Chart); fails the test if none.
template <class T>
const T& block(const render::Document& doc, const std::string& name) {
  for (const render::Block& b : doc.blocks) {
    if (const T* content = std::get_if<T>(&b.content); content && content->name == name) {
      return *content;
    }
  }
  FAIL("no block " << name);
  throw std::logic_error("unreachable");
}

inline const render::Table& table(const render::Document& doc, const std::string& name) {
  return block<render::Table>(doc, name);
}

// The blocks' names in order.
inline std::vector<std::string> block_names(const render::Document& doc) {
  std::vector<std::string> names;
  for (const render::Block& b : doc.blocks) {
    std::visit([&](const auto& content) { names.push_back(content.name); }, b.content);
  }
  return names;
}

inline std::vector<std::string> keys(const render::Table& table) {
  std::vector<std::string> out;
  for (const render::Column& c : table.columns) out.push_back(c.key);
  return out;
}

// The cell of row `row` in the column keyed `key`; fails the test if there is none. Every
// row must be as long as the columns.
inline const render::Cell& cell(const render::Table& table, std::size_t row,
                                const std::string& key) {
  REQUIRE(row < table.rows.size());
  for (const std::vector<render::Cell>& r : table.rows) REQUIRE(r.size() == table.columns.size());
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].key == key) return table.rows[row][i];
  }
  FAIL("no column " << key << " in " << table.name);
  throw std::logic_error("unreachable");
}

inline std::string value(const render::Table& table, std::size_t row, const std::string& key) {
  return cell(table, row, key).value;
}

inline std::string text(const render::Table& table, std::size_t row, const std::string& key) {
  return cell(table, row, key).text;
}

// The row whose column `key` has value `v`; fails the test if none.
inline std::size_t row_of(const render::Table& table, const std::string& key,
                          const std::string& v) {
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    if (value(table, r, key) == v) return r;
  }
  FAIL("no row with " << key << " = " << v << " in " << table.name);
  return 0;
}

inline bool contains(const std::vector<std::string>& lines, const std::string& needle) {
  for (const std::string& line : lines) {
    if (line.find(needle) != std::string::npos) return true;
  }
  return false;
}

}  // namespace msout::testing
