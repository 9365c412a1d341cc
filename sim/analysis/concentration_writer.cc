#include "sim/analysis/concentration_writer.h"

#include <cmath>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sim/report/json_parts.h"
#include "sim/report/people_figures.h"
#include "sim/report/text_table.h"

namespace msout::analysis {
namespace {

using Json = nlohmann::ordered_json;

std::string percent(double share) { return std::to_string(std::lround(share * 100)) + "%"; }

double rounded(double value, double scale) { return std::round(value * scale) / scale; }

std::string providers_table(const model::Model& model, const SectorConcentration& s) {
  if (s.providers.empty()) return "  no provider is depended on\n";
  report::TextTable table(
      {"rank", "provider", "jurisdiction", "functions", "share", "people served (at least)"});
  const std::vector<std::size_t> ranks = provider_ranks(s);
  for (std::size_t i = 0; i < s.providers.size(); ++i) {
    const ProviderShare& p = s.providers[i];
    const model::Entity& entity = model.entities[p.provider];
    table.add({std::to_string(ranks[i]), entity.name,
               entity.jurisdiction.empty() ? "-" : entity.jurisdiction,
               std::to_string(p.functions) + " of " + std::to_string(s.functions), percent(p.share),
               report::grouped(p.people_served)});
  }
  return table.render("  ");
}

Json sector_json(const model::Model& model, const SectorConcentration& s) {
  Json out;
  out["sector"] = s.sector;
  out["functions"] = s.functions;
  out["people_served"] = s.people_served;
  out["functions_on_providers"] = s.functions_on_providers;
  out["largest_share"] = rounded(s.largest_share, 1e4);
  out["hhi"] = rounded(s.hhi, 10);
  Json most = Json::array();
  for (std::uint32_t p : s.most_depended_on) most.push_back(model.entities[p].id);
  out["most_depended_on"] = std::move(most);
  out["tie"] = s.most_depended_on.size() > 1;
  Json providers = Json::array();
  for (const ProviderShare& p : s.providers) {
    const model::Entity& entity = model.entities[p.provider];
    providers.push_back({{"id", entity.id},
                         {"name", entity.name},
                         {"kind", model::to_string(entity.kind)},
                         {"jurisdiction", entity.jurisdiction},
                         {"functions", p.functions},
                         {"share", rounded(p.share, 1e4)},
                         {"people_served", p.people_served}});
  }
  out["providers"] = std::move(providers);
  return out;
}

}  // namespace

std::string provider_kinds_text(const ConcentrationOptions& options) {
  std::string text;
  for (model::EntityKind kind : options.provider_kinds) {
    text += (text.empty() ? "" : ", ") + std::string(model::to_string(kind));
  }
  return text;
}

std::string most_depended_on_text(const model::Model& model, const SectorConcentration& s) {
  if (s.most_depended_on.empty()) return "-";
  std::string text = s.most_depended_on.size() > 1 ? "tie: " : "";
  for (std::size_t i = 0; i < s.most_depended_on.size(); ++i) {
    text += (i == 0 ? "" : ", ") + model.entities[s.most_depended_on[i]].name;
  }
  return text;
}

std::vector<std::size_t> provider_ranks(const SectorConcentration& s) {
  std::vector<std::size_t> ranks;
  for (std::size_t i = 0; i < s.providers.size(); ++i) {
    const bool tied = i > 0 && s.providers[i].functions == s.providers[i - 1].functions;
    ranks.push_back(tied ? ranks.back() : i + 1);
  }
  return ranks;
}

std::string concentration_table(const ConcentrationInput& input, const Concentration& result) {
  const model::Model& model = *input.model;
  std::ostringstream out;
  out << "CONCENTRATION: how many critical functions depend on each provider\n"
      << "Model: " << (model.name.empty() ? "(unnamed)" : model.name) << "; "
      << result.national.functions << " functions; providers: entities of kind "
      << provider_kinds_text(input.options) << "; disputed dependencies "
      << (input.include_disputed ? "included" : "left out") << "\n"
      << report::whatif_lines(input.whatif, "  ")
      << "A function depends on a provider when the provider can be reached through its\n"
      << "requirements (members of any and k-of-n groups included). share: the sector's\n"
      << "functions that depend on the provider; largest share: how much of the sector one\n"
      << "provider's outage can reach; HHI: Herfindahl-Hirschman index of the providers' shares\n"
      << "of the sector's function-to-provider dependencies (0-10000; see docs/analyses.md).\n"
      << "people served (at least): the people served by the most widely used function that\n"
      << "depends on the provider; never a sum over functions (docs/analyses.md).\n"
      << report::population_text(model.population) << "\n";

  out << "\nSECTORS\n";
  report::TextTable sectors(
      {"sector", "functions", "on a provider", "largest share", "HHI", "most depended on"});
  auto add_line = [&](const SectorConcentration& s) {
    sectors.add({s.sector, std::to_string(s.functions), std::to_string(s.functions_on_providers),
                 percent(s.largest_share), std::to_string(std::lround(s.hhi)),
                 most_depended_on_text(model, s)});
  };
  add_line(result.national);
  for (const SectorConcentration& s : result.sectors) add_line(s);
  out << sectors.render("  ");

  out << "\nNATIONAL: all " << result.national.functions << " functions\n"
      << providers_table(model, result.national);
  for (const SectorConcentration& s : result.sectors) {
    out << "\nSECTOR " << s.sector << ": " << s.functions << " function"
        << (s.functions == 1 ? "" : "s") << ", HHI " << std::lround(s.hhi) << "\n"
        << providers_table(model, s);
  }
  return out.str();
}

std::string concentration_json(const ConcentrationInput& input, const Concentration& result) {
  const model::Model& model = *input.model;
  Json root;
  root["format"] = kConcentrationFormat;
  root["model"] = {{"name", model.name},
                   {"files", model.files},
                   {"population", report::population_json(model.population)}};
  root["whatif"] = report::whatif_json(input.whatif);
  Json kinds = Json::array();
  for (model::EntityKind kind : input.options.provider_kinds)
    kinds.push_back(model::to_string(kind));
  root["provider_kinds"] = std::move(kinds);
  root["include_disputed"] = input.include_disputed;
  root["national"] = sector_json(model, result.national);
  Json sectors = Json::array();
  for (const SectorConcentration& s : result.sectors) sectors.push_back(sector_json(model, s));
  root["sectors"] = std::move(sectors);
  return root.dump(2) + "\n";
}

}  // namespace msout::analysis
