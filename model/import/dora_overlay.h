// dora_overlay(): a DORA Register of Information as a what-if overlay on a model
// (docs/import.md has the mapping field by field).
//
// The overlay adds the institution (an organisation), each of its functions (B_06.01; a
// function requires the institution by definition and, per B_02.02 row, the provider whose
// ICT service supports it, with the layer from the type of service and the effect from the
// level of reliance), and each ICT third-party provider (B_05.01; jurisdiction from its
// ultimate parent where the register or the model knows the parent's country). A provider
// that is a company of the model (model/import/company_index.h) requires that company's
// entities, so that a scenario that takes the company down takes the provider with it; a
// subcontractor (B_05.02, rank above 1) is required by the provider it serves. Where B_07.01
// names alternative providers that msout can find, the dependency becomes an any-group with
// the function's RTO as its switchover time.
//
// Every claim carries its evidence: the register file, table, row and the columns used,
// with confidence `confirmed` (the institution's own declaration), except links that msout
// infers by a name match (`presumed`, and said so in an assumption and in the summary).
//
//   ImportedOverlay out = dora_overlay(read_dora_register(package), model, {});
//   write_output_file(path, out.document.dump(2));
//
// Thread-safe (no shared state).
#pragma once

#include <string>

#include "model/import/dora_register.h"
#include "model/import/overlay_builder.h"
#include "model/model.h"

namespace msout::model {

// Throws InputError when --org names an id the model already has.
ImportedOverlay dora_overlay(const DoraRegister& reg, const Model& model,
                             const ImportOptions& options);

}  // namespace msout::model
