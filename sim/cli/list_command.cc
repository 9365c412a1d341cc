// `msout list`: the ids a user must type (--focus, --function, --ids, selectors) and the
// scenarios shipped with msout, so that nobody has to read the model's JSON to find them.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "model/printable_text.h"
#include "model/scenario_loader.h"
#include "model/suggestions.h"
#include "sim/cli/command_output.h"
#include "sim/cli/commands.h"
#include "sim/cli/document_output.h"
#include "sim/cli/embedded_defaults.h"
#include "sim/cli/model_input.h"
#include "sim/cli/option_values.h"
#include "sim/report/text_table.h"

namespace msout::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kListHelp = R"(Usage: msout list [entities] [options]
       msout list scenarios [--format table|json|csv|html]

Lists the model's entities with the ids that --focus, --function, --ids, --organisation and
scenario selectors take (default: the embedded Netherlands model), filtered by kind, sector
or text; or the scenarios shipped with msout, by the name --scenario takes (for example
`msout run --scenario aws-out`).

Options)";

// Terminal tables stay within this many columns: the name column gets what the others leave.
constexpr std::size_t kTableWidth = 120;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int list_scenarios(const po::variables_map& vm, const std::string& format) {
  const std::vector<model::SourceText> sources = embedded_scenarios();
  std::vector<model::Scenario> scenarios;
  for (const model::SourceText& source : sources) scenarios.push_back(model::load_scenario(source));
  Result result{"scenarios", "", {}};
  render::Document& doc = result.document;
  doc.kind = "list";
  doc.json_format = "msout-list/1";
  doc.title = "msout list: the scenarios shipped for the Netherlands model";
  doc.headline.push_back(std::to_string(scenarios.size()) +
                         " scenarios; run one by its name: msout run --scenario NAME.");
  render::Table listed;
  listed.name = "scenarios";
  listed.title = "Shipped scenarios";
  listed.columns = {{"name", "name", render::ColumnType::kText},
                    {"horizon_s", "horizon", render::ColumnType::kDuration},
                    {"levers", "levers", render::ColumnType::kCount},
                    {"title", "scenario", render::ColumnType::kText},
                    {"file", "file", render::ColumnType::kText}};
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    listed.rows.push_back({render::Cell::plain(shipped_scenario_name(sources[i])),
                           render::Cell::number(model::format_duration(scenarios[i].horizon),
                                                std::to_string(scenarios[i].horizon.seconds)),
                           render::Cell::plain(std::to_string(scenarios[i].levers.size())),
                           render::Cell::plain(scenarios[i].name),
                           render::Cell::plain(scenarios[i].file)});
  }
  doc.blocks.push_back({std::move(listed)});
  std::string& text = result.text;
  if (format == "json") {
    nlohmann::json out = {{"format", "msout-list/1"}, {"scenarios", nlohmann::json::array()}};
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
      out["scenarios"].push_back({{"name", shipped_scenario_name(sources[i])},
                                  {"title", scenarios[i].name},
                                  {"file", scenarios[i].file},
                                  {"horizon_s", scenarios[i].horizon.seconds},
                                  {"levers", scenarios[i].levers.size()}});
    }
    text = out.dump(2) + "\n";
  } else if (format == "table") {
    report::TextTable table({"name", "horizon", "levers", "scenario"});
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
      table.add({shipped_scenario_name(sources[i]), model::format_duration(scenarios[i].horizon),
                 std::to_string(scenarios[i].levers.size()),
                 report::clipped(model::printable(scenarios[i].name), 70)});
    }
    text = "SHIPPED SCENARIOS (for the Netherlands model; msout run --scenario NAME)\n" +
           table.render("  ");
  }
  write_results(vm, {result}, format);
  return kExitOk;
}

