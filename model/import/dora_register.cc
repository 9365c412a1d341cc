#include "model/import/dora_register.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <utility>

#include "model/import/csv_table.h"
#include "model/import/dora_templates.h"
#include "model/json_reader.h"
#include "model/printable_text.h"

namespace msout::model {
namespace {

// An RTO or RPO beyond ten years is a typo (and a switchover that long would exceed what a
// duration may be).
constexpr double kMaxObjectiveHours = 87'600;

// The labels of Annex III, S01 … S19.
constexpr const char* kServiceTypeLabels[] = {
    "ICT project management",
    "ICT Development",
    "ICT help desk and first level support",
    "ICT security management services",
    "Provision of data",
    "Data analysis",
    "ICT, facilities and hosting services (excluding Cloud services)",
    "Computation",
    "Non-Cloud Data storage",
    "Telecom carrier",
    "Network infrastructure",
    "Hardware and physical devices",
    "Software licencing (excluding SaaS)",
    "ICT operation management (including maintenance)",
    "ICT Consulting",
    "ICT Risk management",
    "Cloud services: IaaS",
    "Cloud services: PaaS",
    "Cloud services: SaaS",
};

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// "eba_TA:S17" -> "S17": the EBA's xBRL-CSV writes closed-list values with a domain prefix.
std::string_view without_prefix(std::string_view cell) {
  if (cell.size() > 4 && lower(cell.substr(0, 4)) == "eba_") {
    const std::size_t colon = cell.find(':');
    if (colon != std::string_view::npos) return cell.substr(colon + 1);
  }
  return cell;
}

// A closed list: its values by code (after the prefix) and by label, both compared in
// normal form.
struct ClosedList {
  const char* what;
  std::vector<std::pair<std::vector<std::string_view>, std::string_view>>
      entries;  // names -> value

  std::optional<std::string_view> find(std::string_view cell) const {
    const std::string key = normalise_label(without_prefix(cell));
    for (const auto& [names, value] : entries) {
      for (std::string_view name : names) {
        if (normalise_label(name) == key) return value;
      }
    }
    return std::nullopt;
  }
  std::string known() const {
    std::string out;
    for (const auto& entry : entries) {
      if (!out.empty()) out += ", ";
      out += entry.first.front();
      if (entry.first.size() > 1) out += " (" + std::string(entry.first[1]) + ")";
    }
    return out;
  }
};

const ClosedList kReliance{"level of reliance",
                           {{{"x794", "Not significant"}, "not-significant"},
                            {{"x795", "Low reliance", "Low"}, "low"},
                            {{"x796", "Material reliance", "Material"}, "material"},
                            {{"x797", "Full reliance", "Full"}, "full"}}};
const ClosedList kYesNo{"yes or no",
                        {{{"x28", "Yes", "true", "Y"}, "yes"},
                         {{"x29", "No", "false", "N"}, "no"},
                         {{"x21", "Assessment not performed"}, "not-performed"}}};
const ClosedList kSubstitutability{
    "substitutability",
    {{{"x959", "Not substitutable"}, "not substitutable"},
     {{"x960", "Highly complex substitutability"}, "highly complex substitutability"},
     {{"x961", "Medium complexity in terms of substitutability"},
      "medium complexity in terms of substitutability"},
     {{"x962", "Easily substitutable"}, "easily substitutable"}}};
const ClosedList kReintegration{"possibility of reintegration",
                                {{{"x798", "Easy"}, "easy"},
                                 {{"x966", "Difficult"}, "difficult"},
                                 {{"x967", "Highly complex"}, "highly complex"}}};
const ClosedList kImpact{"impact of discontinuing",
                         {{{"x791", "Low"}, "low"},
                          {{"x792", "Medium"}, "medium"},
                          {{"x793", "High"}, "high"},
                          {{"x799", "Assessment not performed"}, "not assessed"}}};

Assessed assessed_from(std::string_view value) {
  if (value == "yes") return Assessed::kYes;
  if (value == "no") return Assessed::kNo;
  if (value == "not-performed") return Assessed::kNotPerformed;
  return Assessed::kUnknown;
}

Reliance reliance_from(std::string_view value) {
  if (value == "not-significant") return Reliance::kNotSignificant;
  if (value == "low") return Reliance::kLow;
  if (value == "material") return Reliance::kMaterial;
  if (value == "full") return Reliance::kFull;
  return Reliance::kUnknown;
}

// `text` as one line: C0 and C1 control characters and DEL (line breaks in a quoted cell)
// become spaces, as names in a model must be one line of text.
std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      out.push_back(' ');  // a C1 control, U+0080..U+009F
      ++i;
    } else {
      out.push_back(c < 0x20 || c == 0x7F ? ' ' : static_cast<char>(c));
    }
  }
  return out;
}

