// Jurisdiction exposure: which organisations' data can be reached under foreign law, at
// which entity, through which of their systems — the white paper's privacy risk beside
// continuity ("kunnen buitenlandse overheden of inlichtingendiensten toegang krijgen tot
// persoonsgegevens die jouw organisatie beheert"; seeds/003, chapter 3A).
//
// Data flows along dependencies with layer `saas` or `infra`, transitively (a Dutch SaaS
// that runs on a US cloud's infrastructure puts its customers' data there). It does not
// flow along `self` (the vendor only supplies software) or unlayered (non-IT) dependencies.
// An organisation's systems are the dependencies it requires itself and those of the
// critical functions that require it (the functions it delivers: their systems hold its
// data). The model has no data attribute: "which data" is the first-hop system, `via`.
//
// The level a dependency gives the foreign entity it enters follows the white paper's three
// scenarios (chapter 3A):
//   saas                          -> exposed   ("hoogste blootstelling": the provider
//                                               "heeft technisch toegang tot de inhoud")
//   infra                         -> reduced   ("beperkte blootstelling": the provider sees
//                                               "versleutelde blobs, geen patiëntendossiers")
//   infra + customer_managed_keys -> reduced-customer-keys ("technisch een stuk moeilijker,
//                                               maar biedt het echter geen garantie")
//   self, or no layer             -> not exposed (no data flows: "Een CLOUD Act-order ...
//                                               levert in dat geval niets op")
// Customer-managed keys on a saas dependency leave it exposed: the provider runs the
// application on the data, and the white paper names keys only for infrastructure.
// Over several hops, a route's level is the lowest of the levels of its dependencies that
// enter foreign entities: a party hands on only what it can see (an organisation's own
// application on Azure does not put its data in the clear at Entra ID because Azure's
// management plane signs in there). Hops into home entities do not lower it (a Dutch SaaS
// reads its customers' data and hands it on as it is). So a Dutch SaaS on a US cloud's
// infrastructure gives that cloud `reduced`: the white paper's "Nederlands SaaS-EPD op
// Azure", privacy risk "Gemiddeld".
//
// Sign-in is not data: an entity tagged `identity` (kIdentityTag: Entra ID, an identity
// provider) authenticates the organisation's people; it holds accounts and sign-in records,
// not the records the systems keep. So the data search never enters an identity entity, and
// a foreign entity reached only through one (the identity provider itself, the cloud it runs
// on) is reported apart, as holding sign-ins (ExposureHolds::kSignIn), beside the entities
// that hold the data. An entity reached both ways is reported once, as holding data.
//
// An entity is foreign when it has a jurisdiction and that jurisdiction is not home
// (is_home). Over several routes from one system to one entity the most exposed wins, then
// the shortest (breadth-first, in model order).
//
//   Exposure e = compute_exposure(model, graph, {});
//
// Cost: per organisation and first-hop system, six traversals (one per level, for data and
// for sign-ins) of what it reaches.
// Deterministic; thread-safe (reads only).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/frozen_graph.h"
#include "model/model.h"

namespace msout::analysis {

// Ordered: a larger value is more exposed.
enum class ExposureLevel : std::uint8_t { kReducedCustomerKeys = 1, kReduced = 2, kExposed = 3 };

std::string_view to_string(ExposureLevel level);

// What the foreign entity holds of the organisation.
enum class ExposureHolds : std::uint8_t {
  kData,    // what its systems keep (records, mail, files)
  kSignIn,  // only accounts and sign-ins: reached only through an identity entity
};

std::string_view to_string(ExposureHolds holds);  // "data", "sign-in"

// The tag that marks an identity provider (docs/model-format.md).
inline constexpr std::string_view kIdentityTag = "identity";

// True if `jurisdiction` is one of `home`; "EU" in `home` also covers the codes of the EU
// member states (FR, DE, BE, …; EL and GR for Greece): the GDPR applies there and the white
// paper counts "Nederlandse/Europese jurisdictie" as one. Empty jurisdictions are not home
// (callers decide what unknown means).
bool is_home(std::string_view jurisdiction, const std::vector<std::string>& home);

struct ExposureOptions {
  std::vector<std::string> home = {"NL", "EU"};
  // Entity indices of the organisations to analyse, in output order; empty: every entity of
  // kind organisation, in model order.
  std::vector<std::uint32_t> organisations;
};

struct ExposureRow {
  std::uint32_t entity = 0;  // the foreign entity
  ExposureLevel level = ExposureLevel::kExposed;
  ExposureHolds holds = ExposureHolds::kData;
  std::uint32_t via = 0;  // the organisation's first-hop system
  // Frozen-graph edge indices from the organisation (or a function it delivers) to
  // `entity`: the first enters `via`, the last enters `entity`.
  std::vector<std::uint32_t> path;
};

struct OrganisationExposure {
  std::uint32_t organisation = 0;
  // Data before sign-in; then most exposed first, then by the entity's jurisdiction,
  // entity id and via id.
  std::vector<ExposureRow> rows;
};

struct Exposure {
  std::vector<OrganisationExposure> organisations;  // as requested, with or without rows
};

// The level a dependency gives the entity it enters. Precondition: its layer is saas or
// infra (no other dependency carries data).
ExposureLevel exposure_level(const model::Dependency& dependency);

// Computes the exposure of the organisations in `options`. `graph` must be frozen from
// `model`; its FreezeOptions decide whether disputed dependencies count. Preconditions:
// every index in options.organisations is an entity of kind organisation.
Exposure compute_exposure(const model::Model& model, const model::FrozenGraph& graph,
                          const ExposureOptions& options);

}  // namespace msout::analysis
