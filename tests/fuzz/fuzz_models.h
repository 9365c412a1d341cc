// The small fixed model the scenario and overlay harnesses work against: a provider with a
// region and a sign-in service (a cycle), a service on it, an organisation with an any
// group and a 2-of-3 group, and a function. Ids the seeds from the shipped scenarios name
// (azure, aws, ...) are present, so that mutations reach lever resolution; companies are
// named, so that imported registers link to them.
#pragma once

#include "model/model.h"
#include "model/model_loader.h"

namespace msout::fuzz {

inline model::Model small_model() {
  static constexpr const char* kModel = R"({
  "format": "msout-model/1",
  "entities": [
    {"id": "azure", "name": "Azure", "kind": "provider", "jurisdiction": "US", "company": "Microsoft",
     "regions": ["westeurope"], "tags": ["cloud"], "requires": [{"on": "entra-id"}]},
    {"id": "entra-id", "name": "Entra ID", "kind": "service", "jurisdiction": "US", "company": "Microsoft",
     "requires": [{"on": "azure", "tolerance": "1h"}]},
    {"id": "aws", "name": "AWS", "kind": "provider", "jurisdiction": "US", "tags": ["cloud"],
     "company": "Amazon Web Services"},
    {"id": "nl-cloud", "name": "NL cloud", "kind": "provider", "jurisdiction": "NL"},
    {"id": "epd", "name": "EPD", "kind": "service", "sector": "healthcare",
     "requires": [{"any": [{"on": "azure"}, {"on": "nl-cloud"}], "switchover": "30m"}]},
    {"id": "hospital", "name": "Hospital", "kind": "organisation", "sector": "healthcare",
     "people_served": 100000,
     "requires": [{"on": "epd", "effect": "degraded", "recovery": "2h"},
                  {"k": 2, "of": [{"on": "azure"}, {"on": "aws"}, {"on": "nl-cloud"}]}]},
    {"id": "care", "name": "Hospital care", "kind": "function", "sector": "healthcare",
     "people_served": 100000, "requires": [{"on": "hospital", "tolerance": "4h"}]}
  ]
})";
  return model::load_model({{"fuzz-model.json", kModel}});
}

}  // namespace msout::fuzz
