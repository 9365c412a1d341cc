// DoraRegister: what msout reads of a DORA Register of Information (the institution, its
// ICT third-party providers and their supply chains, its functions, which services of which
// provider support which function, and the institution's assessment of those services), as
// checked, typed records that still know the file, table, row and columns they came from.
//
// read_dora_register() binds each table's columns (model/import/dora_templates.h), checks
// every cell it uses and every key, and collects all problems with the file, table, row and
// column: a missing required table or column, a duplicate key, a reference to a provider or
// function that the register does not list, an unknown code (service type, reliance,
// yes/no, country), a non-numeric RTO or rank. It throws one InputError with all of them.
//
//   DoraRegister reg = read_dora_register(read_report_package("bank.zip"));
//   for (const RegisterService& s : reg.services) link(s.function_id, s.provider_id);
//
// Thread-safe (no shared state); a DoraRegister is a plain value.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/import/report_package.h"

namespace msout::model {

// Where a record comes from, for the evidence of what is built from it.
struct RegisterSource {
  std::string file;   // "bank.zip:reports/b_05.01.csv", the package named by its file name
  std::string where;  // "B_05.01 row 2 (line 3)"
  std::string quote;  // the cells used, as "c0050 = Microsoft Ireland Operations Limited; …"
};

// The types of ICT services of the regulation's Annex III, S01 … S19.
struct ServiceType {
  int number = 0;             // 1 … 19
  std::string code() const;   // "S17"
  std::string label() const;  // "Cloud services: IaaS"
};

enum class Reliance { kUnknown, kNotSignificant, kLow, kMaterial, kFull };
enum class Assessed { kUnknown, kYes, kNo, kNotPerformed };

struct RegisterEntity {
  std::string lei;
  std::string name;
  std::string country;  // "NL"; may be empty
  RegisterSource source;
};

struct RegisterProvider {
  std::string id;       // identification code, as written
  std::string id_type;  // "LEI", "EUID", ... as written, prefix removed
  bool id_is_lei = false;
  std::string name;
  std::string hq_country;  // "US"
  std::string parent_id;   // ultimate parent; empty if the provider is its own
  bool parent_is_lei = false;
  RegisterSource source;
};

struct RegisterFunction {
  std::string id;  // "F1"
  std::string name;
  Assessed critical = Assessed::kUnknown;
  std::optional<double> rto_hours;
  std::optional<double> rpo_hours;
  std::string impact;  // "high", ... or empty
  RegisterSource source;
};

// One row of B_02.02: the institution uses `service_type` of `provider_id` for `function_id`
// under `contract`.
struct RegisterService {
  std::string contract;
  std::string provider_id;
  std::string function_id;
  ServiceType service_type;
  Reliance reliance = Reliance::kUnknown;
  std::string data_location;        // country of the data at rest, may be empty
  std::string processing_location;  // country where the data are managed, may be empty
  RegisterSource source;
};

// One row of B_05.02: in the supply chain of `contract`'s `service_type`, `provider_id` has
// rank `rank`; above rank 1 it subcontracts for `recipient_id`.
struct SupplyChainLink {
  std::string contract;
  ServiceType service_type;
  std::string provider_id;
  unsigned rank = 1;
  std::string recipient_id;
  RegisterSource source;
};

// One row of B_07.01.
struct ServiceAssessment {
  std::string contract;
  std::string provider_id;
  ServiceType service_type;
  std::string substitutability;  // "not substitutable", ... or empty
  Assessed exit_plan = Assessed::kUnknown;
  std::string reintegration;  // "easy", "difficult", "highly complex" or empty
  Assessed alternatives_identified = Assessed::kUnknown;
  std::vector<std::string> alternatives;  // as written: LEIs or names
  RegisterSource source;
};

struct DoraRegister {
  std::string origin;    // the package's file name ("bank.zip")
  std::string taxonomy;  // the module report.json extends, or ""
  RegisterEntity entity;
  std::vector<RegisterProvider> providers;
  std::vector<RegisterFunction> functions;
  std::vector<RegisterService> services;
  std::vector<SupplyChainLink> supply_chain;
  std::vector<ServiceAssessment> assessments;
  std::vector<Diagnostic> warnings;  // kept for the import's summary
};

// Reads and checks the register; throws InputError with every problem found.
DoraRegister read_dora_register(const ReportPackage& package);

// "eba_GA:NL" or "NL" -> "NL"; "" when `cell` is no country code.
std::string country_code(std::string_view cell);

}  // namespace msout::model
