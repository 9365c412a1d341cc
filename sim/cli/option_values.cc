#include "sim/cli/option_values.h"

#include <algorithm>
#include <iostream>
#include <sstream>

#include <tbb/info.h>

#include "model/diagnostics.h"
#include "model/duration.h"
#include "model/printable_text.h"
#include "model/suggestions.h"
#include "sim/cli/commands.h"

namespace msout::cli {
namespace {

// "a, b or c"
std::string alternatives(std::initializer_list<std::string_view> allowed) {
  std::string text;
  std::size_t i = 0;
  for (std::string_view word : allowed) {
    if (i > 0) text += i + 1 == allowed.size() ? " or " : ", ";
    text += word;
    ++i;
  }
  return text;
}

// "a service", "an organisation"
std::string with_article(model::EntityKind kind) {
  const std::string word(model::to_string(kind));
  return (word.find_first_of("aeiou") == 0 ? "an " : "a ") + word;
}

}  // namespace

const std::string& require_one_of(std::string_view option, const std::string& value,
                                  std::initializer_list<std::string_view> allowed) {
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
    throw UsageError("--" + std::string(option) + " must be " + alternatives(allowed) + ", not \"" +
                     value + "\"");
  }
  return value;
}

std::string one_of(const boost::program_options::variables_map& vm, const std::string& option,
                   std::initializer_list<std::string_view> allowed) {
  return require_one_of(option, vm[option].as<std::string>(), allowed);
}

int available_cores() {
  // The cores this process may run on (its affinity mask: under mpirun each rank is bound
  // to its own), not every core of the machine.
  return std::max(1, tbb::info::default_concurrency());
}

int thread_count(const boost::program_options::variables_map& vm) {
  const int threads = vm["threads"].as<int>();
  if (threads < 0) throw UsageError("--threads must be 0 (all cores) or more");
  const int cores = available_cores();
  if (threads == 0) return cores;
  if (threads > cores) {
    // More workers than cores only costs: oneTBB would not start them, and the parallel
    // scheduler's partitions (and their pairwise outboxes) grow with the count.
    std::cerr << "warning: --threads " << threads << " is more than the " << cores
              << (cores == 1 ? " core" : " cores") << " this process may use; using " << cores
              << " (results are identical for any number)\n";
    return cores;
  }
  return threads;
}

std::optional<std::int64_t> duration_option(const boost::program_options::variables_map& vm,
                                            const std::string& option) {
  if (vm.count(option) == 0) return std::nullopt;
  const model::DurationParse parsed = model::parse_duration(vm[option].as<std::string>());
  if (!parsed.value) throw UsageError("--" + option + ": " + parsed.error);
  if (parsed.value->seconds == 0) throw UsageError("--" + option + " must be longer than zero");
  return parsed.value->seconds;
}

std::vector<std::string> split_list(const std::vector<std::string>& values) {
  std::vector<std::string> items;
  for (const std::string& value : values) {
    std::istringstream stream(value);
    for (std::string item; std::getline(stream, item, ',');) {
      if (!item.empty() && std::find(items.begin(), items.end(), item) == items.end()) {
        items.push_back(item);
      }
    }
  }
  return items;
}

std::vector<std::string> list_option(const boost::program_options::variables_map& vm,
                                     const std::string& option, std::string_view what) {
  if (vm.count(option) == 0) return {};
  std::vector<std::string> items = split_list(vm[option].as<std::vector<std::string>>());
  if (items.empty()) throw UsageError("--" + option + " names no " + std::string(what));
  return items;
}

std::vector<std::uint32_t> resolve_entities(const model::Catalogue& names, std::string_view option,
                                            const std::vector<std::string>& ids,
                                            std::optional<model::EntityKind> kind) {
  const std::string where = "--" + std::string(option);
  model::Diagnostics diags;
  std::vector<std::uint32_t> entities;
  std::vector<std::string> known;  // the ids to suggest from, gathered on the first miss
  for (const std::string& id : ids) {
    const auto index = names.find(id);
    if (!index) {
      if (known.empty()) {
        for (std::uint32_t e = 0; e < names.size(); ++e) {
          if (!kind || names.kind(e) == *kind) known.emplace_back(names.id(e));
        }
      }
      diags.error(where, "",
                  "unknown entity " + model::quoted(id) + model::did_you_mean(id, known) +
                      " (msout list shows the ids)");
    } else if (kind && names.kind(*index) != *kind) {
      diags.error(where, "",
                  model::quoted(id) + " is " + with_article(names.kind(*index)) + ", not " +
                      with_article(*kind));
    } else {
      entities.push_back(*index);
    }
  }
  if (diags.has_errors()) throw model::InputError(diags.errors());
  return entities;
}

std::vector<std::uint32_t> entities_of_kind(const model::Catalogue& names, std::string_view kind) {
  std::vector<std::uint32_t> entities;
  for (std::uint32_t e = 0; e < names.size(); ++e) {
    const model::EntityKind k = names.kind(e);
    if (kind == "all" ? k != model::EntityKind::kFunction : model::to_string(k) == kind) {
      entities.push_back(e);
    }
  }
  return entities;
}

void warn_levers_after_until(std::optional<std::int64_t> until,
                             const std::vector<model::Scenario>& scenarios,
                             model::Diagnostics& diags) {
  if (!until) return;
  const std::string until_text = model::format_duration(model::Duration{*until});
  for (const model::Scenario& scenario : scenarios) {
    for (const model::Lever& lever : scenario.levers) {
      if (lever.at.seconds <= *until) continue;
      diags.warning(lever.place.file, lever.place.pointer,
                    "lever " + model::quoted(lever.id) + " at " + model::format_duration(lever.at) +
                        " comes after --until " + until_text + ": it is not simulated");
    }
  }
}

}  // namespace msout::cli
