#include "sim/analysis/exposure.h"

#include <algorithm>
#include <array>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace msout::analysis {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// The 27 member states by ISO 3166 code, and EL, the EU's own code for Greece.
constexpr std::array<std::string_view, 28> kEuMemberStates = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "GR", "HR",
    "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"};

bool carries_data(const model::Dependency& dependency) {
  return dependency.layer == model::Layer::kSaas || dependency.layer == model::Layer::kInfra;
}

// Searches one model; holds per-node and per-edge scratch arrays reused across searches.
class ExposureSearch {
 public:
  ExposureSearch(const model::Model& model, const model::FrozenGraph& graph,
                 const ExposureOptions& options)
      : model_(model),
        graph_(graph),
        foreign_(graph.node_count()),
        identity_(graph.node_count()),
        carries_(graph.edge_count()),
        level_(graph.edge_count(), ExposureLevel::kReduced),
        stamp_(graph.node_count(), 0),
        parent_(graph.node_count(), kNone) {
    for (std::uint32_t n = 0; n < graph.node_count(); ++n) {
      const std::string& jurisdiction = model.entities[n].jurisdiction;
      foreign_[n] = !jurisdiction.empty() && !is_home(jurisdiction, options.home);
      const std::vector<std::string>& tags = model.entities[n].tags;
      identity_[n] = std::find(tags.begin(), tags.end(), kIdentityTag) != tags.end();
    }
    for (std::uint32_t e = 0; e < graph.edge_count(); ++e) {
      const model::Dependency& dependency = graph.source_dependency(model, e);
      carries_[e] = carries_data(dependency);
      if (carries_[e]) level_[e] = exposure_level(dependency);
    }
  }

  OrganisationExposure run(std::uint32_t organisation) {
    OrganisationExposure out;
    out.organisation = organisation;
    // First hops grouped by the system they enter, in the order first met.
    std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>> systems;
    std::unordered_map<std::uint32_t, std::size_t> system_index;
    for (std::uint32_t start : first_hops(organisation)) {
      const std::uint32_t via = graph_.edge(start).dependency;
      auto [it, inserted] = system_index.emplace(via, systems.size());
      if (inserted) systems.push_back({via, {}});
      systems[it->second].second.push_back(start);
    }
    for (const auto& [via, starts] : systems) {
      std::unordered_set<std::uint32_t> reported;  // foreign entities given a row from `via`
      if (!identity_[via])
        search_from(organisation, via, starts, ExposureHolds::kData, reported, out.rows);
      search_from(organisation, via, starts, ExposureHolds::kSignIn, reported, out.rows);
    }
    std::sort(out.rows.begin(), out.rows.end(), [&](const ExposureRow& a, const ExposureRow& b) {
      if (a.holds != b.holds) return a.holds < b.holds;
      if (a.level != b.level) return a.level > b.level;
      const model::Entity& ea = model_.entities[a.entity];
      const model::Entity& eb = model_.entities[b.entity];
      if (ea.jurisdiction != eb.jurisdiction) return ea.jurisdiction < eb.jurisdiction;
      if (ea.id != eb.id) return ea.id < eb.id;
      return model_.entities[a.via].id < model_.entities[b.via].id;
    });
    return out;
  }

 private:
  // Data dependencies of the organisation, then of each function that requires it (in
  // model order), except those back to the organisation itself.
  std::vector<std::uint32_t> first_hops(std::uint32_t organisation) const {
    std::vector<std::uint32_t> hops;
    auto add_edges_of = [&](std::uint32_t node) {
      for (const model::FrozenRequirement& r : graph_.requirements_of(node)) {
        for (std::uint32_t e = r.first_edge; e < r.end_edge; ++e) {
          if (carries_[e] && graph_.edge(e).dependency != organisation) hops.push_back(e);
        }
      }
    };
    add_edges_of(organisation);
    std::vector<std::uint32_t> functions;
    for (std::uint32_t e : graph_.dependents_of(organisation)) {
      const std::uint32_t owner = graph_.edge(e).owner;
      if (model_.entities[owner].kind == model::EntityKind::kFunction) functions.push_back(owner);
    }
    std::sort(functions.begin(), functions.end());
    functions.erase(std::unique(functions.begin(), functions.end()), functions.end());
    for (std::uint32_t function : functions) add_edges_of(function);
    return hops;
  }

