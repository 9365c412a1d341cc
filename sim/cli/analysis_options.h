// The options every `msout analyze` analysis shares, declared once so that they read the
// same in every --help:
//
//   po::options_description options = analysis_options(kHelp);   // --help, --model, --whatif
//   options.add_options()(...its own options...);
//   add_analysis_output_options(options, "also count dependencies whose evidence is disputed");
#pragma once

#include <boost/program_options/options_description.hpp>

namespace msout::cli {

// --help, --model and --whatif, under the analysis' help text.
boost::program_options::options_description analysis_options(const char* help);

// --include-disputed (with the analysis' own wording of it), --format and --out.
void add_analysis_output_options(boost::program_options::options_description& options,
                                 const char* include_disputed_help);

}  // namespace msout::cli