int list_entities(const po::variables_map& vm, const std::string& format) {
  const PatchedModel input = load_patched_model(vm);
  const model::Model& model = input.model;
  std::optional<model::EntityKind> kind;
  if (vm.count("kind") != 0) {
    const std::string word = vm["kind"].as<std::string>();
    kind = model::entity_kind_from(word);
    if (!kind) {
      require_one_of("kind", word, {"provider", "service", "organisation", "function"});
    }
  }
  const std::string sector = vm.count("sector") != 0 ? lower(vm["sector"].as<std::string>()) : "";
  const std::string match = vm.count("match") != 0 ? lower(vm["match"].as<std::string>()) : "";
  std::vector<const model::Entity*> shown;
  std::vector<std::string> sectors;
  for (const model::Entity& e : model.entities) {
    if (!e.sector.empty() && std::find(sectors.begin(), sectors.end(), e.sector) == sectors.end()) {
      sectors.push_back(e.sector);
    }
    if (kind && e.kind != *kind) continue;
    if (!sector.empty() && lower(e.sector) != sector) continue;
    if (!match.empty() && lower(e.id).find(match) == std::string::npos &&
        lower(e.name).find(match) == std::string::npos) {
      continue;
    }
    shown.push_back(&e);
  }
  if (!sector.empty() && std::none_of(sectors.begin(), sectors.end(),
                                      [&](const std::string& s) { return lower(s) == sector; })) {
    throw UsageError("--sector: the model has no sector " + model::quoted(sector) +
                     model::did_you_mean(sector, sectors));
  }
  Result result{"entities", "", {}};
  render::Document& doc = result.document;
  doc.kind = "list";
  doc.json_format = "msout-list/1";
  doc.title = "msout list: entities of " + model.name;
  doc.headline.push_back(std::to_string(shown.size()) + " of " +
                         std::to_string(model.entities.size()) + " entities.");
  render::Table listed;
  listed.name = "entities";
  listed.title = "Entities";
  listed.columns = {{"id", "id", render::ColumnType::kText},
                    {"kind", "kind", render::ColumnType::kText},
                    {"sector", "sector", render::ColumnType::kText},
                    {"jurisdiction", "jurisdiction", render::ColumnType::kText},
                    {"name", "name", render::ColumnType::kText}};
  for (const model::Entity* e : shown) {
    listed.rows.push_back({render::Cell::plain(e->id),
                           render::Cell::plain(std::string(model::to_string(e->kind))),
                           render::Cell::plain(e->sector), render::Cell::plain(e->jurisdiction),
                           render::Cell::plain(e->name)});
  }
  doc.blocks.push_back({std::move(listed)});
  std::string& text = result.text;
  if (format == "json") {
    nlohmann::json out = {
        {"format", "msout-list/1"}, {"model", model.name}, {"entities", nlohmann::json::array()}};
    for (const model::Entity* e : shown) {
      out["entities"].push_back({{"id", e->id},
                                 {"name", e->name},
                                 {"kind", model::to_string(e->kind)},
                                 {"sector", e->sector},
                                 {"jurisdiction", e->jurisdiction}});
    }
    text = out.dump(2) + "\n";
  } else if (format == "table") {
    report::TextTable table({"id", "kind", "sector", "jur.", "name"});
    std::vector<std::vector<std::string>> rows;
    std::size_t fixed = 0;  // the widest id, kind, sector and jurisdiction, with the gaps
    std::size_t widths[4] = {2, 4, 6, 4};
    for (const model::Entity* e : shown) {
      rows.push_back({model::printable(e->id), std::string(model::to_string(e->kind)),
                      model::printable(e->sector), model::printable(e->jurisdiction),
                      model::printable(e->name)});
      for (std::size_t c = 0; c < 4; ++c) {
        widths[c] = std::max(widths[c], report::display_width(rows.back()[c]));
      }
    }
    for (std::size_t w : widths) fixed += w + 2;
    const std::size_t name_width = fixed + 2 + 20 < kTableWidth ? kTableWidth - fixed - 2 : 20;
    for (std::vector<std::string>& row : rows) {
      row[4] = report::clipped(row[4], name_width);
      table.add(std::move(row));
    }
    text = "ENTITIES of " + model::printable(model.name) + ": " + std::to_string(shown.size()) +
           " of " + std::to_string(model.entities.size()) + "\n" + table.render("  ");
  }
  write_results(vm, {result}, format);
  return kExitOk;
}

}  // namespace

int list_command(const std::vector<std::string>& args) {
  po::options_description options(kListHelp);
  // One option per line reads best.
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("what", po::value<std::string>()->default_value("entities"),
       "entities or scenarios (may be given without the option name)")
      ("model,m", po::value<std::string>(), "model file, or directory of model files")
      ("whatif", po::value<std::vector<std::string>>(), kWhatifOptionHelp)
      ("kind,k", po::value<std::string>(),
       "only entities of this kind: provider, service, organisation or function")
      ("sector", po::value<std::string>(), "only entities of this sector (e.g. healthcare)")
      ("match", po::value<std::string>(),
       "only entities whose id or name contains this text (case does not matter)")
      ("format,f", po::value<std::string>()->default_value("table"),
       format_help({"table", "json", "csv", "html"}).c_str())
      ("out,o", po::value<std::string>(),
       "write the list to FILE (whole or not at all) instead of standard output");
  // clang-format on
  po::positional_options_description positional;
  positional.add("what", 1);
  po::variables_map vm;
  if (!parse_arguments(args, options, vm, &positional)) return kExitOk;
  const std::string format = report_format(vm, {"table", "json", "csv", "html"});
  const std::string what = one_of(vm, "what", {"entities", "scenarios"});
  if (what == "scenarios") {
    for (const char* option : {"model", "whatif", "kind", "sector", "match"}) {
      if (vm.count(option) != 0) {
        throw UsageError("--" + std::string(option) +
                         " filters entities; msout list scenarios lists the shipped scenarios");
      }
    }
    return list_scenarios(vm, format);
  }
  return list_entities(vm, format);
}

}  // namespace msout::cli
