#include "model/import/dora_templates.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <stdexcept>

#include "model/printable_text.h"

namespace msout::model {
namespace {

constexpr int kAbsent = -1;  // eba_template: the column does not exist in that numbering

// The fields the import reads, and a few it only echoes. Labels follow the regulation's
// annex; aliases are the wordings of the EBA's templates and common tools.
std::vector<DoraTemplate> make_templates() {
  const std::string_view contract = "Contractual arrangement reference number";
  const std::string_view provider_id =
      "Identification code of the ICT third-party service provider";
  const std::string_view provider_id_type =
      "Type of code to identify the ICT third-party service provider";
  const std::string_view service_type = "Type of ICT services";
  return {
      {"B_01.01",
       "Entity maintaining the register of information",
       {
           {"lei",
            "LEI of the entity maintaining the register of information",
            {"LEI of the entity"},
            10,
            0,
            true},
           {"name", "Name of the entity", {"Legal name of the entity"}, 20, 0, true},
           {"country", "Country of the entity", {}, 30, 0, false},
           {"entity_type", "Type of entity", {}, 40, 0, false},
       },
       true},
      {"B_05.01",
       "ICT third-party service providers",
       {
           {"provider_id",
            provider_id,
            {"Identification code of ICT third-party service provider"},
            10,
            0,
            true},
           {"provider_id_type",
            provider_id_type,
            {"Type of code to identify the ICT service provider"},
            20,
            0,
            true},
           {"additional_id",
            "Additional identification code of ICT third-party service provider",
            {"Additional identification code",
             "Additional identification code of the ICT third-party service provider"},
            30,
            kAbsent,
            false},
           {"additional_id_type",
            "Type of additional identification code to identify the ICT third-party service "
            "provider",
            {"Type of additional identification code"},
            40,
            kAbsent,
            false},
           {"provider_name",
            "Name of the ICT third-party service provider",
            {"Legal name of the ICT third-party service provider",
             "Name of the ICT service provider", "Legal name of the ICT service provider"},
            50,
            30,
            true},
           {"latin_name",
            "Name of the ICT third-party service provider in Latin alphabet",
            {},
            60,
            kAbsent,
            false},
           {"person_type",
            "Type of person of the ICT third-party service provider",
            {"Type of person"},
            70,
            40,
            false},
           {"hq_country",
            "Country of the ICT third-party service provider's headquarters",
            {"Country of the ICT third-party service provider headquarters",
             "Country of the provider's headquarters"},
            80,
            50,
            true},
           {"currency",
            "Currency",
            {"Currency of the amount reported in RT.05.01.0100"},
            90,
            60,
            false},
           {"annual_expense",
            "Total annual expense or estimated cost of the ICT third-party service provider",
            {"Total annual expense or estimated cost"},
            100,
            70,
            false},
           {"parent_id",
            "Identification code of the ICT third-party service provider's ultimate parent "
            "undertaking",
            {"Identification code of the ultimate parent undertaking",
             "Identification code of the provider's ultimate parent undertaking"},
            110,
            80,
            false},
           {"parent_id_type",
            "Type of code to identify the ICT third-party service provider's ultimate parent "
            "undertaking",
            {"Type of code to identify the ultimate parent undertaking",
             "Type of code to identify the provider's ultimate parent undertaking"},
            120,
            90,
            false},
       },
       true},
      {"B_05.02",
       "ICT service supply chains",
       {
           {"contract", contract, {}, 10, 0, true},
           {"service_type", service_type, {}, 20, 0, true},
           {"provider_id",
            provider_id,
            {"Identification code of ICT third-party service provider"},
            30,
            0,
            true},
           {"provider_id_type", provider_id_type, {}, 40, 0, false},
           {"rank", "Rank", {}, 50, 0, true},
           {"recipient_id",
            "Identification code of the recipient of sub-contracted ICT services",
            {},
            60,
            0,
            false},
           {"recipient_id_type",
            "Type of code to identify the recipient of sub-contracted ICT services",
            {},
            70,
            0,
            false},
       },
       false},
      {"B_02.02",
       "Contractual arrangements - specific information",
       {
           {"contract", contract, {}, 10, 0, true},
           {"entity_lei",
            "LEI of the financial entity making use of the ICT service(s)",
            {"LEI of the entity making use of the ICT service(s)"},
            20,
            0,
            false},
           {"provider_id",
            provider_id,
            {"Identification code of ICT third-party service provider"},
            30,
            0,
            true},
           {"provider_id_type", provider_id_type, {}, 40, 0, false},
           {"function_id", "Function identifier", {}, 50, 0, true},
           {"service_type", service_type, {}, 60, 0, true},
           {"start_date", "Start date of the contractual arrangement", {}, 70, 0, false},
           {"end_date", "End date of the contractual arrangement", {}, 80, 0, false},
           {"termination_reason",
            "Reason of the termination or ending of the contractual arrangement",
            {"Reason for the termination or ending", "Reason of the termination or ending"},
            90,
            0,
            false},
           {"provision_country", "Country of provision of the ICT services", {}, 130, 0, false},
           {"data_storage", "Storage of data", {}, 140, 0, false},
           {"data_location", "Location of the data at rest (storage)", {}, 150, 0, false},
           {"processing_location",
            "Location of management of the data (processing)",
            {},
            160,
            0,
            false},
           {"reliance",
            "Level of reliance on the ICT service supporting the critical or important function",
            {"Level of reliance on the ICT service", "Level of reliance"},
            180,
            0,
            false},
       },
       true},
      {"B_06.01",
       "Functions identification",
       {
           {"function_id", "Function identifier", {}, 10, 0, true},
           {"licensed_activity", "Licenced activity", {"Licensed activity"}, 20, 0, false},
           {"function_name", "Function name", {}, 30, 0, true},
           {"entity_lei", "LEI of the financial entity", {}, 40, 0, false},
           {"critical", "Criticality or importance assessment", {}, 50, 0, false},
           {"rto", "Recovery time objective of the function", {"RTO"}, 80, 0, false},
           {"rpo", "Recovery point objective of the function", {"RPO"}, 90, 0, false},
           {"impact", "Impact of discontinuing the function", {}, 100, 0, false},
       },
       true},
      {"B_07.01",
       "Assessment of the ICT services",
       {
           {"contract", contract, {}, 10, 0, true},
           {"provider_id",
            provider_id,
            {"Identification code of ICT third-party service provider"},
            20,
            0,
            true},
           {"provider_id_type", provider_id_type, {}, 30, 0, false},
           {"service_type", service_type, {}, 40, 0, true},
           {"substitutability",
            "Substitutability of the ICT third-party service provider",
            {},
            50,
            0,
            false},
           {"substitutability_reason",
            "Reason if the ICT third-party service provider is considered not substitutable or "
            "difficult to be substitutable",
            {"Reason if not substitutable or difficult to substitute"},
            60,
            0,
            false},
           {"exit_plan", "Existence of an exit plan", {}, 80, 0, false},
           {"reintegration",
            "Possibility of reintegration of the contracted ICT service",
            {},
            90,
            0,
            false},
           {"impact", "Impact of discontinuing the ICT services", {}, 100, 0, false},
           {"alternatives_identified",
            "Are there alternative ICT third-party service providers identified?",
            {"Alternative ICT third-party service providers identified"},
            110,
            0,
            false},
           {"alternatives",
            "Identification of alternative ICT TPP",
            {"Identification of alternative ICT third-party service providers"},
            120,
            0,
            false},
       },
       false},
  };
}

std::string trim(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return std::string(text.substr(begin, end - begin));
}

// A header cell split into its column code (if any) and its label (if any).
struct HeaderCell {
  int code = 0;                // 0: none
  bool regulation = false;     // written as B_xx.xx.NNNN or RT.xx.xx.NNNN (the annex's form)
  std::string other_template;  // the template a B_/RT. code names, when not this one
  std::string label;           // normalised; "" if none
};

bool digits(std::string_view text, std::size_t from, std::size_t count) {
  if (text.size() < from + count) return false;
  return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(from),
                     text.begin() + static_cast<std::ptrdiff_t>(from + count),
                     [](unsigned char c) { return std::isdigit(c) != 0; });
}

HeaderCell split_header(std::string_view spec_code, std::string_view raw) {
  HeaderCell cell;
  std::string text = trim(raw);
  std::size_t rest = 0;
  // "c0050" / "C0050"
  if (text.size() >= 5 && (text[0] == 'c' || text[0] == 'C') && digits(text, 1, 4) &&
      (text.size() == 5 || !std::isalnum(static_cast<unsigned char>(text[5])))) {
    cell.code = std::stoi(text.substr(1, 4));
    rest = 5;
  } else if (text.compare(0, 2, "B_") == 0 || text.compare(0, 2, "b_") == 0 ||
             text.compare(0, 3, "RT.") == 0) {
    // "B_05.01.0050" / "RT.05.01.0050"
    const std::size_t start = text[0] == 'R' ? 3 : 2;
    if (text.size() >= start + 10 && digits(text, start, 2) && text[start + 2] == '.' &&
        digits(text, start + 3, 2) && text[start + 5] == '.' && digits(text, start + 6, 4) &&
        (text.size() == start + 10 ||
         !std::isalnum(static_cast<unsigned char>(text[start + 10])))) {
      const std::string table = "B_" + text.substr(start, 5);
      if (table != spec_code) cell.other_template = table;
      cell.code = std::stoi(text.substr(start + 6, 4));
      cell.regulation = true;
      rest = start + 10;
    }
  }
  std::string label = text.substr(rest);
  // Separators between a code and its label: "c0050 - Name", "c0050: Name", "(c0050) Name".
  while (!label.empty() && (std::isspace(static_cast<unsigned char>(label[0])) || label[0] == '-' ||
                            label[0] == ':' || label[0] == ')')) {
    label.erase(0, 1);
  }
  if (label.compare(0, 3, "\xE2\x80\x93") == 0) label.erase(0, 3);  // an en dash
  cell.label = normalise_label(label);
  return cell;
}

std::string code_text(int code) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "c%04d", code);
  return buffer;
}

