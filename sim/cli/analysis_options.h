// The options every `msout analyze` analysis shares, declared once so that they read the
// same in every --help, and the one way an analysis writes its result:
//
//   po::options_description options = analysis_options(kHelp);   // --help, --model, --whatif
//   options.add_options()(...its own options...);
//   add_analysis_output_options(options, "also count dependencies whose evidence is disputed",
//                               kAnalysisFormats);
//   ...
//   write_analysis(vm, format, {"concentration", table_fn, json_fn, document_fn});
#pragma once

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/variables_map.hpp>

#include "sim/render/document.h"

namespace msout::cli {

// The formats of every analysis; cut-sets also draws its dependency tree as dot.
inline const std::initializer_list<std::string_view> kAnalysisFormats = {"table", "json", "csv",
                                                                         "html"};

// --help, --model and --whatif, under the analysis' help text.
boost::program_options::options_description analysis_options(const char* help);

// --include-disputed (with the analysis' own wording of it), --format (one of `formats`),
// --out and --out-dir.
void add_analysis_output_options(boost::program_options::options_description& options,
                                 const char* include_disputed_help,
                                 std::initializer_list<std::string_view> formats);

// One analysis' result in every form; only what `format` needs is built.
struct AnalysisOutput {
  std::string name;  // the file stem with --out-dir: "cut-sets" (csv: cut-sets-<table>.csv)
  std::function<std::string()> table;          // the terminal table (its own writer)
  std::function<std::string()> json;           // the versioned JSON
  std::function<render::Document()> document;  // csv, html, dot
};

// Writes the result in `format` by write_results (document_output.h): to --out, into
// --out-dir (DIR/<name>.txt, .json, .html, .dot, or one DIR/<name>-<table>.csv per table)
// or to standard output. Throws UsageError for --out with --out-dir, model::IoError on a
// failed write.
void write_analysis(const boost::program_options::variables_map& vm, const std::string& format,
                    const AnalysisOutput& output);

}  // namespace msout::cli
