// cyclonedx_overlay(): a CycloneDX service inventory as a what-if overlay on a model
// (docs/import.md, "CycloneDX").
//
// The institution (metadata.component) becomes an organisation; each service or component
// an entity of the institution (a `function` where it says `msout:kind` function, which then
// requires the institution by definition), unless `msout:entity` says which entity of the
// model it is. `dependsOn` (and `provides`) become requirements, with the dependency's
// `msout:layer` and the dependent's `msout:tolerance`, `msout:recovery` and `msout:effect`.
// A service's provider (a component's supplier) that is a company of the model links the
// item to the company's entities (model/import/company_index.h); any other provider becomes
// a provider entity of its own. Evidence: the file and the JSON pointer of each item, with
// confidence `confirmed` (the institution's own inventory), and `presumed` for links by a
// name match.
//
//   ImportedOverlay out = cyclonedx_overlay(read_cyclonedx_inventory(source), model, {});
//
// Thread-safe (no shared state).
#pragma once

#include "model/import/cyclonedx_inventory.h"
#include "model/import/overlay_builder.h"
#include "model/model.h"

namespace msout::model {

// Throws InputError when --org or an msout:entity names an id it cannot use.
ImportedOverlay cyclonedx_overlay(const CycloneDxInventory& inventory, const Model& model,
                                  const ImportOptions& options);

}  // namespace msout::model
