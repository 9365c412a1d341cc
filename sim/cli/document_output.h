// The one place where a command's results meet the formats: every command that reports
// builds, per result, its neutral form (render::Document) and, for --format json, its own
// versioned JSON text; write_results renders the chosen format and writes it by the rules of
// command_output.h (--out, --out-dir, standard output; whole files or nothing).
//
//   const std::string format = report_format(vm, {"table", "json", "csv", "html", "dot"});
//   check_batch_output(vm, format, "report");
//   std::vector<Result> results;
//   results.push_back({name, format == "json" ? json_report(r) : "", build_document(r)});
//
// (`text` is the JSON, which each result writes itself; a command whose terminal table is
// not yet drawn from its document puts that table there.)
//   write_results(vm, results, format);
//
// Files: table .txt, json .json, html .html, dot .dot; csv writes one file per table and
// chart, DIR/<name>-<table>.csv with --out-dir (docs/report-format.md lists the tables of
// each command). Without --out-dir, csv writes the first table to --out or standard output
// and names the others on standard error (they need --out-dir).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options/variables_map.hpp>

#include "sim/render/document.h"

namespace msout::cli {

struct Result {
  std::string name;  // the file stem with --out-dir: the scenario file's stem, or "default"
  // The result already in the chosen format, where the command writes that format itself:
  // its versioned JSON for --format json (always), or a terminal table the command still
  // writes on its own. Empty: the format is rendered from `document`.
  std::string text;
  render::Document document;  // everything the other formats show
};

// The help text of --format for a command that offers `formats`.
std::string format_help(std::initializer_list<std::string_view> formats);

// The --format value, checked against `formats` (UsageError naming them otherwise).
std::string report_format(const boost::program_options::variables_map& vm,
                          std::initializer_list<std::string_view> formats);

// Renders each result in `format` and writes it. Several results go to --out-dir, one file
// (or, for csv, one per table) each; without --out-dir, tables are written one after another
// and other formats need one result. dot needs a document with a graph (UsageError
// otherwise, naming the commands that draw one). Throws model::IoError on a failed write.
void write_results(const boost::program_options::variables_map& vm,
                   const std::vector<Result>& results, std::string_view format);

}  // namespace msout::cli
