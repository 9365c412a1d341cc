// msout: entry point. Dispatches to a command and maps exceptions to exit codes; the one
// place that catches everything.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options/errors.hpp>

#include "model/diagnostics.h"
#include "model/printable_text.h"
#include "model/suggestions.h"
#include "sim/cli/commands.h"

namespace {

constexpr const char* kUsage = R"(msout: Microsoft-out stress-test simulator

Propagates provider outages through a dependency model and reports which critical
functions fail, when, why, and for how many people.

Usage:
  msout run [--model PATH] [--scenario PATH]... [--until DURATION] [--format table|json]
            [--out FILE | --out-dir DIR] [--include-disputed] [--whatif OVERLAY]...
            [--focus ORGANISATION] [--summary] [--threads N]
  msout compare --whatif OVERLAY [--whatif OVERLAY]... [--baseline-whatif OVERLAY]...
            [--model PATH] [--scenario PATH]... [--until DURATION] [--format table|json]
            [--out FILE | --out-dir DIR] [--include-disputed] [--focus ORGANISATION]
            [--threads N]
  msout montecarlo [--model PATH] [--scenario PATH]... [--replications N|auto] [--seed S]
            [--at 1h,8h,1d,3d,7d] [--evidence-weights FILE] [--whatif OVERLAY]...
            [--focus ORGANISATION] [--threads N] [--format table|json|csv] [--out FILE]
            [--quiet]
  msout analyze <analysis> [options]    (msout analyze --help lists the analyses)
  msout list [entities|scenarios] [--model PATH] [--kind K] [--sector S] [--match TEXT]
  msout validate [--model PATH] PATH...
  msout generate --nodes N [--degree D] [--seed S] [--format compact|json] --out FILE
  msout import dora-roi|cyclonedx INPUT [--model PATH] [--org ID] --out OVERLAY.json
  msout --help | --version
  msout <command> --help

Commands:
  run        simulate a scenario on a model (default: the embedded Netherlands model under
             Microsoft-out) and print the report
  compare    run the model and a what-if (the model with overlays applied) under the same
             scenario and print, per critical function, what changed and by how much
  montecarlo run a scenario many times over what the sources leave open (which claims
             hold, which unnamed provider, uncertain durations) and print P(degraded / down
             by t) per critical function with its 95% interval, and which claims decide it
  analyze    analyses of the model as a whole: the blast radius of each single outage,
             single points of failure and minimal cut sets of each critical function,
             provider concentration per sector, jurisdiction exposure per organisation
  list       the model's entities with the ids the options take (by kind, sector or text),
             or the shipped scenarios by the name --scenario takes
  validate   check model, scenario and what-if overlay files; print OK or every error found
  generate   write a synthetic society graph (seeded, deterministic) for benchmarks
  import     turn an institution's register (a DORA Register of Information, a CycloneDX
             service inventory) into a what-if overlay for the model

--scenario takes a scenario file or the name of a shipped one (msout list scenarios).

Exit codes: 0 ok, 2 bad command line, 3 invalid input, 4 file not readable or writable,
70 internal error.
)";

struct Command {
  const char* name;
  int (*run)(const std::vector<std::string>& args);
};

const Command kCommands[] = {
    {"run", msout::cli::run_command},
    {"compare", msout::cli::compare_command},
    {"montecarlo", msout::cli::montecarlo_command},
    {"analyze", msout::cli::analyze_command},
    {"list", msout::cli::list_command},
    {"validate", msout::cli::validate_command},
    {"generate", msout::cli::generate_command},
    {"import", msout::cli::import_command},
};

}  // namespace

int main(int argc, char** argv) {
  using namespace msout;
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.empty()) {
      std::cerr << kUsage;
      return cli::kExitUsage;
    }
    const std::string command = args.front();
    args.erase(args.begin());
    if (command == "-h" || command == "--help" || command == "help") {
      std::cout << kUsage;
      return cli::kExitOk;
    }
    if (command == "--version") {
      std::cout << "msout " << MSOUT_VERSION << "\n";
      return cli::kExitOk;
    }
    for (const Command& c : kCommands) {
      if (command == c.name) return c.run(args);
    }
    std::vector<std::string> names;
    for (const Command& c : kCommands) names.emplace_back(c.name);
    throw cli::UsageError("unknown command " + model::quoted(command) +
                          model::did_you_mean(command, names));
  } catch (const cli::UsageError& e) {
    std::cerr << "msout: " << model::printable(e.what(), model::kDiagnosticMaxBytes)
              << "\n(see msout --help)\n";
    return cli::kExitUsage;
  } catch (const boost::program_options::error& e) {
    std::cerr << "msout: " << model::printable(e.what(), model::kDiagnosticMaxBytes)
              << "\n(see msout --help)\n";
    return cli::kExitUsage;
  } catch (const model::InputError& e) {
    for (const model::Diagnostic& d : e.diagnostics())
      std::cerr << "error: " << d.to_string() << "\n";
    return cli::kExitInvalidInput;
  } catch (const model::IoError& e) {
    std::cerr << "error: " << model::printable(e.what(), model::kDiagnosticMaxBytes) << "\n";
    return cli::kExitIo;
  } catch (const std::bad_alloc&) {
    std::cerr << "msout: out of memory\n";
    return cli::kExitInternal;
  } catch (const std::exception& e) {
    std::cerr << "msout: internal error: " << model::printable(e.what(), model::kDiagnosticMaxBytes)
              << "\n";
    return cli::kExitInternal;
  }
}
