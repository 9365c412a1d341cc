// Concentration: how many of a sector's critical functions depend on each provider — the
// white paper's third risk, systemic risk ("Door concentratie bij een beperkt aantal
// providers ontstaat er een systeemrisico"; seeds/003, chapter 3C).
//
// A function *depends on* an entity when the entity can be reached from it through
// requirements, transitively, through entities of every kind: a member of an any or k-of-n
// group counts like a single dependency, and cycles are fine. This is reachability, not
// failure: a function with a redundant pair depends on both members although neither takes
// it down alone (the blast-radius and cut-set analyses answer that).
//
// For a group of functions (a sector, or all of them: the national line), with n functions:
//   share(p)      = functions of the group that depend on provider p / n
//   largest share = max over p of share(p): the part of the sector one provider's outage
//                   can reach — the headline ("treft dan niet één ziekenhuis, maar
//                   potentieel tientallen tegelijk")
//   HHI           = 10000 * sum over p of (d(p) / D)^2, with d(p) the functions depending on
//                   p and D = sum of d over all providers: the Herfindahl–Hirschman index of
//                   the providers' shares of the group's function→provider dependencies, on
//                   the usual 0–10000 scale (10000: every dependency is on one provider;
//                   0 when there are none). It says how the dependencies are spread, the
//                   way the white paper's market shares (Azure 67%, AWS 25%, Google 8%:
//                   HHI 5178) do; the largest share says how far one outage reaches.
//
//   Concentration c = compute_concentration(model, graph, {});
//
// Cost: one traversal per function of what it reaches. Deterministic; thread-safe (reads
// only).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/frozen_graph.h"
#include "model/model.h"

namespace msout::analysis {

// The sector name given to functions without one.
inline constexpr const char* kNoSector = "(none)";

struct ConcentrationOptions {
  // Entities of these kinds are the "providers" counted (default: kind provider).
  std::vector<model::EntityKind> provider_kinds = {model::EntityKind::kProvider};
};

// people_served figures are never sums over functions (sim/report/people_figures.h): at
// least this many people, the most widely used function's, capped at the model's population.
struct ProviderShare {
  std::uint32_t provider = 0;   // entity index
  std::uint32_t functions = 0;  // functions of the group that depend on it
  // At least: the people served by the most widely used of those functions, capped.
  std::uint64_t people_served = 0;
  double share = 0;  // functions / the group's functions
};

struct SectorConcentration {
  std::string sector;               // kNoSector for functions without one
  std::uint32_t functions = 0;      // functions in the group
  std::uint64_t people_served = 0;  // at least: the group's most widely used function, capped
  std::uint32_t functions_on_providers = 0;  // functions depending on at least one provider
  std::vector<ProviderShare> providers;      // those with share > 0: most functions first,
                                             // then by id
  double largest_share = 0;                  // 0 if no provider is depended on
  // Every provider with the largest share, by id: more than one is a tie, and no order
  // among them crowns one (empty if no provider is depended on).
  std::vector<std::uint32_t> most_depended_on;
  double hhi = 0;  // 0..10000
};

struct Concentration {
  std::vector<SectorConcentration> sectors;  // by sector name, kNoSector last
  SectorConcentration national;              // every function; sector "(all)"
};

// Computes the concentration of the functions of `model` (kind function) on its providers.
// `graph` must be frozen from `model`; its FreezeOptions decide whether disputed
// dependencies count.
Concentration compute_concentration(const model::Model& model, const model::FrozenGraph& graph,
                                    const ConcentrationOptions& options);

}  // namespace msout::analysis
