#include <filesystem>
#include <iostream>
#include <system_error>

#include "model/printable_text.h"
#include "model/suggestions.h"
#include "sim/cli/commands.h"

namespace msout::cli {
namespace {

namespace po = boost::program_options;

std::vector<std::string> long_names(const po::options_description& options) {
  std::vector<std::string> names;
  for (const auto& option : options.options()) names.push_back(option->long_name());
  return names;
}

bool has_option(const po::options_description& options, const std::string& name) {
  return options.find_nothrow(name, false) != nullptr;
}

// A word that is no option's value and that the command takes no place for: say so, and where
// the user evidently meant a file, which option takes it.
[[noreturn]] void reject_positional(const po::options_description& options,
                                    const std::string& word) {
  std::string message = "unexpected argument " + model::quoted(word);
  std::error_code ec;
  const bool is_directory = std::filesystem::is_directory(word, ec);
  if (has_option(options, "scenario") && !is_directory && word.ends_with(".json")) {
    message += "; to run that scenario, give it as --scenario " + model::printable(word);
  } else if (has_option(options, "model") && is_directory) {
    message += "; to use that model, give it as --model " + model::printable(word);
  } else {
    message += ": this command takes options only";
  }
  throw UsageError(message);
}

}  // namespace

bool parse_arguments(const std::vector<std::string>& args, const po::options_description& options,
                     po::variables_map& vm, const po::positional_options_description* positional) {
  po::command_line_parser parser(args);
  parser.options(options);
  // No abbreviations: `--out` must never quietly mean `--out-dir`, nor `--s` `--scenario`.
  parser.style(po::command_line_style::default_style & ~po::command_line_style::allow_guessing);
  if (positional != nullptr) parser.positional(*positional);
  po::parsed_options parsed(&options);
  try {
    parsed = parser.run();
  } catch (const po::unknown_option& e) {
    std::string name = e.get_option_name();
    std::string bare = name;
    while (bare.starts_with('-')) bare.erase(0, 1);
    throw UsageError("unrecognised option " + model::quoted(name) +
                     model::did_you_mean(bare, long_names(options), "--"));
  }
  // Without a positional description, boost keeps the stray words with an empty key and
  // store() would drop them without a word.
  for (const po::basic_option<char>& option : parsed.options) {
    if (option.string_key.empty() && !option.value.empty()) {
      reject_positional(options, option.value.front());
    }
  }
  po::store(parsed, vm);
  po::notify(vm);
  if (vm.count("help") == 0) return true;
  std::cout << options << "\n";
  return false;
}

}  // namespace msout::cli
