#include "model/import/cyclonedx_overlay.h"

#include <map>

#include "model/duration.h"
#include "model/printable_text.h"

namespace msout::model {
namespace {

class CycloneDxMapper {
 public:
  CycloneDxMapper(const CycloneDxInventory& inv, const Model& model, const ImportOptions& options)
      : inv_(inv),
        builder_(model, "CycloneDX inventory: " + inv.org_name,
                 "Imported with `msout import cyclonedx` from " + inv.file + " (CycloneDX " +
                     inv.spec_version + "): " + inv.org_name + ", its " +
                     std::to_string(inv.items.size()) +
                     " services and components and their providers. Every claim names the "
                     "file and the JSON pointer of the item it comes from."),
        options_(options) {}

  ImportedOverlay run() {
    builder_.set_evidence(
        evidence_json(inv_.file, "confirmed", "/metadata/component: " + inv_.org_name));
    builder_.add_assumption(
        "Import: the inventory is the institution's own declaration, so its claims are "
        "`confirmed`; links msout infers by a name match are `presumed`.");
    builder_.add_assumption(
        "Import: CycloneDX cannot say that one of several dependencies suffices: every "
        "dependsOn is required (add alternatives with an overlay's add_alternatives).");
    org_id_ = builder_.institution_id(options_, inv_.org_name);
    if (!inv_.org_ref.empty()) id_of_ref_[inv_.org_ref] = org_id_;
    assign_ids();
    add_institution();
    for (const InventoryItem& item : inv_.items) {
      if (item.entity.empty()) {
        add_item(item);
      } else if (!item.depends_on.empty()) {
        summary_.checks.push_back(
            inv_.file + ": " + item.pointer + ": " + model::quoted(item.name) +
            " is the model's entity " + model::quoted(item.entity) +
            "; what it depends on in the inventory is not added (the model says what it needs)");
      }
    }
    summary_.lines.insert(summary_.lines.begin(), headline());
    return ImportedOverlay{builder_.document(), org_id_, std::move(summary_)};
  }

 private:
  std::string headline() const {
    std::size_t functions = 0;
    for (const InventoryItem& i : inv_.items) functions += i.kind == "function";
    return inv_.org_name + " (id " + org_id_ + "): " + std::to_string(inv_.items.size()) +
           " services and components (" + std::to_string(functions) + " functions, " +
           std::to_string(model_entities_) + " entities of the model), " +
           std::to_string(providers_.size()) + " providers of their own, " +
           std::to_string(linked_) + " items linked to the model's companies";
  }

  bool self_run(const InventoryItem& item) const {
    return item.provider.empty() || company_words(item.provider) == company_words(inv_.org_name);
  }

  // Every item's id in the overlay, or the model entity it names.
  void assign_ids() {
    const auto& population = builder_.model().population;
    for (const InventoryItem& item : inv_.items) {
      if (item.people_served && population && *item.people_served > population->people) {
        throw InputError(std::vector<Diagnostic>{
            Diagnostic{inv_.path, item.pointer + "/properties",
                       "msout:people_served " + std::to_string(*item.people_served) +
                           " is more than the model's population (" +
                           std::to_string(population->people) + " people, " + population->source +
                           "): an item cannot serve more people than "
                           "live in the area the model describes"}});
      }
      std::string id;
      if (!item.entity.empty()) {
        if (!builder_.model().find(item.entity)) {
          throw InputError(std::vector<Diagnostic>{
              Diagnostic{inv_.path, item.pointer + "/properties",
                         "msout:entity names " + model::quoted(item.entity) +
                             ", which the model does not have"}});
        }
        id = item.entity;
        ++model_entities_;
      } else {
        id = builder_.new_id(item.kind == "function" ? org_id_ + "-" + name_id(item.name)
                                                     : name_id(item.name));
      }
      if (!item.ref.empty()) {
        id_of_ref_[item.ref] = id;
        item_of_ref_[item.ref] = &item;
      }
      ids_.push_back(id);
    }
  }

