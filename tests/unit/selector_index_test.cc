// Tests of model/selector_index.h: the same entities as Selector::matches over every
// entity, and a cost that follows the candidates, not levers x entities (issue 10, item 8).
#include "model/selector_index.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "model/model.h"
#include "model/scenario.h"

namespace msout::model {
namespace {

// `n` entities with kinds, jurisdictions, sectors, tags and regions drawn from small sets.
Model varied_model(std::uint32_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const char* jurisdictions[] = {"US", "NL", "EU", ""};
  const char* sectors[] = {"cloud", "healthcare", "payments", ""};
  const char* tags[] = {"microsoft", "hyperscaler", "sovereign", "rare"};
  const char* regions[] = {"westeurope", "northeurope", "eu-central-1"};
  Model m;
  for (std::uint32_t i = 0; i < n; ++i) {
    Entity e;
    e.id = "e" + std::to_string(i);
    e.kind = static_cast<EntityKind>(rng() % 4);
    e.jurisdiction = jurisdictions[rng() % 4];
    e.sector = sectors[rng() % 4];
    for (const char* tag : tags) {
      if (rng() % 3 == 0) e.tags.emplace_back(tag);
    }
    for (const char* region : regions) {
      if (rng() % 4 == 0) e.regions.emplace_back(region);
    }
    m.entities.push_back(std::move(e));
  }
  m.reindex();
  return m;
}

std::vector<std::uint32_t> brute_force(const Model& m, const std::vector<Selector>& selectors) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t e = 0; e < m.entities.size(); ++e) {
    for (const Selector& s : selectors) {
      if (s.matches(m.entities[e])) {
        out.push_back(e);
        break;
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("SelectorIndex.Select.SameAsMatchingEveryEntity") {
  const Model m = varied_model(300, 1);
  const SelectorIndex index(m);
  std::mt19937_64 rng(2);
  const std::vector<std::string> values[] = {{"e1", "e7", "e250", "e7", "unknown"},
                                             {"US", "EU", ""},
                                             {"rare", "microsoft", "none"},
                                             {"westeurope", "eu-central-1"},
                                             {"cloud", ""}};
  for (int round = 0; round < 500; ++round) {
    std::vector<Selector> selectors(1 + rng() % 2);
    for (Selector& s : selectors) {
      auto some = [&](const std::vector<std::string>& from) {
        std::vector<std::string> out;
        for (const std::string& v : from) {
          if (rng() % 2 == 0) out.push_back(v);
        }
        return out;
      };
      // Each criterion present with probability 1/3; at least one.
      do {
        if (rng() % 3 == 0) s.ids = some(values[0]);
        if (rng() % 3 == 0) s.kinds = {static_cast<EntityKind>(rng() % 4)};
        if (rng() % 3 == 0) s.jurisdictions = some(values[1]);
        if (rng() % 3 == 0) s.tags = some(values[2]);
        if (rng() % 3 == 0) s.regions = some(values[3]);
        if (rng() % 3 == 0) s.sectors = some(values[4]);
      } while (s.ids.empty() && s.kinds.empty() && s.jurisdictions.empty() && s.tags.empty() &&
               s.regions.empty() && s.sectors.empty());
    }
    CAPTURE(round);
    CHECK(index.select(selectors) == brute_force(m, selectors));
  }
}

// Regression (issue 10, item 8): every lever was matched against every entity (10^5 levers
// on 10^5 entities: 30 s), and each id selector scanned its ids for every entity.
TEST_CASE("SelectorIndex.Select.CostFollowsTheCandidates") {
  constexpr std::uint32_t kN = 20000;
  const Model m = varied_model(kN, 3);
  const SelectorIndex index(m);
  std::uint64_t checked = 0;
  // One lever per entity, each by id (and kind, which alone would name a quarter of all).
  for (std::uint32_t i = 0; i < kN; ++i) {
    Selector s;
    s.ids = {"e" + std::to_string(i)};
    s.kinds = {m.entities[i].kind};
    CHECK(index.select(std::vector<Selector>{s}, &checked) == std::vector<std::uint32_t>{i});
  }
  CHECK(checked == kN);  // not kN * kN
  // One selector naming every entity.
  Selector all;
  for (std::uint32_t i = 0; i < kN; ++i) all.ids.push_back("e" + std::to_string(i));
  checked = 0;
  CHECK(index.select(std::vector<Selector>{all}, &checked).size() == kN);
  CHECK(checked == kN);
  // A common kind and a rare sector: only the sector's entities are looked at.
  Selector narrow;
  narrow.kinds = {EntityKind::kService};
  narrow.sectors = {"nowhere"};
  checked = 0;
  CHECK(index.select(std::vector<Selector>{narrow}, &checked).empty());
  CHECK(checked == 0);
}

}  // namespace msout::model