int number_in(const DoraColumn& column, bool eba_template) {
  if (!eba_template || column.eba_template == 0) return column.annex;
  return column.eba_template;
}

// The field with `code` in one numbering, or -1.
int field_by_code(const DoraTemplate& spec, int code, bool eba_template) {
  for (std::size_t f = 0; f < spec.columns.size(); ++f) {
    if (number_in(spec.columns[f], eba_template) == code) return static_cast<int>(f);
  }
  return -1;
}

int field_by_label(const DoraTemplate& spec, const std::string& label) {
  if (label.empty()) return -1;
  for (std::size_t f = 0; f < spec.columns.size(); ++f) {
    const DoraColumn& column = spec.columns[f];
    if (normalise_label(column.label) == label) return static_cast<int>(f);
    for (std::string_view alias : column.aliases) {
      if (normalise_label(alias) == label) return static_cast<int>(f);
    }
  }
  return -1;
}

bool numberings_differ(const DoraTemplate& spec) {
  return std::any_of(spec.columns.begin(), spec.columns.end(),
                     [](const DoraColumn& c) { return c.eba_template != 0; });
}

std::set<int> all_numbers(const DoraTemplate& spec, bool eba_template) {
  std::set<int> numbers;
  for (const DoraColumn& column : spec.columns) {
    const int n = number_in(column, eba_template);
    if (n != kAbsent) numbers.insert(n);
  }
  return numbers;
}

