#include "sim/analysis/concentration_document.h"

#include <cmath>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "sim/report/document_parts.h"

namespace msout::analysis {
namespace {

using render::Cell;
using report::count_cell;
using report::count_column;
using report::decimal_value;
using report::number_column;
using report::share_cell;
using report::text_column;

// The groups in the order of the table writer: national first, then the sectors.
std::vector<const SectorConcentration*> groups(const Concentration& result) {
  std::vector<const SectorConcentration*> out{&result.national};
  for (const SectorConcentration& s : result.sectors) out.push_back(&s);
  return out;
}

// Rounded as the JSON rounds them: shares to 4 decimals, the HHI to 1.
double rounded(double value, double scale) { return std::round(value * scale) / scale; }

render::Table sectors_table(const model::Model& model, const Concentration& result) {
  render::Table table;
  table.name = "sectors";
  table.title = "Sectors";
  table.note =
      "share: the group's functions that depend on the provider; largest share: how much of "
      "the group one provider's outage can reach; HHI: Herfindahl-Hirschman index of the "
      "providers' shares of the group's function-to-provider dependencies (0-10000); people "
      "served (at least): by the group's most widely used function, capped at the "
      "population.";
  table.columns = {text_column("sector", "sector", 24),
                   count_column("functions", "functions"),
                   report::detail_column(count_column("people_served", "people served (at least)")),
                   count_column("functions_on_providers", "on a provider"),
                   number_column("largest_share", "largest share"),
                   number_column("hhi", "HHI"),
                   text_column("most_depended_on", "most depended on", 60),
                   report::detail_column(text_column("tie", "tie"))};
  for (const SectorConcentration* s : groups(result)) {
    const std::string ids = report::ids_text(model, s->most_depended_on);
    const bool tie = s->most_depended_on.size() > 1;
    table.rows.push_back(
        {Cell::plain(s->sector), count_cell(s->functions), count_cell(s->people_served),
         count_cell(s->functions_on_providers), share_cell(rounded(s->largest_share, 1e4)),
         Cell::number(std::to_string(std::lround(s->hhi)), decimal_value(rounded(s->hhi, 10))),
         Cell::number(most_depended_on_text(model, *s), ids), Cell::plain(tie ? "true" : "false")});
  }
  return table;
}

render::Table providers_table(const model::Model& model, const Concentration& result) {
  render::Table table;
  table.name = "providers";
  table.title = "Providers per group, ranked by share";
  table.note =
      "Providers with as many functions share a rank; people served (at least): by the most "
      "widely used function that depends on the provider, capped at the population; never a "
      "sum over functions (docs/report-format.md, \"People figures\").";
  table.columns = {text_column("sector", "sector", 24),
                   count_column("rank", "rank"),
                   text_column("id", "provider", 28),
                   text_column("name", "name", 40),
                   report::detail_column(text_column("kind", "kind")),
                   text_column("jurisdiction", "jurisdiction"),
                   count_column("functions", "functions"),
                   report::detail_column(count_column("of", "of")),
                   number_column("share", "share"),
                   count_column("people_served", "people served (at least)")};
  for (const SectorConcentration* s : groups(result)) {
    const std::vector<std::size_t> ranks = provider_ranks(*s);
    for (std::size_t i = 0; i < s->providers.size(); ++i) {
      const ProviderShare& p = s->providers[i];
      const model::Entity& entity = model.entities[p.provider];
      table.rows.push_back(
          {Cell::plain(s->sector), count_cell(ranks[i]), Cell::plain(entity.id),
           Cell::plain(entity.name), Cell::plain(std::string(model::to_string(entity.kind))),
           entity.jurisdiction.empty() ? Cell::number("-", "") : Cell::plain(entity.jurisdiction),
           count_cell(p.functions), count_cell(s->functions), share_cell(rounded(p.share, 1e4)),
           count_cell(p.people_served)});
    }
  }
  return table;
}

// "Provider A", or for a tie "each of Provider A and Provider B".
std::string leaders(const model::Model& model, const SectorConcentration& s) {
  std::string text = s.most_depended_on.size() > 1 ? "each of " : "";
  for (std::size_t i = 0; i < s.most_depended_on.size(); ++i) {
    const bool last = i + 1 == s.most_depended_on.size();
    text += (i == 0 ? "" : last ? " and " : ", ") + model.entities[s.most_depended_on[i]].name;
  }
  return text;
}

std::vector<std::string> headline(const model::Model& model, const Concentration& result) {
  const SectorConcentration& n = result.national;
  std::vector<std::string> lines;
  if (n.most_depended_on.empty()) {
    lines.push_back("No critical function depends on a provider.");
    return lines;
  }
  lines.push_back("Nationally, " + std::to_string(n.providers.front().functions) + " of the " +
                  report::counted(n.functions, "critical function", "critical functions") + " (" +
                  std::to_string(std::lround(n.largest_share * 100)) + "%) depend on " +
                  leaders(model, n) + "; HHI " + std::to_string(std::lround(n.hhi)) + ".");
  // The largest share, then the larger sector (100% of twenty functions says more than 100%
  // of one), then the higher HHI.
  const SectorConcentration* most = nullptr;
  for (const SectorConcentration& s : result.sectors) {
    if (most == nullptr || std::tie(s.largest_share, s.functions, s.hhi) >
                               std::tie(most->largest_share, most->functions, most->hhi)) {
      most = &s;
    }
  }
  if (most != nullptr && most->largest_share > 0) {
    lines.push_back("Most concentrated sector: " + most->sector + ", " +
                    std::to_string(std::lround(most->largest_share * 100)) + "% of its " +
                    report::counted(most->functions, "function", "functions") + " on " +
                    leaders(model, *most) + ".");
  }
  return lines;
}

}  // namespace

render::Document concentration_document(const ConcentrationInput& input,
                                        const Concentration& result) {
  const model::Model& model = *input.model;
  render::Document doc;
  doc.kind = "concentration";
  doc.json_format = kConcentrationFormat;
  doc.title = "Concentration: how many critical functions depend on each provider";
  doc.context.push_back("model: " + (model.name.empty() ? std::string("(unnamed)") : model.name) +
                        "; " + report::counted(result.national.functions, "function", "functions") +
                        "; providers: entities of kind " + provider_kinds_text(input.options) +
                        "; disputed dependencies " +
                        (input.include_disputed ? "included" : "left out"));
  for (std::string& line : report::whatif_context(input.whatif)) {
    doc.context.push_back(std::move(line));
  }
  doc.headline = headline(model, result);
  doc.blocks.push_back({sectors_table(model, result)});
  doc.blocks.push_back({providers_table(model, result)});
  return doc;
}

}  // namespace msout::analysis