// Reads the rows of one bound table, reporting problems with their place.
class RowReader {
 public:
  RowReader(const DoraTable& table, std::string evidence_file, Diagnostics& diags)
      : table_(table), evidence_file_(std::move(evidence_file)), diags_(diags) {}

  std::size_t size() const { return table_.size(); }
  const DoraTable& table() const { return table_; }

  void error(std::size_t row, std::string_view key, const std::string& message) {
    diags_.error(table_.file(), table_.where(row, key), message);
  }
  void warning(std::size_t row, std::string_view key, const std::string& message) {
    diags_.warning(table_.file(), table_.where(row, key), message);
  }

  // The cell, recorded for the row's evidence quote when not empty.
  std::string text(std::size_t row, std::string_view key) {
    std::string value(table_.cell(row, key));
    if (!value.empty()) {
      if (!quote_.empty()) quote_ += "; ";
      quote_ += table_.column_name(key) + " = " + one_line(value);
    }
    return value;
  }

  // A required cell: an error when empty.
  std::string required(std::size_t row, std::string_view key) {
    std::string value = text(row, key);
    if (value.empty()) error(row, key, "empty, but required");
    return value;
  }

  std::optional<std::string_view> closed(std::size_t row, std::string_view key,
                                         const ClosedList& list) {
    const std::string value = text(row, key);
    if (value.empty()) return std::nullopt;
    const auto found = list.find(value);
    if (!found) {
      error(row, key,
            "unknown " + std::string(list.what) + " " + model::quoted(value) +
                " (known: " + list.known() + ")");
    }
    return found;
  }

  std::string country(std::size_t row, std::string_view key) {
    const std::string value = text(row, key);
    if (value.empty()) return "";
    const std::string code = country_code(value);
    if (code.empty()) {
      error(row, key,
            "not a country code: " + model::quoted(value) +
                " (ISO 3166 alpha-2, e.g. NL or eba_GA:NL)");
    }
    return code;
  }

  ServiceType service_type(std::size_t row, std::string_view key) {
    const std::string value = text(row, key);
    ServiceType type;
    if (value.empty()) {
      error(row, key, "empty, but required");
      return type;
    }
    const std::string_view code = without_prefix(value);
    if (code.size() == 3 && (code[0] == 'S' || code[0] == 's') && std::isdigit(code[1]) &&
        std::isdigit(code[2])) {
      type.number = (code[1] - '0') * 10 + (code[2] - '0');
    } else {
      const std::string key_label = normalise_label(value);
      for (int i = 0; i < 19; ++i) {
        if (normalise_label(kServiceTypeLabels[i]) == key_label) type.number = i + 1;
      }
    }
    if (type.number < 1 || type.number > 19) {
      type.number = 0;
      error(row, key,
            "unknown type of ICT services " + model::quoted(value) +
                " (the regulation's Annex III codes S01 to S19, e.g. S19 or eba_TA:S19 for "
                "\"Cloud services: SaaS\")");
    }
    return type;
  }

