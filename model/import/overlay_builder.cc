#include "model/import/overlay_builder.h"

#include <cctype>

#include "model/json_reader.h"
#include "model/overlay.h"
#include "model/printable_text.h"

namespace msout::model {

std::string id_slug(std::string_view text) {
  std::string out;
  bool dash = false;
  for (unsigned char c : text) {
    if (std::isalnum(c)) {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (c != '\'' && c != '.') {
      dash = true;  // "B.V." stays one word: "bv"
    }
    if (out.size() >= 60) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "x" : out;
}

std::string name_id(std::string_view name) {
  std::string joined;
  for (const std::string& w : company_words(name)) joined += (joined.empty() ? "" : "-") + w;
  return id_slug(joined);
}

OrderedJson evidence_json(const std::string& source, const std::string& confidence,
                          const std::string& quote) {
  OrderedJson evidence;
  evidence["source"] = source;
  evidence["confidence"] = confidence;
  if (!quote.empty()) evidence["quote"] = quote;
  return evidence;
}

std::string describe_match(const CompanyMatch& match) {
  switch (match.by) {
    case CompanyMatch::By::kLei:
      return "by LEI " + match.company;
    case CompanyMatch::By::kName:
      return "by name, company " + model::quoted(match.company);
    case CompanyMatch::By::kAmbiguous: {
      std::string names;
      for (const std::string& r : match.rivals)
        names += (names.empty() ? "" : ", ") + model::quoted(r);
      return "ambiguous: " + names;
    }
    case CompanyMatch::By::kNone:
      break;
  }
  return "not in the model";
}

OverlayBuilder::OverlayBuilder(const Model& model, std::string name, std::string description)
    : model_(model),
      companies_(model),
      name_(std::move(name)),
      description_(std::move(description)) {}

bool OverlayBuilder::reserve_id(const std::string& id) {
  if (model_.find(id) || used_ids_.count(id) != 0) return false;
  used_ids_.insert(id);
  return true;
}

std::string OverlayBuilder::institution_id(const ImportOptions& options, std::string_view name) {
  if (options.org_id.empty()) return new_id(name_id(name));
  if (!is_valid_id(options.org_id)) {
    throw InputError(
        std::vector<Diagnostic>{Diagnostic{"--org", "", invalid_id_message(options.org_id)}});
  }
  if (!reserve_id(options.org_id)) {
    throw InputError(std::vector<Diagnostic>{Diagnostic{"--org", "",
                                                        "the model already has an entity " +
                                                            model::quoted(options.org_id) +
                                                            "; choose another id"}});
  }
  return options.org_id;
}

std::string OverlayBuilder::new_id(std::string_view wanted) {
  const std::string base = id_slug(wanted);
  std::string id = base;
  for (int n = 2; !reserve_id(id); ++n) id = base + "-" + std::to_string(n);
  return id;
}

std::string OverlayBuilder::new_id(std::initializer_list<std::string_view> wanted) {
  for (std::string_view w : wanted) {
    const std::string id = id_slug(w);
    if (reserve_id(id)) return id;
  }
  return new_id(*wanted.begin());
}

std::vector<std::uint32_t> OverlayBuilder::entities_for(const CompanyMatch& match,
                                                        ServiceClass service_class) const {
  const EntityKind wanted =
      service_class == ServiceClass::kInfrastructure ? EntityKind::kProvider : EntityKind::kService;
  std::vector<std::uint32_t> chosen;
  for (std::uint32_t e : match.entities) {
    if (model_.entities[e].kind == wanted) chosen.push_back(e);
  }
  return chosen.empty() ? match.entities : chosen;
}

OrderedJson OverlayBuilder::requirement_on(const std::vector<std::uint32_t>& entities,
                                           OrderedJson fields,
                                           const std::string& why_several) const {
  OrderedJson requirement;
  if (entities.size() == 1) {
    requirement["on"] = model_.entities[entities.front()].id;
    for (auto& [key, value] : fields.items()) requirement[key] = value;
    return requirement;
  }
  OrderedJson members = OrderedJson::array();
  for (std::uint32_t e : entities) {
    OrderedJson member;
    member["on"] = model_.entities[e].id;
    member["weight"] = 1;
    if (fields.contains("layer")) member["layer"] = fields["layer"];
    members.push_back(std::move(member));
  }
  requirement["one_of"] = std::move(members);
  for (auto& [key, value] : fields.items()) {
    if (key == "layer") continue;
    if (key == "assumptions") continue;
    requirement[key] = value;
  }
  OrderedJson assumptions = fields.value("assumptions", OrderedJson::array());
  assumptions.push_back(why_several);
  requirement["assumptions"] = std::move(assumptions);
  return requirement;
}

std::string OverlayBuilder::ids_of(const std::vector<std::uint32_t>& entities) const {
  std::string out;
  for (std::uint32_t e : entities) out += (out.empty() ? "" : ", ") + model_.entities[e].id;
  return out;
}

Model apply_imported_overlay(const Model& model, const OrderedJson& document,
                             const std::string& file, Diagnostics& diags) {
  Model patched = model;
  const Overlay overlay = build_overlay(file, nlohmann::json::parse(document.dump()), diags);
  if (!diags.has_errors()) apply_overlay(patched, overlay, diags);
  return patched;
}

OrderedJson OverlayBuilder::document() const {
  OrderedJson doc;
  doc["format"] = "msout-overlay/1";
  doc["name"] = name_;
  doc["description"] = description_;
  if (!evidence_.is_null()) doc["evidence"] = evidence_;
  if (!assumptions_.empty()) doc["assumptions"] = assumptions_;
  doc["add_entities"] = entities_;
  return doc;
}

}  // namespace msout::model