  // The routes from `via` to every foreign entity it reaches. A route's level is the
  // lowest level of the dependencies on it that enter foreign entities (a party hands on
  // only what it sees), so the best level of an entity is a widest-path problem: search
  // once per level, most exposed first, keeping only the dependencies into foreign entities
  // of at least that level; the first search that reaches an entity gives its level and,
  // breadth-first, a shortest route. Appends one row per entity reached and not yet in
  // `reported`. The data search does not enter identity entities; the sign-in search does,
  // so after the data search it finds what is reached only through one.
  void search_from(std::uint32_t organisation, std::uint32_t via,
                   const std::vector<std::uint32_t>& starts, ExposureHolds holds,
                   std::unordered_set<std::uint32_t>& reported, std::vector<ExposureRow>& rows) {
    for (const ExposureLevel level :
         {ExposureLevel::kExposed, ExposureLevel::kReduced, ExposureLevel::kReducedCustomerKeys}) {
      std::uint32_t start = starts.front();
      if (foreign_[via]) {
        const auto it = std::find_if(starts.begin(), starts.end(),
                                     [&](std::uint32_t e) { return level_[e] >= level; });
        if (it == starts.end()) continue;  // every route passes `via`, entered lower
        start = *it;
      }
      ++generation_;
      std::vector<std::uint32_t> order = {via};
      stamp_[via] = generation_;
      parent_[via] = kNone;
      for (std::size_t i = 0; i < order.size(); ++i) {
        const std::uint32_t node = order[i];
        if (foreign_[node] && reported.insert(node).second) {
          rows.push_back({node, level, holds, via, route(start, node)});
        }
        for (const model::FrozenRequirement& r : graph_.requirements_of(node)) {
          for (std::uint32_t e = r.first_edge; e < r.end_edge; ++e) {
            const std::uint32_t next = graph_.edge(e).dependency;
            if (!carries_[e] || next == organisation || stamp_[next] == generation_) continue;
            if (holds == ExposureHolds::kData && identity_[next]) continue;
            if (foreign_[next] && level_[e] < level) continue;
            stamp_[next] = generation_;
            parent_[next] = e;
            order.push_back(next);
          }
        }
      }
    }
  }

  // `start`, then the edges of the current search's tree from its root to `node`.
  std::vector<std::uint32_t> route(std::uint32_t start, std::uint32_t node) const {
    std::vector<std::uint32_t> path;
    for (; parent_[node] != kNone; node = graph_.edge(parent_[node]).owner) {
      path.push_back(parent_[node]);
    }
    path.push_back(start);
    std::reverse(path.begin(), path.end());
    return path;
  }

  const model::Model& model_;
  const model::FrozenGraph& graph_;
  std::vector<bool> foreign_;
  std::vector<bool> identity_;  // tagged kIdentityTag: holds sign-ins, not data
  std::vector<bool> carries_;
  std::vector<ExposureLevel> level_;
  std::vector<std::uint32_t> stamp_;
  std::vector<std::uint32_t> parent_;  // edge that first reached the node in this search
  std::uint32_t generation_ = 0;
};

}  // namespace

std::string_view to_string(ExposureLevel level) {
  switch (level) {
    case ExposureLevel::kExposed:
      return "exposed";
    case ExposureLevel::kReduced:
      return "reduced";
    case ExposureLevel::kReducedCustomerKeys:
      return "reduced-customer-keys";
  }
  return "?";
}

std::string_view to_string(ExposureHolds holds) {
  return holds == ExposureHolds::kData ? "data" : "sign-in";
}

bool is_home(std::string_view jurisdiction, const std::vector<std::string>& home) {
  if (jurisdiction.empty()) return false;
  for (const std::string& h : home) {
    if (h == jurisdiction) return true;
    if (h == "EU" && std::find(kEuMemberStates.begin(), kEuMemberStates.end(), jurisdiction) !=
                         kEuMemberStates.end()) {
      return true;
    }
  }
  return false;
}

ExposureLevel exposure_level(const model::Dependency& dependency) {
  if (dependency.layer == model::Layer::kSaas) return ExposureLevel::kExposed;
  return dependency.customer_managed_keys ? ExposureLevel::kReducedCustomerKeys
                                          : ExposureLevel::kReduced;
}

Exposure compute_exposure(const model::Model& model, const model::FrozenGraph& graph,
                          const ExposureOptions& options) {
  std::vector<std::uint32_t> organisations = options.organisations;
  if (organisations.empty()) {
    for (std::uint32_t i = 0; i < model.entities.size(); ++i) {
      if (model.entities[i].kind == model::EntityKind::kOrganisation) organisations.push_back(i);
    }
  }
  ExposureSearch search(model, graph, options);
  Exposure out;
  for (std::uint32_t organisation : organisations) {
    out.organisations.push_back(search.run(organisation));
  }
  return out;
}

}  // namespace msout::analysis