// Which numbering the code-only header cells follow: the annex's (false) or the EBA
// template's (true); nothing when they cannot tell (docs/import.md, "Columns").
std::optional<bool> choose_numbering(const DoraTemplate& spec, const std::set<int>& codes,
                                     bool regulation_form) {
  if (!numberings_differ(spec) || regulation_form || codes.empty()) return false;
  // A table as the EBA or the regulation defines it carries every column of its numbering.
  if (codes == all_numbers(spec, false)) return false;
  if (codes == all_numbers(spec, true)) return true;
  const auto fits = [&](bool eba) {
    const std::set<int> numbers = all_numbers(spec, eba);
    if (!std::includes(numbers.begin(), numbers.end(), codes.begin(), codes.end())) return false;
    for (const DoraColumn& column : spec.columns) {
      if (column.required && codes.count(number_in(column, eba)) == 0) return false;
    }
    return true;
  };
  const bool annex = fits(false);
  const bool eba = fits(true);
  if (annex && eba) return std::nullopt;
  return eba && !annex;
}

}  // namespace

std::string normalise_label(std::string_view label) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < label.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(label[i]);
    if (std::isalnum(c)) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (c == '\'' || (c == 0xE2 && i + 2 < label.size() &&
                             static_cast<unsigned char>(label[i + 1]) == 0x80 &&
                             static_cast<unsigned char>(label[i + 2]) == 0x99)) {
      // An apostrophe (straight or typographic) joins: "provider's" -> "providers".
      if (c == 0xE2) i += 2;
    } else {
      space = true;
    }
  }
  return out;
}

const std::vector<DoraTemplate>& dora_templates() {
  static const std::vector<DoraTemplate> templates = make_templates();
  return templates;
}

const DoraTemplate& dora_template(std::string_view code) {
  for (const DoraTemplate& t : dora_templates()) {
    if (t.code == code) return t;
  }
  throw std::logic_error("no DORA template " + std::string(code));
}

std::size_t DoraTable::field(std::string_view key) const {
  for (std::size_t f = 0; f < spec_->columns.size(); ++f) {
    if (spec_->columns[f].key == key) return f;
  }
  throw std::logic_error("no field " + std::string(key) + " in " + std::string(spec_->code));
}

