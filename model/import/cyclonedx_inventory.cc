#include "model/import/cyclonedx_inventory.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "model/input_limits.h"
#include "model/json_document.h"
#include "model/json_reader.h"
#include "model/printable_text.h"

namespace msout::model {
namespace {

using json = nlohmann::json;

const std::set<std::string> kSpecVersions = {"1.2", "1.3", "1.4", "1.5", "1.6"};

class InventoryReader {
 public:
  InventoryReader(const std::string& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  void error(const std::string& pointer, const std::string& message) {
    diags_.error(file_, pointer, message);
  }

  std::string text(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
  }

  // The organisation's name: a service's `provider`, a component's `supplier`,
  // `manufacturer` (1.6) or `publisher`.
  void read_provider(const json& value, InventoryItem& item) {
    const char* keys[] = {"provider", "supplier", "manufacturer"};
    for (const char* key : keys) {
      const auto it = value.find(key);
      if (it == value.end() || !it->is_object()) continue;
      item.provider = text(*it, "name");
      const auto address = it->find("address");
      if (address != it->end() && address->is_object()) {
        const std::string country = text(*address, "country");
        if (country.size() == 2 && is_valid_jurisdiction(country)) item.provider_country = country;
      }
      if (!item.provider.empty()) return;
    }
    item.provider = text(value, "publisher");
  }

  void read_properties(const json& value, InventoryItem& item) {
    const auto props = value.find("properties");
    if (props == value.end()) return;
    const std::string base = pointer_append(item.pointer, "properties");
    if (!props->is_array()) {
      error(base, "must be an array of {\"name\", \"value\"}");
      return;
    }
    for (std::size_t i = 0; i < props->size(); ++i) {
      const json& p = (*props)[i];
      const std::string at = pointer_append(base, i);
      if (!p.is_object()) continue;
      const std::string name = text(p, "name");
      if (name.rfind("msout:", 0) != 0) continue;  // another tool's property
      const std::string v = text(p, "value");
      const std::string where = pointer_append(at, "value");
      if (name == "msout:kind") {
        if (v != "function" && v != "service")
          error(where, "msout:kind is function or service, not " + model::quoted(v));
        item.kind = v;
      } else if (name == "msout:entity") {
        if (!is_valid_id(v)) error(where, invalid_id_message(v));
        item.entity = v;
      } else if (name == "msout:layer") {
        if (v != "saas" && v != "infra" && v != "self") {
          error(where, "msout:layer is saas, infra or self, not " + model::quoted(v));
        }
        item.layer = v;
      } else if (name == "msout:effect") {
        if (v != "down" && v != "degraded")
          error(where, "msout:effect is down or degraded, not " + model::quoted(v));
        item.effect = v;
      } else if (name == "msout:tolerance" || name == "msout:recovery") {
        const DurationParse d = parse_duration(v);
        if (!d.value) {
          error(where, name + ": " + d.error);
        } else {
          (name == "msout:tolerance" ? item.tolerance : item.recovery) = d.value;
        }
      } else if (name == "msout:people_served") {
        std::uint64_t n = 0;
        const bool digits =
            !v.empty() && v.size() <= 11 && v.find_first_not_of("0123456789") == std::string::npos;
        if (digits) n = std::stoull(v);
        if (!digits || n > kMaxPeopleServed) {
          error(where,
                "msout:people_served is a whole number from 0 to 10^10, not " + model::quoted(v));
        } else {
          item.people_served = n;
        }
      } else if (name == "msout:jurisdiction") {
        if (!is_valid_jurisdiction(v))
          error(where, "invalid jurisdiction " + model::quoted(v) +
                           " (use a code in capitals such as US, NL, EU)");
        item.jurisdiction = v;
      } else {
        error(pointer_append(at, "name"),
              "unknown property " + model::quoted(name) +
                  " (msout reads msout:kind, msout:entity, msout:layer, msout:tolerance, "
                  "msout:recovery, msout:effect, msout:people_served, msout:jurisdiction)");
      }
    }
  }

  void define(const std::string& ref, const std::string& pointer) {
    if (ref.empty()) return;
    const auto [it, inserted] = refs_.emplace(ref, pointer);
    if (!inserted) {
      error(pointer_append(pointer, "bom-ref"),
            "bom-ref " + model::quoted(ref) + " is already used at " + it->second);
    }
  }

  void read_items(const json& array, const std::string& pointer, bool services,
                  CycloneDxInventory& inv) {
    if (!array.is_array()) {
      error(pointer, "must be an array");
      return;
    }
    for (std::size_t i = 0; i < array.size(); ++i) {
      const json& value = array[i];
      InventoryItem item;
      item.pointer = pointer_append(pointer, i);
      item.is_service = services;
      if (!value.is_object()) {
        error(item.pointer, "must be an object");
        continue;
      }
      item.name = text(value, "name");
      if (item.name.empty() || !is_single_line_text(item.name)) {
        error(pointer_append(item.pointer, "name"), "a name (one line of text) is required");
      }
      item.ref = text(value, "bom-ref");
      define(item.ref, item.pointer);
      read_provider(value, item);
      if (!is_single_line_text(item.provider)) {
        error(item.pointer, "the provider's name must be one line of text");
      }
      read_properties(value, item);
      item.trust_zone = text(value, "trustZone");
      if (const auto data = value.find("data"); data != value.end() && data->is_array()) {
        for (const json& flow : *data) {
          if (!flow.is_object()) continue;
          const std::string c = text(flow, "classification");
          if (!c.empty() &&
              std::find(item.data_classifications.begin(), item.data_classifications.end(), c) ==
                  item.data_classifications.end()) {
            item.data_classifications.push_back(c);
          }
        }
      }
      inv.items.push_back(std::move(item));
      const char* nested = services ? "services" : "components";
      if (value.contains(nested)) {
        read_items(value[nested], pointer_append(inv.items.back().pointer, nested), services, inv);
      }
    }
  }

  // "A dependsOn B" and "A provides B" (B is provided by A: B depends on A).
  void read_dependencies(const json& array, CycloneDxInventory& inv) {
    if (!array.is_array()) {
      error("/dependencies", "must be an array");
      return;
    }
    std::map<std::string, std::vector<std::string>*> by_ref;
    by_ref[inv.org_ref] = &inv.org_depends_on;
    for (InventoryItem& item : inv.items) {
      if (!item.ref.empty()) by_ref[item.ref] = &item.depends_on;
    }
    const auto known = [&](const std::string& ref, const std::string& where) {
      if (by_ref.count(ref) != 0 && !ref.empty()) return true;
      error(where, "no component or service has bom-ref " + model::quoted(ref));
      return false;
    };
    std::set<std::pair<std::string, std::string>> seen;  // (dependent, dependency)
    for (std::size_t i = 0; i < array.size(); ++i) {
      const json& d = array[i];
      const std::string at = pointer_append("/dependencies", i);
      if (!d.is_object()) continue;
      const std::string ref = text(d, "ref");
      if (!known(ref, pointer_append(at, "ref"))) continue;
      for (const char* key : {"dependsOn", "provides"}) {
        const auto list = d.find(key);
        if (list == d.end() || !list->is_array()) continue;
        for (std::size_t j = 0; j < list->size(); ++j) {
          const std::string where = pointer_append(pointer_append(at, key), j);
          const std::string other = (*list)[j].is_string() ? (*list)[j].get<std::string>() : "";
          if (!known(other, where) || other == ref) continue;
          std::vector<std::string>& needs =
              std::string(key) == "dependsOn" ? *by_ref[ref] : *by_ref[other];
          const std::string& on = std::string(key) == "dependsOn" ? other : ref;
          if (seen.insert({std::string(key) == "dependsOn" ? ref : other, on}).second) {
            needs.push_back(on);
          }
        }
      }
    }
  }

 private:
  const std::string& file_;
  Diagnostics& diags_;
  std::map<std::string, std::string> refs_;  // bom-ref -> pointer of its definition
};

}  // namespace

CycloneDxInventory read_cyclonedx_inventory(const SourceText& source) {
  Diagnostics diags;
  CycloneDxInventory inv;
  inv.path = source.name;
  inv.file = std::filesystem::path(source.name).filename().string();
  const std::optional<json> document = parse_json(source, diags);
  if (!document) throw InputError(diags.errors());
  InventoryReader in(source.name, diags);
  if (!document->is_object() || in.text(*document, "bomFormat") != "CycloneDX") {
    in.error("/bomFormat", "not a CycloneDX BOM: \"bomFormat\" must be \"CycloneDX\"");
    throw InputError(diags.errors());
  }
  inv.spec_version = in.text(*document, "specVersion");
  if (kSpecVersions.count(inv.spec_version) == 0) {
    in.error("/specVersion", "CycloneDX " + model::quoted(inv.spec_version) +
                                 " is not a version msout reads (1.2 to 1.6)");
  }
  const auto metadata = document->find("metadata");
  if (metadata != document->end() && metadata->is_object() && metadata->contains("component") &&
      (*metadata)["component"].is_object()) {
    const json& org = (*metadata)["component"];
    inv.org_name = in.text(org, "name");
    inv.org_ref = in.text(org, "bom-ref");
    in.define(inv.org_ref, "/metadata/component");
  }
  if (inv.org_name.empty() || !is_single_line_text(inv.org_name)) {
    in.error("/metadata/component/name",
             "the institution the inventory describes is required: metadata.component with a "
             "name (and a bom-ref, to say what it depends on directly)");
  }
  if (document->contains("services"))
    in.read_items((*document)["services"], "/services", true, inv);
  if (document->contains("components")) {
    in.read_items((*document)["components"], "/components", false, inv);
  }
  if (document->contains("dependencies")) in.read_dependencies((*document)["dependencies"], inv);
  if (diags.has_errors()) throw InputError(diags.errors());
  return inv;
}

}  // namespace msout::model
