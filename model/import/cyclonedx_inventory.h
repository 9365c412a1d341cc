// CycloneDxInventory: what msout reads of a CycloneDX bill of materials (JSON, spec 1.4 to
// 1.6) used as a service inventory: the institution (metadata.component), its services
// (`services`, nested ones included) and components (`components`), who provides each
// (`provider` of a service, `supplier` or `publisher` of a component), and which depends on
// which (`dependencies[].dependsOn`, and `provides`: "A provides B" makes B depend on A).
//
// msout's own annotations travel as CycloneDX properties (name/value pairs) on a service or
// component (docs/import.md, "CycloneDX"): `msout:kind` (function or service),
// `msout:entity` (the id of the model entity it is), `msout:layer`, `msout:tolerance`,
// `msout:recovery`, `msout:effect`, `msout:people_served`, `msout:jurisdiction`.
//
// read_cyclonedx_inventory() checks what it uses and collects every problem with the file
// and JSON pointer: not a CycloneDX BOM, a spec version it does not know, a bom-ref given
// twice, a dependency on a bom-ref the BOM does not define, a property value msout cannot
// read. Unknown keys are ignored: a BOM carries much msout does not use.
//
//   CycloneDxInventory inv = read_cyclonedx_inventory(read_source("hospital.cdx.json"));
//
// Thread-safe (no shared state); the inventory is a plain value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/duration.h"
#include "model/source_text.h"

namespace msout::model {

struct InventoryItem {
  std::string ref;  // bom-ref (a component or service without one cannot be depended on)
  std::string name;
  bool is_service = true;        // a service, or a component
  std::string provider;          // the provider's (supplier's) name; "" when not given
  std::string provider_country;  // its address country, two capitals, when given
  std::string pointer;           // JSON pointer of the item, for evidence and errors
  std::string trust_zone;        // a service's trustZone
  std::vector<std::string> data_classifications;  // a service's data[].classification
  // msout:* properties, checked
  std::string kind;    // "function" or "service" ("" = not given)
  std::string entity;  // a model entity id
  std::string layer;   // saas, infra or self
  std::optional<Duration> tolerance;
  std::optional<Duration> recovery;
  std::string effect;  // down or degraded
  std::optional<std::uint64_t> people_served;
  std::string jurisdiction;
  std::vector<std::string> depends_on;  // bom-refs, in the order given
};

struct CycloneDxInventory {
  std::string path;                         // the file as given, for diagnostics
  std::string file;                         // the file's name, for evidence
  std::string spec_version;                 // "1.5"
  std::string org_name;                     // metadata.component.name
  std::string org_ref;                      // metadata.component.bom-ref
  std::vector<InventoryItem> items;         // services and components, in document order
  std::vector<std::string> org_depends_on;  // what the institution itself depends on
};

// Parses and checks a BOM; throws InputError with every problem (file and JSON pointer).
CycloneDxInventory read_cyclonedx_inventory(const SourceText& source);

}  // namespace msout::model