  // A non-negative number of hours.
  std::optional<double> hours(std::size_t row, std::string_view key) {
    const std::string value = text(row, key);
    if (value.empty()) return std::nullopt;
    double number = 0;
    const auto [end, status] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (status != std::errc() || end != value.data() + value.size() || !std::isfinite(number) ||
        number < 0 || number > kMaxObjectiveHours) {
      error(row, key,
            "not a number of hours: " + model::quoted(value) +
                " (the register gives recovery objectives in hours, from 0 to 87600, e.g. 4 or "
                "0.5)");
      return std::nullopt;
    }
    return number;
  }

  unsigned natural(std::size_t row, std::string_view key) {
    const std::string value = text(row, key);
    unsigned number = 0;
    const auto [end, status] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (value.empty() || status != std::errc() || end != value.data() + value.size() ||
        number < 1 || number > 1000) {
      error(row, key, "not a natural number from 1 to 1000: " + model::quoted(value));
      return 0;
    }
    return number;
  }

  // The evidence of row `row` (call after reading its cells), and a fresh quote for the next.
  RegisterSource source(std::size_t row) {
    RegisterSource s{evidence_file_, table_.where(row), std::move(quote_)};
    quote_.clear();
    return s;
  }

 private:
  const DoraTable& table_;
  std::string evidence_file_;
  Diagnostics& diags_;
  std::string quote_;
};

bool is_lei_type(std::string_view type) {
  const std::string text = lower(without_prefix(type));
  return text == "lei" || text.find("lei") == 0;
}

// Reads the table of `code` if the package has it. A required table that is missing is an
// error; so is a header that does not bind.
std::optional<DoraTable> load_table(const ReportPackage& package, std::string_view code,
                                    Diagnostics& diags) {
  const DoraTemplate& spec = dora_template(code);
  const std::string file_name = lower(code) + ".csv";
  const std::string* text = package.table_text(code);
  if (text == nullptr) {
    if (spec.required) {
      diags.error(package.display(file_name), "",
                  "missing: the register has no table " + std::string(code) + " (" +
                      std::string(spec.name) + "), which msout needs");
    }
    return std::nullopt;
  }
  CsvTable table = parse_csv_table(package.display(file_name), *text, diags);
  return bind_dora_table(spec, std::move(table), diags);
}

std::string evidence_file(const ReportPackage& package, std::string_view code) {
  const std::string name = std::filesystem::path(package.origin).filename().string();
  return name + (package.archive ? ":" : "/") + package.reports_dir + lower(code) + ".csv";
}

// Reports a second row with the same key.
template <typename Key>
void check_unique(std::map<Key, std::size_t>& seen, const Key& key, RowReader& rows,
                  std::size_t row, std::string_view column, const std::string& what) {
  const auto [it, inserted] = seen.emplace(key, row);
  if (!inserted) {
    rows.error(
        row, column,
        "duplicate " + what + ": row " + std::to_string(it->second + 1) + " has the same key");
  }
}

std::vector<std::string> split_alternatives(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  const auto flush = [&] {
    const std::size_t b = current.find_first_not_of(" \t");
    const std::size_t e = current.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(current.substr(b, e - b + 1));
    current.clear();
  };
  for (char c : text) {
    if (c == ';' || c == '\n' || c == '\r' || c == '|') {
      flush();
    } else {
      current.push_back(c);
    }
  }
  flush();
  return out;
}

}  // namespace

std::string ServiceType::code() const {
  return number < 10 ? "S0" + std::to_string(number) : "S" + std::to_string(number);
}

std::string ServiceType::label() const {
  return number >= 1 && number <= 19 ? kServiceTypeLabels[number - 1] : "";
}