  OrderedJson evidence_of(const InventoryItem& item, const std::string& what) const {
    return evidence_json(inv_.file, "confirmed", item.pointer + ": " + what);
  }

  const InventoryItem* item_of(const std::string& ref) const {
    const auto found = item_of_ref_.find(ref);
    return found == item_of_ref_.end() ? nullptr : found->second;
  }

  // The requirement on the item with bom-ref `ref`, with `dependent`'s tolerance, recovery
  // and effect, and the layer of the item depended on.
  OrderedJson requirement(const InventoryItem* dependent, const std::string& ref,
                          const std::string& quote_from) {
    OrderedJson req;
    req["on"] = id_of_ref_.at(ref);
    if (const InventoryItem* target = item_of(ref); target != nullptr && !target->layer.empty()) {
      req["layer"] = target->layer;
    }
    if (dependent != nullptr) {
      if (dependent->tolerance) req["tolerance"] = format_duration(*dependent->tolerance);
      if (dependent->recovery) req["recovery"] = format_duration(*dependent->recovery);
      if (!dependent->effect.empty()) req["effect"] = dependent->effect;
    }
    req["evidence"] = evidence_json(inv_.file, "confirmed", quote_from + " dependsOn " + ref);
    return req;
  }

  void add_institution() {
    OrderedJson org;
    org["id"] = org_id_;
    org["name"] = inv_.org_name;
    org["kind"] = "organisation";
    org["company"] = inv_.org_name;
    org["tags"] = {"cyclonedx-inventory"};
    org["evidence"] =
        evidence_json(inv_.file, "confirmed", "/metadata/component: " + inv_.org_name);
    OrderedJson needs = OrderedJson::array();
    // What the institution itself depends on are the systems it uses: losing one degrades
    // it; its functions say what they need to work (docs/import.md).
    for (const std::string& ref : inv_.org_depends_on) {
      OrderedJson req = requirement(nullptr, ref, "the institution (" + inv_.org_ref + ")");
      req["effect"] = "degraded";
      req["note"] = "a system the institution uses";
      needs.push_back(std::move(req));
    }
    if (!needs.empty()) org["requires"] = std::move(needs);
    builder_.add_entity(std::move(org));
  }

  // The id of the provider entity for `item`'s provider, added the first time it is named.
  std::string provider_entity(const InventoryItem& item) {
    const auto found = providers_.find(item.provider);
    if (found != providers_.end()) return found->second;
    const std::string id = builder_.new_id({name_id(item.provider), item.provider});
    providers_[item.provider] = id;
    OrderedJson p;
    p["id"] = id;
    p["name"] = item.provider;
    p["kind"] = "provider";
    if (!item.provider_country.empty()) {
      p["jurisdiction"] = item.provider_country;
    } else {
      summary_.checks.push_back(inv_.file + ": " + item.pointer + ": provider " +
                                model::quoted(item.provider) +
                                " has no country (address.country): its jurisdiction is unknown, "
                                "so scenarios that select by jurisdiction will not select it");
      p["assumptions"] = OrderedJson::array(
          {"Import: the inventory gives no country for this provider; its jurisdiction is left "
           "unknown."});
    }
    p["company"] = item.provider;
    p["evidence"] = evidence_of(item, "provider " + item.provider);
    builder_.add_entity(std::move(p));
    return id;
  }

