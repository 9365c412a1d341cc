#include "model/synthetic_graph.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/counter_random.h"
#include "model/duration.h"

namespace msout::model {
namespace {

// splitmix64 and inverse-transform draws: portable, so the same seed gives the same graph
// with any compiler and standard library (std::*_distribution does not promise that).
class Random {
 public:
  explicit Random(std::uint64_t seed)
      : state_(seed * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  bool chance(double p) { return uniform() < p; }
  // Lognormal with the given median (seconds) and sigma, via Box-Muller.
  std::int64_t lognormal(double median, double sigma) {
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    const double normal = std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    return static_cast<std::int64_t>(std::llround(median * std::exp(sigma * normal) / 60.0)) * 60;
  }
  // Geometric number of items with the given mean (>= 1).
  std::uint32_t count(double mean) {
    if (mean <= 1.0) return 1;
    const double p = 1.0 / mean;
    return 1 +
           static_cast<std::uint32_t>(std::floor(std::log(1.0 - uniform()) / std::log(1.0 - p)));
  }

 private:
  std::uint64_t state_;
};

// Zipf(s = 1) over ranks 0..n-1 by inverse CDF: rank 0 is the most popular.
class Zipf {
 public:
  explicit Zipf(std::size_t n) : cdf_(n) {
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) cdf_[i] = (sum += 1.0 / static_cast<double>(i + 1));
    for (double& c : cdf_) c /= sum;
  }
  std::size_t draw(Random& random) const {
    const double u = random.uniform();
    return static_cast<std::size_t>(std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin());
  }

 private:
  std::vector<double> cdf_;
};

constexpr std::uint64_t kProgressEvery = 1 << 16;  // entities between progress calls

class Builder {
 public:
  explicit Builder(const SyntheticProgress& progress) : progress_(progress) {}
  std::uint32_t entity(const std::string& id, EntityKind kind, const std::string& juris,
                       const std::vector<std::string>& tags, std::uint64_t people = 0) {
    req_offsets_.push_back(static_cast<std::uint32_t>(requirements_.size()));
    const std::uint32_t added = table_.add(id, kind, juris, tags, people);
    if (progress_ && (added + 1) % kProgressEvery == 0) progress_(added + 1);
    return added;
  }
  // Adds a requirement of the entity added last.
  void require(Gate gate, std::uint32_t k, Effect effect, std::int64_t switchover,
               const std::vector<FrozenEdge>& members) {
    FrozenRequirement r{};
    r.first_edge = static_cast<std::uint32_t>(edges_.size());
    r.end_edge = r.first_edge + static_cast<std::uint32_t>(members.size());
    r.k = k;
    r.gate = gate;
    r.effect = effect;
    r.switchover = saturate_seconds(switchover);
    requirements_.push_back(r);
    const std::uint32_t owner = table_.size() - 1;
    for (FrozenEdge e : members) {
      e.owner = owner;
      edges_.push_back(e);
    }
  }
  SyntheticGraph finish() {
    req_offsets_.push_back(static_cast<std::uint32_t>(requirements_.size()));
    return {std::move(table_),
            FrozenGraph::from_parts(std::move(req_offsets_), std::move(requirements_),
                                    std::move(edges_))};
  }

