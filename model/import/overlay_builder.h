// OverlayBuilder: what the importers (DORA Register of Information, CycloneDX) share to turn
// an inventory into an msout-overlay/1 document: ids that are new to the model and to the
// overlay, evidence objects, the link from an imported provider to the model's entities of
// the same company, and the import's summary.
//
// The document it writes is an ordinary overlay: add_entities only, every entity and
// requirement with its evidence and assumptions, so that the user can read and edit it, and
// `msout validate` and `msout run --whatif` take it as they take any other.
//
//   OverlayBuilder b(model, "DORA Register of Information: Voorbeeldbank", "…");
//   std::string id = b.new_id("Voorbeeldbank N.V.");   // "voorbeeldbank"
//   b.add_entity(std::move(entity_json));
//   write(b.document().dump(2));
//
// Not thread-safe (one builder per import).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/diagnostics.h"
#include "model/import/company_index.h"
#include "model/model.h"

namespace msout::model {

using OrderedJson = nlohmann::ordered_json;

// What an import reports besides its overlay: a few lines of what it did, and what the user
// should check (a name match, an unknown parent, a claim it could not model).
struct ImportSummary {
  std::vector<std::string> lines;
  std::vector<std::string> checks;
};

struct ImportOptions {
  std::string org_id;  // the institution's id; "" derives one from its name
};

// What an importer returns: the overlay, the institution's id in it, and the summary.
struct ImportedOverlay {
  OrderedJson document;
  std::string org_id;
  ImportSummary summary;
};

// How an imported provider's service is consumed, by the kind of model entity it lands on.
enum class ServiceClass {
  kInfrastructure,  // hosting, computation, storage, IaaS, PaaS: the company's providers
  kService,         // SaaS and provider-run services: the company's services
};

class OverlayBuilder {
 public:
  OverlayBuilder(const Model& model, std::string name, std::string description);

  const Model& model() const { return model_; }
  const CompanyIndex& companies() const { return companies_; }

  // A valid id from `wanted` (lower case; letters, digits and '-'; legal forms kept) that
  // neither the model nor this overlay uses: "wanted", else "wanted-2", "wanted-3", ….
  std::string new_id(std::string_view wanted);
  // The first of `wanted` (each made a slug) that is free, else new_id(wanted.front()).
  std::string new_id(std::initializer_list<std::string_view> wanted);
  // Reserves an id given by the user; false if the model or the overlay has it already.
  bool reserve_id(const std::string& id);
  // The institution's id: --org (checked: a valid id the model does not have; else
  // InputError naming --org), or one made from its name.
  std::string institution_id(const ImportOptions& options, std::string_view name);

  void add_assumption(std::string text) { assumptions_.push_back(std::move(text)); }
  void set_evidence(OrderedJson evidence) { evidence_ = std::move(evidence); }
  void add_entity(OrderedJson entity) { entities_.push_back(std::move(entity)); }

  // The company's entities a service of `service_class` lands on: its providers for
  // infrastructure, its services otherwise; all of them where it has none of that kind.
  std::vector<std::uint32_t> entities_for(const CompanyMatch& match,
                                          ServiceClass service_class) const;

  // The requirement on those entities: a single dependency for one, a one_of choice of
  // equal weights for several (the inventory does not say which one serves), with `fields`
  // (layer, evidence, assumptions, note) on the dependency or the choice.
  OrderedJson requirement_on(const std::vector<std::uint32_t>& entities, OrderedJson fields,
                             const std::string& why_several) const;

  // "azure-westeurope, azure-northeurope": the ids of model entities, for texts.
  std::string ids_of(const std::vector<std::uint32_t>& entities) const;

  OrderedJson document() const;

 private:
  const Model& model_;
  CompanyIndex companies_;
  std::string name_;
  std::string description_;
  OrderedJson evidence_;
  std::vector<std::string> assumptions_;
  std::vector<OrderedJson> entities_;
  std::set<std::string> used_ids_;
};

// "Voorbeeldbank N.V." -> "voorbeeldbank-nv": lower case, runs of other characters as one
// '-' (dots and apostrophes dropped), at most 60 characters, never empty ("x").
std::string id_slug(std::string_view text);

// The model with `document` (an importer's overlay) applied, read exactly as `msout run
// --whatif` reads an overlay file named `file`. Problems go to `diags`: for an input the
// importer accepted they are the importer's bug, never the user's.
Model apply_imported_overlay(const Model& model, const OrderedJson& document,
                             const std::string& file, Diagnostics& diags);

// An id from a company or institution name without its legal forms:
// "Microsoft Ireland Operations Limited" -> "microsoft-ireland-operations".
std::string name_id(std::string_view name);

// {"source": source, "confidence": confidence, "quote": quote}
OrderedJson evidence_json(const std::string& source, const std::string& confidence,
                          const std::string& quote);

// How the summary names a company link: "by LEI 5493…" or "by name: \"Microsoft\"".
std::string describe_match(const CompanyMatch& match);

}  // namespace msout::model
