// Where a command's result goes: `--out FILE`, written by the rules of model/output_file.h
// (whole or not at all; devices and /dev/stdout written straight through), else standard
// output; and for commands that take several scenarios (run, compare), `--out-dir DIR` with
// one file per scenario. A failed write is an
// error (model::IoError, exit 4), never a silently short result.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options/variables_map.hpp>

#include "model/diagnostics.h"
#include "model/scenario.h"

namespace msout::cli {

// Writes `text` to --out FILE if given, else to standard output.
void write_result(const boost::program_options::variables_map& vm, const std::string& text);

// Checks --out and --out-dir against each other and the --scenario files (one result each):
// not both; --out takes one `noun` (e.g. "report"); several results in any format but table
// need --out-dir; no
// scenario given twice; with --out-dir, no two scenario files of one name (their results
// would overwrite each other). Throws UsageError.
void check_batch_output(const boost::program_options::variables_map& vm, std::string_view format,
                        std::string_view noun);

// The file stem of a scenario's result in --out-dir: the scenario file's name without its
// extension, or "default" for the embedded scenario.
std::string result_name(const boost::program_options::variables_map& vm,
                        const model::Scenario& scenario);

// Writes one result per scenario (texts[i] is scenarios[i]'s). With --out-dir DIR each goes
// to DIR/<name>.json or .txt (by `format`), <name> being the scenario file's name without
// its extension, or "default" for the embedded scenario; DIR must exist. Otherwise as
// write_result, the results one after another with a line of '=' between them.
void write_per_scenario(const boost::program_options::variables_map& vm,
                        const std::vector<model::Scenario>& scenarios,
                        const std::vector<std::string>& texts, std::string_view format);

// Prints every warning to standard error as `warning: FILE: WHERE: MESSAGE`.
void print_warnings(const model::Diagnostics& diags);

}  // namespace msout::cli