 private:
  const SyntheticProgress& progress_;
  EntityTable table_;
  IndexArray req_offsets_;
  RequirementArray requirements_;
  EdgeArray edges_;
};

constexpr std::int64_t kHour = 3600;

}  // namespace

SyntheticGraph generate_synthetic(const SyntheticOptions& o, const SyntheticProgress& progress) {
  if (o.nodes < 100) throw std::invalid_argument("synthetic graphs need at least 100 nodes");
  Random random(o.seed);
  Builder b(progress);
  // Layer sizes (docs/synthetic-graphs.md).
  const std::uint64_t providers = std::max<std::uint64_t>(6, o.nodes / 20000);
  const std::uint64_t platforms = std::max<std::uint64_t>(10, o.nodes * 3 / 100);
  const std::uint64_t organisations = std::max<std::uint64_t>(10, o.nodes * 15 / 100);
  const std::uint64_t functions = std::max<std::uint64_t>(5, o.nodes * 2 / 100);
  const std::uint64_t fixed = providers * 4 + platforms + organisations + functions;
  if (fixed >= o.nodes) throw std::invalid_argument("too few nodes for the layers");
  const std::uint64_t apps = o.nodes - fixed;
  // Mean requirements per layer, scaled so that edges ~ degree x nodes.
  const double app_mean = std::max(1.0, o.degree / 1.1);
  const double org_mean = 2 * app_mean;

  auto edge = [&](std::uint32_t dependency) {
    FrozenEdge e{};
    e.dependency = dependency;
    if (random.chance(0.4)) e.tolerance = saturate_seconds(random.lognormal(kHour, 1.5));
    e.recovery = saturate_seconds(random.lognormal(1800, 1.0));
    e.set_degraded_propagates(random.chance(0.1));
    return e;
  };
  auto effect = [&] { return random.chance(0.8) ? Effect::kDown : Effect::kDegraded; };
  constexpr std::int64_t kSwitchovers[] = {0, 300, 900, kHour};

  // Providers: the first three are the US hyperscalers; the others US with probability 0.5.
  // Each has two regions and an identity service: region -> identity (degraded, 1d), identity
  // -> any of its regions: a cycle per provider, as Azure <-> Entra ID.
  std::vector<std::uint32_t> region_ids;
  for (std::uint64_t p = 0; p < providers; ++p) {
    const bool us = p < 3 || random.chance(0.5);
    std::vector<std::string> tags =
        us ? std::vector<std::string>{"us-cloud"} : std::vector<std::string>{};
    if (p < 3) tags.push_back("hyperscaler");
    const std::string juris = us ? "US" : "EU";
    const std::string name = "p" + std::to_string(p);
    const std::uint32_t provider = b.entity(name, EntityKind::kProvider, juris, tags);
    const std::uint32_t identity = b.entity(name + "-identity", EntityKind::kService, juris, tags);
    // The two regions are the next two entities.
    b.require(Gate::kAny, 1, Effect::kDown, 0, {edge(identity + 1), edge(identity + 2)});
    for (int r = 0; r < 2; ++r) {
      const std::uint32_t region =
          b.entity(name + "-r" + std::to_string(r), EntityKind::kProvider, juris, tags);
      region_ids.push_back(region);
      FrozenEdge control = edge(identity);
      control.tolerance = 24 * kHour;
      b.require(Gate::kSingle, 1, Effect::kDegraded, 0, {control});
      b.require(Gate::kSingle, 1, Effect::kDown, 0, {edge(provider)});
    }
  }
  // Platforms on regions; popular providers (low rank) get most platforms.
  const Zipf region_pick(region_ids.size());
  std::vector<std::uint32_t> platform_ids;
  for (std::uint64_t i = 0; i < platforms; ++i) {
    const std::uint32_t id = b.entity("pl" + std::to_string(i), EntityKind::kService, "NL", {});
    platform_ids.push_back(id);
    const std::uint32_t first = region_ids[region_pick.draw(random)];
    if (random.chance(0.3)) {
      const std::uint32_t second = region_ids[random.below(region_ids.size())];
      b.require(Gate::kAny, 1, Effect::kDown, kSwitchovers[random.below(4)],
                {edge(first), edge(second)});
    } else {
      b.require(Gate::kSingle, 1, Effect::kDown, 0, {edge(first)});
    }
  }
  // Applications on platforms, heavy-tailed fan-in; some redundancy.
  auto requirements_on = [&](const std::vector<std::uint32_t>& pool, const Zipf& pick,
                             double mean) {
    const std::uint32_t count = random.count(mean);
    for (std::uint32_t c = 0; c < count;) {
      const double kind = random.uniform();
      if (kind < 0.15 && count - c >= 2) {
        b.require(Gate::kAny, 1, effect(), kSwitchovers[random.below(4)],
                  {edge(pool[pick.draw(random)]), edge(pool[pick.draw(random)])});
        c += 2;
      } else if (kind < 0.22 && count - c >= 3) {
        b.require(Gate::kKOfN, 2, effect(), 0,
                  {edge(pool[pick.draw(random)]), edge(pool[pick.draw(random)]),
                   edge(pool[pick.draw(random)])});
        c += 3;
      } else {
        b.require(Gate::kSingle, 1, effect(), 0, {edge(pool[pick.draw(random)])});
        c += 1;
      }
    }
  };
  const Zipf platform_pick(platform_ids.size());
  std::vector<std::uint32_t> app_ids;
  for (std::uint64_t i = 0; i < apps; ++i) {
    app_ids.push_back(b.entity("app" + std::to_string(i), EntityKind::kService, "NL", {}));
    requirements_on(platform_ids, platform_pick, app_mean);
  }
  const Zipf app_pick(app_ids.size());
  std::vector<std::uint32_t> org_ids;
  for (std::uint64_t i = 0; i < organisations; ++i) {
    org_ids.push_back(b.entity("org" + std::to_string(i), EntityKind::kOrganisation, "NL", {}));
    requirements_on(app_ids, app_pick, org_mean);
  }
  const Zipf org_pick(org_ids.size());
  for (std::uint64_t i = 0; i < functions; ++i) {
    // People served: heavy-tailed, 1,000 to 10 million.
    const auto people = static_cast<std::uint64_t>(1000.0 * std::pow(10.0, 4.0 * random.uniform()));
    b.entity("fn" + std::to_string(i), EntityKind::kFunction, "NL", {}, people);
    requirements_on(org_ids, org_pick, 4);
  }
  return b.finish();
}

void write_model_json(std::ostream& out, const SyntheticGraph& g,
                      const SyntheticUncertainty& uncertainty, const SyntheticProgress& progress) {
  const EntityTable& t = g.entities;
  // Counter-based draws per edge, so the uncertainty does not disturb the graph's own stream.
  const std::uint64_t claim_stream = stream_id("synthetic-claim");
  const std::uint64_t choice_stream = stream_id("synthetic-choice");
  auto draw = [&](std::uint64_t stream, std::uint64_t edge, std::uint64_t index) {
    return uniform01(uncertainty.seed, stream, edge, index);
  };
  static const char* kLevels[] = {"confirmed", "reported", "presumed", "planned", "disputed"};
  static const double kLevelShare[] = {0.40, 0.25, 0.20, 0.10, 0.05};
  const std::uint64_t statements = std::max<std::uint64_t>(1, g.graph.edge_count() / 4);
  std::vector<std::uint32_t> providers;
  for (std::uint32_t v = 0; v < t.size(); ++v) {
    if (t.kind[v] == EntityKind::kProvider) providers.push_back(v);
  }
  auto evidence = [&](std::uint32_t edge) {
    if (uncertainty.claims <= 0 || draw(claim_stream, edge, 0) >= uncertainty.claims) return;
    const auto statement =
        static_cast<std::uint64_t>(draw(claim_stream, edge, 1) * static_cast<double>(statements));
    // One statement, one confidence: the level is drawn per statement, not per edge.
    double u = uniform01(uncertainty.seed, claim_stream, statement, 2);
    std::size_t level = 0;
    while (level + 1 < 5 && u >= kLevelShare[level]) u -= kLevelShare[level++];
    out << ", \"evidence\": {\"source\": \"synthetic\", \"confidence\": \"" << kLevels[level]
        << "\", \"quote\": \"statement " << statement << "\"}";
  };
  static const char* kKinds[] = {"provider", "service", "organisation", "function"};
  out << "{\n  \"format\": \"msout-model/1\",\n  \"name\": \"synthetic\",\n  \"entities\": [";
  for (std::uint32_t v = 0; v < t.size(); ++v) {
    if (progress && v > 0 && v % kProgressEvery == 0) progress(v);
    out << (v == 0 ? "\n" : ",\n") << "    {\"id\": \"" << t.id(v) << "\", \"name\": \"" << t.id(v)
        << "\", \"kind\": \"" << kKinds[static_cast<int>(t.kind[v])] << "\", \"jurisdiction\": \""
        << t.jurisdictions[t.jurisdiction[v]] << "\"";
    if (t.tags[v] != 0) {
      out << ", \"tags\": [";
      bool first = true;
      for (std::size_t i = 0; i < t.tag_names.size(); ++i) {
        if ((t.tags[v] >> i & 1) == 0) continue;
        out << (first ? "" : ", ") << "\"" << t.tag_names[i] << "\"";
        first = false;
      }
      out << "]";
    }
    if (t.people[v] != 0) out << ", \"people_served\": " << t.people[v];
    const auto reqs = g.graph.requirements_of(v);
    if (!reqs.empty()) {
      out << ", \"requires\": [";
      for (std::size_t q = 0; q < reqs.size(); ++q) {
        const FrozenRequirement& r = reqs[q];
        auto timing = [&](const FrozenEdge& e) {
          if (e.tolerance != 0)
            out << ", \"tolerance\": \"" << format_duration({e.tolerance}) << "\"";
          if (e.recovery != 0) out << ", \"recovery\": \"" << format_duration({e.recovery}) << "\"";
          if (e.degraded_propagates()) out << ", \"degraded_propagates\": true";
        };
        auto member = [&](const FrozenEdge& e, std::uint32_t index) {
          out << "{\"on\": \"" << t.id(e.dependency) << "\"";
          timing(e);
          evidence(index);
        };
        out << (q == 0 ? "" : ", ");
        const char* eff = r.effect == Effect::kDown ? "down" : "degraded";
        if (r.gate == Gate::kSingle) {
          const FrozenEdge& e = g.graph.edge(r.first_edge);
          if (t.kind[e.dependency] == EntityKind::kProvider && providers.size() >= 3 &&
              uncertainty.choices > 0 &&
              draw(choice_stream, r.first_edge, 0) < uncertainty.choices) {
            // The provider as written is the likeliest of three.
            const auto at = static_cast<std::size_t>(
                std::find(providers.begin(), providers.end(), e.dependency) - providers.begin());
            out << "{\"one_of\": [";
            const double weights[] = {6, 3, 1};
            for (std::size_t c = 0; c < 3; ++c) {
              out << (c == 0 ? "" : ", ") << "{\"on\": \""
                  << t.id(providers[(at + c) % providers.size()])
                  << "\", \"weight\": " << weights[c];
              timing(e);
              out << "}";
            }
            out << "], \"effect\": \"" << eff << "\"";
            evidence(r.first_edge);
            out << "}";
            continue;
          }
          member(e, r.first_edge);
          out << ", \"effect\": \"" << eff << "\"}";
          continue;
        }
        out << (r.gate == Gate::kAny ? "{\"any\": ["
                                     : "{\"k\": " + std::to_string(r.k) + ", \"of\": [");
        for (std::uint32_t e = r.first_edge; e < r.end_edge; ++e) {
          out << (e == r.first_edge ? "" : ", ");
          member(g.graph.edge(e), e);
          out << "}";
        }
        out << "], \"effect\": \"" << eff << "\"";
        if (r.gate == Gate::kAny)
          out << ", \"switchover\": \"" << format_duration({r.switchover}) << "\"";
        out << "}";
      }
      out << "]";
    }
    out << "}";
  }
  out << "\n  ]\n}\n";
}

void write_us_sanction_scenario(std::ostream& out) {
  out << R"({
  "format": "msout-scenario/1",
  "name": "US sanctions on a synthetic graph",
  "description": "Every provider (and region) controlled from the US is down from 0s: the static core of a US-sanction cascade, used by the benchmarks.",
  "horizon": "30d",
  "levers": [
    {"id": "us-cut", "name": "US providers unavailable", "at": "0s", "action": "down",
     "select": {"jurisdiction": "US", "kind": "provider"}}
  ]
}
)";
}

}  // namespace msout::model