std::string country_code(std::string_view cell) {
  const std::string_view code = without_prefix(cell);
  if (code.size() != 2 || !std::isalpha(static_cast<unsigned char>(code[0])) ||
      !std::isalpha(static_cast<unsigned char>(code[1]))) {
    return "";
  }
  std::string out(code);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

DoraRegister read_dora_register(const ReportPackage& package) {
  Diagnostics diags;
  DoraRegister reg;
  reg.origin = std::filesystem::path(package.origin).filename().string();
  reg.taxonomy = package.taxonomy;

  std::map<std::string, std::optional<DoraTable>> tables;
  for (const DoraTemplate& spec : dora_templates()) {
    tables[std::string(spec.code)] = load_table(package, spec.code, diags);
  }
  const auto reader = [&](std::string_view code) -> std::optional<RowReader> {
    const auto& table = tables[std::string(code)];
    if (!table) return std::nullopt;
    return RowReader(*table, evidence_file(package, code), diags);
  };

  if (auto rows = reader("B_01.01")) {
    if (rows->size() != 1) {
      diags.error(rows->table().file(), "B_01.01",
                  std::to_string(rows->size()) +
                      " rows; the entity maintaining the register is one (row 1 is read)");
    }
    if (rows->size() >= 1) {
      reg.entity.lei = rows->required(0, "lei");
      if (!reg.entity.lei.empty() && !is_valid_lei(reg.entity.lei)) {
        rows->error(0, "lei", "not a valid LEI: " + model::quoted(reg.entity.lei));
      }
      reg.entity.name = one_line(rows->required(0, "name"));
      reg.entity.country = rows->country(0, "country");
      reg.entity.source = rows->source(0);
    }
  }

  std::map<std::string, std::size_t> provider_rows;
  if (auto rows = reader("B_05.01")) {
    for (std::size_t r = 0; r < rows->size(); ++r) {
      RegisterProvider p;
      p.id = rows->required(r, "provider_id");
      p.id_type = std::string(without_prefix(rows->required(r, "provider_id_type")));
      p.id_is_lei = is_lei_type(p.id_type);
      if (p.id_is_lei && !p.id.empty() && !is_valid_lei(p.id)) {
        rows->error(r, "provider_id", "typed LEI, but not a valid LEI: " + model::quoted(p.id));
      }
      p.name = one_line(rows->required(r, "provider_name"));
      p.hq_country = rows->country(r, "hq_country");
      if (p.hq_country.empty()) rows->error(r, "hq_country", "empty, but required");
      p.parent_id = rows->text(r, "parent_id");
      p.parent_is_lei = is_lei_type(rows->text(r, "parent_id_type")) ||
                        (!p.parent_id.empty() && is_valid_lei(p.parent_id));
      if (p.parent_id == p.id) p.parent_id.clear();  // its own ultimate parent
      if (!p.id.empty()) check_unique(provider_rows, p.id, *rows, r, "provider_id", "provider");
      p.source = rows->source(r);
      reg.providers.push_back(std::move(p));
    }
  }
  const auto known_provider = [&](RowReader& rows, std::size_t r, std::string_view key,
                                  const std::string& id) {
    if (!id.empty() && provider_rows.count(id) == 0 && tables["B_05.01"]) {
      rows.error(r, key,
                 "provider " + model::quoted(id) +
                     " is not in B_05.01 (ICT third-party service providers): every provider "
                     "the register refers to is listed there");
    }
  };

  std::map<std::string, std::size_t> function_rows;
  if (auto rows = reader("B_06.01")) {
    for (std::size_t r = 0; r < rows->size(); ++r) {
      RegisterFunction f;
      f.id = rows->required(r, "function_id");
      f.name = one_line(rows->required(r, "function_name"));
      if (auto v = rows->closed(r, "critical", kYesNo)) f.critical = assessed_from(*v);
      f.rto_hours = rows->hours(r, "rto");
      f.rpo_hours = rows->hours(r, "rpo");
      if (auto v = rows->closed(r, "impact", kImpact)) f.impact = std::string(*v);
      if (!f.id.empty()) check_unique(function_rows, f.id, *rows, r, "function_id", "function");
      f.source = rows->source(r);
      reg.functions.push_back(std::move(f));
    }
  }

  if (auto rows = reader("B_02.02")) {
    std::map<std::tuple<std::string, std::string, std::string, int>, std::size_t> seen;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      RegisterService s;
      s.contract = rows->required(r, "contract");
      const std::string lei = rows->text(r, "entity_lei");
      s.provider_id = rows->required(r, "provider_id");
      known_provider(*rows, r, "provider_id", s.provider_id);
      s.function_id = rows->required(r, "function_id");
      if (!s.function_id.empty() && function_rows.count(s.function_id) == 0 && tables["B_06.01"]) {
        rows->error(r, "function_id",
                    "function " + model::quoted(s.function_id) +
                        " is not in B_06.01 (functions identification)");
      }
      s.service_type = rows->service_type(r, "service_type");
      if (auto v = rows->closed(r, "reliance", kReliance)) s.reliance = reliance_from(*v);
      rows->country(r, "provision_country");
      s.data_location = rows->country(r, "data_location");
      s.processing_location = rows->country(r, "processing_location");
      if (!lei.empty() && !reg.entity.lei.empty() && lei != reg.entity.lei) {
        rows->warning(r, "entity_lei",
                      "another entity of the group (" + model::quoted(lei) +
                          "); its services are imported as the institution's own");
      }
      check_unique(
          seen, std::make_tuple(s.contract, s.provider_id, s.function_id, s.service_type.number),
          *rows, r, "contract", "arrangement (contract, provider, function, service type)");
      s.source = rows->source(r);
      reg.services.push_back(std::move(s));
    }
  }

  if (auto rows = reader("B_05.02")) {
    std::map<std::tuple<std::string, int, std::string, unsigned, std::string>, std::size_t> seen;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      SupplyChainLink link;
      link.contract = rows->required(r, "contract");
      link.service_type = rows->service_type(r, "service_type");
      link.provider_id = rows->required(r, "provider_id");
      known_provider(*rows, r, "provider_id", link.provider_id);
      link.rank = rows->natural(r, "rank");
      link.recipient_id = rows->text(r, "recipient_id");
      if (link.rank > 1 && link.recipient_id.empty()) {
        rows->error(r, "recipient_id",
                    "empty, but a subcontractor (rank above 1) names the provider it serves");
      }
      known_provider(*rows, r, "recipient_id", link.recipient_id);
      if (link.rank > 1 && link.recipient_id == link.provider_id) {
        rows->error(r, "recipient_id", "a provider cannot subcontract to itself");
      }
      check_unique(seen,
                   std::make_tuple(link.contract, link.service_type.number, link.provider_id,
                                   link.rank, link.recipient_id),
                   *rows, r, "contract", "supply-chain link");
      link.source = rows->source(r);
      reg.supply_chain.push_back(std::move(link));
    }
  }

  if (auto rows = reader("B_07.01")) {
    std::map<std::tuple<std::string, std::string, int>, std::size_t> seen;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      ServiceAssessment a;
      a.contract = rows->required(r, "contract");
      a.provider_id = rows->required(r, "provider_id");
      known_provider(*rows, r, "provider_id", a.provider_id);
      a.service_type = rows->service_type(r, "service_type");
      if (auto v = rows->closed(r, "substitutability", kSubstitutability)) {
        a.substitutability = std::string(*v);
      }
      if (auto v = rows->closed(r, "exit_plan", kYesNo)) a.exit_plan = assessed_from(*v);
      if (auto v = rows->closed(r, "reintegration", kReintegration)) {
        a.reintegration = std::string(*v);
      }
      if (auto v = rows->closed(r, "alternatives_identified", kYesNo)) {
        a.alternatives_identified = assessed_from(*v);
      }
      a.alternatives = split_alternatives(rows->text(r, "alternatives"));
      check_unique(seen, std::make_tuple(a.contract, a.provider_id, a.service_type.number), *rows,
                   r, "contract", "assessment (contract, provider, service type)");
      a.source = rows->source(r);
      reg.assessments.push_back(std::move(a));
    }
  }

  if (diags.has_errors()) throw InputError(diags.errors());
  reg.warnings = diags.warnings();
  return reg;
}

}  // namespace msout::model
