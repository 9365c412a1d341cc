#include "sim/analysis/concentration.h"

#include <algorithm>
#include <map>

#include "sim/report/people_figures.h"

namespace msout::analysis {
namespace {

// Tallies of one group of functions while they are counted. People are never summed over
// functions: the largest people_served is kept, and capped at the population when finished.
struct Tally {
  std::uint32_t functions = 0;
  std::uint64_t widest = 0;
  std::uint32_t functions_on_providers = 0;
  std::map<std::uint32_t, ProviderShare> providers;  // by entity index

  void add(const model::Entity& function, const std::vector<std::uint32_t>& reached) {
    ++functions;
    widest = std::max(widest, function.people_served);
    if (!reached.empty()) ++functions_on_providers;
    for (std::uint32_t p : reached) {
      ProviderShare& s = providers[p];
      s.provider = p;
      ++s.functions;
      s.people_served = std::max(s.people_served, function.people_served);
    }
  }

  SectorConcentration finish(const model::Model& model, std::string sector) const {
    SectorConcentration out;
    out.sector = std::move(sector);
    out.functions = functions;
    out.people_served = report::capped_to_population(widest, model.population);
    out.functions_on_providers = functions_on_providers;
    std::uint64_t dependencies = 0;
    for (const auto& [index, share] : providers) {
      out.providers.push_back(share);
      out.providers.back().people_served =
          report::capped_to_population(share.people_served, model.population);
      dependencies += share.functions;
    }
    for (ProviderShare& s : out.providers) {
      s.share = static_cast<double>(s.functions) / functions;
      const double of_dependencies = static_cast<double>(s.functions) / dependencies;
      out.hhi += 10000.0 * of_dependencies * of_dependencies;
      out.largest_share = std::max(out.largest_share, s.share);
    }
    std::sort(out.providers.begin(), out.providers.end(),
              [&](const ProviderShare& a, const ProviderShare& b) {
                if (a.functions != b.functions) return a.functions > b.functions;
                return model.entities[a.provider].id < model.entities[b.provider].id;
              });
    for (const ProviderShare& s : out.providers) {
      if (s.functions != out.providers.front().functions) break;
      out.most_depended_on.push_back(s.provider);
    }
    return out;
  }
};

// Entities of a provider kind reachable from `from` (itself excluded), ascending. `stamp`
// and `generation` make the visited set reusable without clearing it.
std::vector<std::uint32_t> providers_reached(const model::FrozenGraph& graph,
                                             const std::vector<bool>& is_provider,
                                             std::uint32_t from, std::vector<std::uint32_t>& stamp,
                                             std::uint32_t generation) {
  std::vector<std::uint32_t> found;
  std::vector<std::uint32_t> stack = {from};
  stamp[from] = generation;
  while (!stack.empty()) {
    const std::uint32_t node = stack.back();
    stack.pop_back();
    for (const model::FrozenRequirement& r : graph.requirements_of(node)) {
      for (const model::FrozenEdge& e : graph.members(r)) {
        if (stamp[e.dependency] == generation) continue;
        stamp[e.dependency] = generation;
        if (is_provider[e.dependency]) found.push_back(e.dependency);
        stack.push_back(e.dependency);
      }
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

Concentration compute_concentration(const model::Model& model, const model::FrozenGraph& graph,
                                    const ConcentrationOptions& options) {
  const std::uint32_t n = graph.node_count();
  std::vector<bool> is_provider(n, false);
  for (std::uint32_t i = 0; i < n; ++i) {
    const model::EntityKind kind = model.entities[i].kind;
    is_provider[i] = std::find(options.provider_kinds.begin(), options.provider_kinds.end(),
                               kind) != options.provider_kinds.end();
  }
  std::map<std::string, Tally> by_sector;
  Tally national;
  std::vector<std::uint32_t> stamp(n, 0);
  std::uint32_t generation = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const model::Entity& entity = model.entities[i];
    if (entity.kind != model::EntityKind::kFunction) continue;
    const std::vector<std::uint32_t> reached =
        providers_reached(graph, is_provider, i, stamp, ++generation);
    by_sector[entity.sector.empty() ? kNoSector : entity.sector].add(entity, reached);
    national.add(entity, reached);
  }
  Concentration out;
  for (const auto& [sector, tally] : by_sector) {
    if (sector != kNoSector) out.sectors.push_back(tally.finish(model, sector));
  }
  if (auto it = by_sector.find(kNoSector); it != by_sector.end()) {
    out.sectors.push_back(it->second.finish(model, kNoSector));
  }
  out.national = national.finish(model, "(all)");
  return out;
}

}  // namespace msout::analysis