bool DoraTable::has(std::string_view key) const { return column_of_[field(key)] >= 0; }

std::string_view DoraTable::cell(std::size_t row, std::string_view key) const {
  const int column = column_of_[field(key)];
  if (column < 0) return {};
  std::string_view text = table_.rows[row].cells[static_cast<std::size_t>(column)];
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

std::string DoraTable::column_name(std::string_view key) const {
  const std::size_t f = field(key);
  if (column_of_[f] >= 0) {
    return model::quoted(trim(table_.header[static_cast<std::size_t>(column_of_[f])]), 90);
  }
  return code_text(spec_->columns[f].annex) + " " + model::quoted(spec_->columns[f].label, 90);
}

std::string DoraTable::where(std::size_t row) const {
  return std::string(spec_->code) + " " + csv_row_place(row, table_.rows[row]);
}

std::string DoraTable::where(std::size_t row, std::string_view key) const {
  return where(row) + ", column " + column_name(key);
}

std::optional<DoraTable> bind_dora_table(const DoraTemplate& spec, CsvTable table,
                                         Diagnostics& diags) {
  const std::string header_place =
      std::string(spec.code) + " header (line " + std::to_string(table.header_line) + ")";
  std::vector<HeaderCell> cells;
  std::set<int> codes;
  bool regulation_form = false;
  for (const std::string& raw : table.header) {
    cells.push_back(split_header(spec.code, raw));
    const HeaderCell& cell = cells.back();
    if (cell.code != 0 && cell.label.empty() && cell.other_template.empty()) {
      codes.insert(cell.code);
      regulation_form = regulation_form || cell.regulation;
    }
  }
  const std::optional<bool> eba_numbering = choose_numbering(spec, codes, regulation_form);
  bool ok = true;
  if (!eba_numbering) {
    diags.error(table.file, header_place,
                "the column codes fit both the regulation's numbering and the EBA template's, "
                "which number the columns of " +
                    std::string(spec.code) +
                    " differently (the provider's name is c0050 in one, c0030 in the other): "
                    "label the columns (e.g. \"c0050 Name of the ICT third-party service "
                    "provider\") or give every column of the template");
    ok = false;
  }
  DoraTable bound;
  bound.spec_ = &spec;
  bound.column_of_.assign(spec.columns.size(), -1);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const HeaderCell& cell = cells[i];
    const std::string place = header_place + ", column " + std::to_string(i + 1) + " " +
                              model::quoted(trim(table.header[i]), 90);
    if (!cell.other_template.empty()) {
      diags.error(
          table.file, place,
          "a column of " + cell.other_template + " in the table of " + std::string(spec.code));
      ok = false;
      continue;
    }
    int field = field_by_label(spec, cell.label);
    if (cell.code != 0 && !cell.label.empty()) {
      // Code and label together: the label decides; the code must agree with one numbering.
      if (field < 0) continue;
      const DoraColumn& column = spec.columns[static_cast<std::size_t>(field)];
      if (number_in(column, false) != cell.code && number_in(column, true) != cell.code) {
        diags.error(table.file, place,
                    "the code says " + code_text(cell.code) + " but the label is that of " +
                        code_text(column.annex) + " " + model::quoted(column.label, 90));
        ok = false;
        continue;
      }
    } else if (cell.code != 0 && eba_numbering) {
      field = field_by_code(spec, cell.code, *eba_numbering);
    }
    if (field < 0) continue;  // a column msout does not use
    if (bound.column_of_[static_cast<std::size_t>(field)] >= 0) {
      const std::size_t first =
          static_cast<std::size_t>(bound.column_of_[static_cast<std::size_t>(field)]);
      diags.error(table.file, place,
                  "a second column for " +
                      model::quoted(spec.columns[static_cast<std::size_t>(field)].label, 90) +
                      " (the first is column " + std::to_string(first + 1) + ")");
      ok = false;
      continue;
    }
    bound.column_of_[static_cast<std::size_t>(field)] = static_cast<int>(i);
  }
  if (ok) {
    for (std::size_t f = 0; f < spec.columns.size(); ++f) {
      const DoraColumn& column = spec.columns[f];
      if (!column.required || bound.column_of_[f] >= 0) continue;
      diags.error(table.file, header_place,
                  "no column " + code_text(number_in(column, eba_numbering.value_or(false))) + " " +
                      model::quoted(column.label, 120) +
                      ", which msout needs (a column is named by "
                      "its code or its label)");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  bound.table_ = std::move(table);
  return bound;
}

}  // namespace msout::model
