// `msout analyze <analysis>`: the analyses a risk officer asks for, each a function of its
// own (declared in commands.h) registered in kAnalyses below.
#include <iostream>
#include <string>
#include <vector>

#include "model/printable_text.h"
#include "model/suggestions.h"
#include "sim/cli/commands.h"

namespace msout::cli {
namespace {

struct Analysis {
  const char* name;
  int (*command)(const std::vector<std::string>& args);
  const char* summary;
};

// One line per analysis, in the order `msout analyze --help` lists them.
const Analysis kAnalyses[] = {
    {"blast-radius", analyze_blast_radius,
     "each entity down alone: the critical functions it takes down, ranked by people"},
    {"cut-sets", analyze_cut_sets,
     "per critical function: single points of failure and pairs that take it down"},
    {"concentration", analyze_concentration,
     "per sector: share of its functions depending on each provider; HHI"},
    {"exposure", analyze_exposure,
     "per organisation: foreign-law entities its data reaches, and how exposed"},
    {nullptr, nullptr, nullptr},  // keeps the array non-empty; skipped
};

void print_usage(std::ostream& out) {
  out << "Usage: msout analyze <analysis> [options]\n\nAnalyses:\n";
  for (const Analysis& analysis : kAnalyses) {
    if (analysis.name == nullptr) continue;
    out << "  " << analysis.name << std::string(16 - std::string(analysis.name).size(), ' ')
        << analysis.summary << "\n";
  }
  out << "\nEach takes --help, --model PATH, --whatif OVERLAY (repeatable), --format "
         "table|json|csv|html\n(cut-sets also dot), --out FILE and --out-dir DIR.\n";
}

}  // namespace

int analyze_command(const std::vector<std::string>& args) {
  if (args.empty()) {
    print_usage(std::cerr);
    throw UsageError("analyze needs an analysis");
  }
  const std::string& name = args.front();
  if (name == "-h" || name == "--help") {
    print_usage(std::cout);
    return kExitOk;
  }
  for (const Analysis& analysis : kAnalyses) {
    if (analysis.name != nullptr && name == analysis.name) {
      return analysis.command(std::vector<std::string>(args.begin() + 1, args.end()));
    }
  }
  std::vector<std::string> names;
  for (const Analysis& analysis : kAnalyses) {
    if (analysis.name != nullptr) names.emplace_back(analysis.name);
  }
  throw UsageError("unknown analysis " + model::quoted(name) + model::did_you_mean(name, names) +
                   "; msout analyze --help lists them");
}

}  // namespace msout::cli