  // The item's link to its provider: the model's company, or a provider entity of its own.
  void add_provider_link(const InventoryItem& item, OrderedJson& needs) {
    if (self_run(item)) return;
    const std::string layer = item.layer.empty() ? "saas" : item.layer;
    const CompanyMatch match = builder_.companies().find(item.provider, "");
    if (match.by == CompanyMatch::By::kAmbiguous) {
      summary_.checks.push_back(inv_.file + ": " + item.pointer + ": provider " +
                                model::quoted(item.provider) + " " + describe_match(match) +
                                "; a provider entity of its own");
    }
    if (!match.found()) {
      OrderedJson req;
      req["on"] = provider_entity(item);
      req["layer"] = layer;
      req["evidence"] = evidence_of(item, "provider " + item.provider);
      needs.push_back(std::move(req));
      return;
    }
    ++linked_;
    const std::vector<std::uint32_t> targets = builder_.entities_for(
        match, layer == "infra" ? ServiceClass::kInfrastructure : ServiceClass::kService);
    OrderedJson fields;
    fields["layer"] = layer;
    fields["evidence"] = evidence_json(
        inv_.file, "presumed",
        item.pointer + ": provider " + item.provider + " — linked " + describe_match(match));
    fields["assumptions"] = OrderedJson::array(
        {"Import: linked by name: the provider " + model::quoted(item.provider) +
         " is taken to be the model's company " + model::quoted(match.company) +
         " (docs/import.md); give the item msout:entity to say which entity it is."});
    needs.push_back(builder_.requirement_on(
        targets, std::move(fields),
        "Import: the inventory does not say which of the company's entities (" +
            builder_.ids_of(targets) +
            ") this is: a choice of equal weights; give the item msout:entity to pick one."));
    summary_.lines.push_back("linked " + model::quoted(item.name) + " (provider " +
                             model::quoted(item.provider) + ") " + describe_match(match));
  }

  void add_item(const InventoryItem& item) {
    const std::size_t index = static_cast<std::size_t>(&item - inv_.items.data());
    const bool function = item.kind == "function";
    OrderedJson e;
    e["id"] = ids_[index];
    e["name"] = function ? item.name + " (" + inv_.org_name + ")" : item.name;
    e["kind"] = function ? "function" : "service";
    if (!item.jurisdiction.empty()) e["jurisdiction"] = item.jurisdiction;
    if (!item.provider.empty() && !self_run(item)) e["company"] = item.provider;
    // Tags a scenario's selector can use: what data the item holds, and its trust zone.
    OrderedJson tags = OrderedJson::array(
        {function ? "cyclonedx-function"
                  : (item.is_service ? "cyclonedx-service" : "cyclonedx-component")});
    for (const std::string& c : item.data_classifications) tags.push_back("data-" + id_slug(c));
    if (!item.trust_zone.empty()) tags.push_back("trust-zone-" + id_slug(item.trust_zone));
    e["tags"] = std::move(tags);
    if (item.people_served) e["people_served"] = *item.people_served;
    if (item.people_served) e["people_served_source"] = "estimate";
    if (item.people_served) {
      e["assumptions"] =
          OrderedJson::array({"People served as the inventory's msout:people_served gives it (" +
                              inv_.file + ", " + item.pointer + ")."});
    }
    e["evidence"] =
        evidence_of(item, item.name + (item.provider.empty() ? "" : ", provider " + item.provider));
    OrderedJson needs = OrderedJson::array();
    if (function) {
      OrderedJson own;
      own["on"] = org_id_;
      own["evidence"] = evidence_json(inv_.file, "definition",
                                      item.pointer + ": msout:kind function of " + inv_.org_name);
      own["note"] = "a function of " + inv_.org_name;
      needs.push_back(std::move(own));
    }
    add_provider_link(item, needs);
    for (const std::string& ref : item.depends_on) {
      needs.push_back(requirement(&item, ref, item.pointer + " (" + item.ref + ")"));
    }
    if (!needs.empty()) e["requires"] = std::move(needs);
    builder_.add_entity(std::move(e));
  }

  const CycloneDxInventory& inv_;
  OverlayBuilder builder_;
  ImportOptions options_;
  ImportSummary summary_;
  std::string org_id_;
  std::vector<std::string> ids_;                  // per item
  std::map<std::string, std::string> id_of_ref_;  // bom-ref -> entity id
  std::map<std::string, const InventoryItem*> item_of_ref_;
  std::map<std::string, std::string> providers_;  // provider name -> entity id
  std::size_t model_entities_ = 0;
  std::size_t linked_ = 0;
};

}  // namespace

ImportedOverlay cyclonedx_overlay(const CycloneDxInventory& inventory, const Model& model,
                                  const ImportOptions& options) {
  return CycloneDxMapper(inventory, model, options).run();
}

}  // namespace msout::model
