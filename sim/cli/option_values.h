// Option values checked and converted the same way in every command: a choice among fixed
// words, durations, thread counts, comma-separated lists, and ids resolved to entities.
// Usage errors throw UsageError (exit 2) naming the option, e.g. `--until: ...` or
// `--format must be table or json, not "xml"`; ids the model does not have throw
// model::InputError (exit 3) naming the option as the place: `--ids: unknown entity "azur"`.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options/variables_map.hpp>

#include "model/catalogue.h"
#include "model/diagnostics.h"
#include "model/model.h"
#include "model/scenario.h"

namespace msout::cli {

// `value`, if it is one of `allowed`; else UsageError `--OPTION must be a, b or c, not "v"`.
const std::string& require_one_of(std::string_view option, const std::string& value,
                                  std::initializer_list<std::string_view> allowed);

// The value of `option` (which must have one, e.g. a default), checked as require_one_of.
std::string one_of(const boost::program_options::variables_map& vm, const std::string& option,
                   std::initializer_list<std::string_view> allowed);

// The cores this process may run on (at least 1).
int available_cores();

// --threads: the number given, 0 meaning every core this process may run on. Bounded by
// those cores: a larger number runs on them, with a warning on standard error (results are
// identical for any number); negative is a usage error.
int thread_count(const boost::program_options::variables_map& vm);

// Seconds of the duration given to `option` ("12h", "3d"), which must be longer than zero;
// empty when the option is absent.
std::optional<std::int64_t> duration_option(const boost::program_options::variables_map& vm,
                                            const std::string& option);

// Warns (into `diags`, at each lever's place) of every lever that --until leaves out: one
// whose time comes after it, so that a report cut short never looks like the whole scenario.
void warn_levers_after_until(std::optional<std::int64_t> until,
                             const std::vector<model::Scenario>& scenarios,
                             model::Diagnostics& diags);

// The items of a list option, comma-separated or repeated alike ("a,b" --x c): empty items
// dropped, each kept once, in the order given. Empty when the option is absent; a usage
// error `--OPTION names no WHAT` when it is given but names nothing.
std::vector<std::string> list_option(const boost::program_options::variables_map& vm,
                                     const std::string& option, std::string_view what);

// Splits as list_option does, without the checks.
std::vector<std::string> split_list(const std::vector<std::string>& values);

// The entities `ids` name, in order. With `kind`, each must be of that kind. Every unknown
// id (`--OPTION: unknown entity "x" (did you mean "y"?)`) and every entity of another kind
// (`--OPTION: "app" is a service, not a function`) is reported, then one model::InputError thrown.
std::vector<std::uint32_t> resolve_entities(const model::Catalogue& names, std::string_view option,
                                            const std::vector<std::string>& ids,
                                            std::optional<model::EntityKind> kind = std::nullopt);

// The entities of a kind named as in --kind and --candidates ("provider", "service",
// "organisation", or "all": every entity but the functions), in model order.
std::vector<std::uint32_t> entities_of_kind(const model::Catalogue& names, std::string_view kind);

}  // namespace msout::cli
