#include "model/import/dora_overlay.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "model/duration.h"
#include "model/json_reader.h"
#include "model/printable_text.h"

namespace msout::model {
namespace {

// The regulation's types of ICT services as the model's layers (docs/import.md, "Types of
// ICT services"): "" for services that are no IT layer (people, lines, hardware).
const char* layer_of(const ServiceType& type) {
  switch (type.number) {
    case 7:   // ICT, facilities and hosting services (excluding cloud)
    case 8:   // computation
    case 9:   // non-cloud data storage
    case 17:  // IaaS
    case 18:  // PaaS: the institution's own application on the provider's platform
      return "infra";
    case 13:  // software licencing (excluding SaaS): the institution runs it
      return "self";
    case 3:   // help desk
    case 4:   // security management
    case 5:   // provision of data
    case 6:   // data analysis
    case 14:  // operation management
    case 16:  // risk management
    case 19:  // SaaS
      return "saas";
    default:  // project management, development, telecom, network, hardware, consulting
      return "";
  }
}

ServiceClass class_of(const ServiceType& type) {
  return std::string(layer_of(type)) == "infra" ? ServiceClass::kInfrastructure
                                                : ServiceClass::kService;
}

std::string reliance_text(Reliance r) {
  switch (r) {
    case Reliance::kNotSignificant:
      return "reliance not significant";
    case Reliance::kLow:
      return "low reliance";
    case Reliance::kMaterial:
      return "material reliance";
    case Reliance::kFull:
      return "full reliance";
    case Reliance::kUnknown:
      break;
  }
  return "reliance not given";
}

// The first words of a name, at most about 30 characters: ids stay short enough to read in
// a table ("payments-sepa-credit").
std::string short_words(std::string_view name) {
  std::string out;
  for (const std::string& w : company_words(name)) {
    if (!out.empty() && out.size() + w.size() > 30) break;
    out += (out.empty() ? "" : "-") + w;
  }
  return out;
}

std::string hours_text(double hours) {
  std::ostringstream out;
  out << hours;
  return out.str() + (hours == 1 ? " hour" : " hours");
}

OrderedJson evidence_of(const RegisterSource& s, const std::string& confidence) {
  return evidence_json(s.file, confidence, s.where + ": " + s.quote);
}

class DoraMapper {
 public:
  DoraMapper(const DoraRegister& reg, const Model& model, const ImportOptions& options)
      : reg_(reg),
        builder_(model, "DORA Register of Information: " + reg.entity.name,
                 "Imported with `msout import dora-roi` from " + reg.origin +
                     (reg.taxonomy.empty() ? "" : " (" + reg.taxonomy + ")") + ": " +
                     reg.entity.name + ", its " + std::to_string(reg.functions.size()) +
                     " functions and its " + std::to_string(reg.providers.size()) +
                     " ICT third-party service providers. Every claim names the register's "
                     "file, table, row and columns."),
        options_(options) {
    // Indexes, so that a register of many rows is mapped in time linear in its size.
    for (const RegisterProvider& p : reg.providers) {
      provider_by_id_[p.id] = &p;
      provider_by_words_.emplace(company_words(p.name), &p);
    }
    for (const RegisterService& s : reg.services) {
      services_of_function_[s.function_id].push_back(&s);
      classes_[s.provider_id].insert(class_of(s.service_type));
    }
    for (const SupplyChainLink& l : reg.supply_chain) {
      // A subcontractor's row names the service of the whole chain, not its own part in it.
      if (l.rank == 1) classes_[l.provider_id].insert(class_of(l.service_type));
      if (l.rank >= 2) subcontractors_of_[l.recipient_id].push_back(&l);
    }
    for (const ServiceAssessment& a : reg.assessments) {
      assessments_[{a.contract, a.provider_id, a.service_type.number}] = &a;
    }
  }

  ImportedOverlay run() {
    builder_.set_evidence(evidence_of(reg_.entity.source, "confirmed"));
    builder_.add_assumption(
        "Import: the register is the institution's own declaration, so its claims are "
        "`confirmed`; links msout infers by a name match are `presumed`.");
    builder_.add_assumption(
        "Import: the register gives no tolerances: every dependency takes effect at once "
        "(tolerance 0s) unless a named alternative takes over within the function's RTO.");
    builder_.add_assumption(
        "Import: the register does not say how many people a function serves (people_served "
        "is left out).");
    for (const Diagnostic& w : reg_.warnings) summary_.checks.push_back(w.to_string());
    add_institution();
    add_providers();
    add_functions();
    summary_.lines.insert(summary_.lines.begin(), headline());
    return ImportedOverlay{builder_.document(), org_id_, std::move(summary_)};
  }

 private:
  std::string headline() const {
    std::size_t critical = 0;
    for (const RegisterFunction& f : reg_.functions) critical += f.critical == Assessed::kYes;
    return reg_.entity.name + " (LEI " + reg_.entity.lei + ", id " + org_id_ +
           "): " + std::to_string(reg_.functions.size()) + " functions (" +
           std::to_string(critical) + " critical or important), " +
           std::to_string(reg_.providers.size()) + " ICT providers (" + std::to_string(linked_) +
           " linked to the model), " + std::to_string(reg_.services.size()) + " services, " +
           std::to_string(subcontracts_) + " subcontracting links, " +
           std::to_string(alternative_groups_) + " dependencies with named alternatives";
  }

  void add_institution() {
    org_id_ = builder_.institution_id(options_, reg_.entity.name);
    OrderedJson org;
    org["id"] = org_id_;
    org["name"] = reg_.entity.name;
    org["kind"] = "organisation";
    org["sector"] = "finance";
    if (!reg_.entity.country.empty()) org["jurisdiction"] = reg_.entity.country;
    org["company"] = reg_.entity.name;
    if (is_valid_lei(reg_.entity.lei)) org["lei"] = reg_.entity.lei;
    org["tags"] = {"dora-register"};
    org["evidence"] = evidence_of(reg_.entity.source, "confirmed");
    builder_.add_entity(std::move(org));
  }

  // The jurisdiction of `p`'s controlling company, and `controlled_by` where the parent is
  // known; an assumption when it is not. `own` is `p`'s company in the model, if any.
  void set_jurisdiction(const RegisterProvider& p, const CompanyMatch& own, OrderedJson& entity,
                        std::vector<std::string>& assumptions) {
    // The jurisdiction the model records for a company, and its controlled_by text.
    const auto model_company = [&](const CompanyMatch& m) -> const Entity* {
      if (!m.found()) return nullptr;
      const Entity& known = builder_.model().entities[m.entities.front()];
      if (known.jurisdiction.empty()) return nullptr;
      entity["controlled_by"] =
          (known.company.empty() ? known.name : known.company) + " (" + known.jurisdiction + ")";
      return &known;
    };
    std::string jurisdiction = p.hq_country;
    if (!p.parent_id.empty()) {
      const auto parent = provider_by_id_.find(p.parent_id);
      if (parent != provider_by_id_.end()) {
        jurisdiction = parent->second->hq_country;
        entity["controlled_by"] = parent->second->name + " (" + jurisdiction + ")";
      } else if (const Entity* known = model_company(
                     builder_.companies().find("", p.parent_is_lei ? p.parent_id : ""))) {
        jurisdiction = known->jurisdiction;
      } else if (const Entity* company = model_company(own)) {
        // The provider is a company of the model, which records who controls it.
        jurisdiction = company->jurisdiction;
        assumptions.push_back("Import: the ultimate parent " + p.parent_id +
                              " is not in the register; the provider is the model's company " +
                              model::quoted(own.company) + " (" + describe_match(own) +
                              "), whose jurisdiction (" + jurisdiction + ") it takes.");
      } else {
        assumptions.push_back(
            "Import: the ultimate parent " + p.parent_id +
            " is neither in the register's B_05.01 nor in the model, so its country is "
            "unknown; the provider's own headquarters country (" +
            p.hq_country +
            ") stands in, which understates foreign control if the parent sits "
            "elsewhere.");
        summary_.checks.push_back(p.source.file + ": " + p.source.where + ": provider " +
                                  model::quoted(p.name) + ": ultimate parent " +
                                  model::quoted(p.parent_id) + " unknown; jurisdiction " +
                                  p.hq_country + " (its own headquarters) assumed");
      }
    }
    if (!jurisdiction.empty()) entity["jurisdiction"] = jurisdiction;
  }

  // The service classes in which `p` serves the institution directly (a provider known only
  // as a subcontractor counts as a service).
  std::set<ServiceClass> classes_served(const RegisterProvider& p) const {
    const auto found = classes_.find(p.id);
    if (found == classes_.end()) return {ServiceClass::kService};
    return found->second;
  }

  void add_providers() {
    for (const RegisterProvider& p : reg_.providers) {
      provider_ids_[p.id] = builder_.new_id({name_id(p.name), p.name});
    }
    for (const RegisterProvider& p : reg_.providers) {
      OrderedJson entity;
      std::vector<std::string> assumptions;
      entity["id"] = provider_ids_[p.id];
      entity["name"] = p.name;
      entity["kind"] = "provider";
      entity["sector"] = "ict";
      const CompanyMatch match =
          builder_.companies().find(p.name, p.id_is_lei ? p.id : std::string());
      set_jurisdiction(p, match, entity, assumptions);
      entity["company"] = p.name;
      if (p.id_is_lei && is_valid_lei(p.id)) entity["lei"] = p.id;
      entity["tags"] = {"ict-third-party-provider"};
      entity["evidence"] = evidence_of(p.source, "confirmed");
      OrderedJson needs = OrderedJson::array();
      link_to_model(p, match, needs);
      add_subcontractors(p, needs);
      if (!assumptions.empty()) entity["assumptions"] = assumptions;
      if (!needs.empty()) entity["requires"] = std::move(needs);
      builder_.add_entity(std::move(entity));
    }
  }

  void link_to_model(const RegisterProvider& p, const CompanyMatch& match, OrderedJson& needs) {
    const std::string where = p.source.file + ": " + p.source.where;
    if (match.by == CompanyMatch::By::kAmbiguous) {
      summary_.checks.push_back(where + ": provider " + model::quoted(p.name) + " " +
                                describe_match(match) + "; not linked to the model");
      return;
    }
    if (!match.found()) return;
    ++linked_;
    const bool by_lei = match.by == CompanyMatch::By::kLei;
    for (ServiceClass service_class : classes_served(p)) {
      const std::vector<std::uint32_t> targets = builder_.entities_for(match, service_class);
      OrderedJson fields;
      fields["layer"] = service_class == ServiceClass::kInfrastructure ? "infra" : "saas";
      fields["evidence"] = evidence_json(
          p.source.file, by_lei ? "confirmed" : "presumed",
          p.source.where + ": " + p.source.quote + " — linked " + describe_match(match));
      fields["assumptions"] = OrderedJson::array(
          {by_lei ? "Import: the register's provider has the LEI of the model's company " +
                        model::quoted(match.company) + "."
                  : "Import: linked by name: the register's provider " + model::quoted(p.name) +
                        " is taken to be the model's company " + model::quoted(match.company) +
                        " (its name begins with the company's; docs/import.md). Check it, and "
                        "give the model entity the provider's LEI to make the link certain."});
      fields["note"] =
          std::string("the provider's ") +
          (service_class == ServiceClass::kInfrastructure ? "infrastructure" : "services") +
          " in the model";
      needs.push_back(builder_.requirement_on(
          targets, std::move(fields),
          "Import: the register does not say which of the company's entities (" +
              builder_.ids_of(targets) +
              ") serves this provider: a choice of equal weights; edit the overlay to pick "
              "one."));
      summary_.lines.push_back("linked " + model::quoted(p.name) + " " + describe_match(match) +
                               " -> " + builder_.ids_of(targets));
    }
  }

  void add_subcontractors(const RegisterProvider& p, OrderedJson& needs) {
    const auto found = subcontractors_of_.find(p.id);
    if (found == subcontractors_of_.end()) return;
    std::set<std::string> done;
    for (const SupplyChainLink* link : found->second) {
      const SupplyChainLink& l = *link;
      const std::string target = provider_ids_.at(l.provider_id);
      if (!done.insert(target).second) continue;
      ++subcontracts_;
      OrderedJson req;
      req["on"] = target;
      // No layer: B_05.02 names the service of the whole chain, not what the subcontractor
      // supplies within it.
      req["evidence"] = evidence_of(l.source, "confirmed");
      req["note"] = "subcontractor (rank " + std::to_string(l.rank) +
                    ") in the supply chain of "
                    "contract " +
                    l.contract + ", " + l.service_type.code() + " " + l.service_type.label();
      needs.push_back(std::move(req));
    }
  }

  const ServiceAssessment* assessment_of(const RegisterService& s) const {
    const auto found = assessments_.find({s.contract, s.provider_id, s.service_type.number});
    return found == assessments_.end() ? nullptr : found->second;
  }

  // The entity ids a named alternative stands for: a provider of the register (by id or
  // name), else a company of the model; empty when msout cannot find it.
  std::vector<std::string> resolve_alternative(const std::string& alternative,
                                               const ServiceType& type) {
    if (const auto p = provider_by_id_.find(alternative); p != provider_by_id_.end()) {
      return {provider_ids_.at(p->first)};
    }
    if (const auto p = provider_by_words_.find(company_words(alternative));
        p != provider_by_words_.end()) {
      return {provider_ids_.at(p->second->id)};
    }
    const CompanyMatch match = builder_.companies().find(
        alternative, is_valid_lei(alternative) ? alternative : std::string());
    if (!match.found()) return {};
    std::vector<std::string> ids;
    for (std::uint32_t e : builder_.entities_for(match, class_of(type))) {
      ids.push_back(builder_.model().entities[e].id);
    }
    return ids;
  }

  OrderedJson service_requirement(const RegisterFunction& f, const RegisterService& s) {
    const std::string target = provider_ids_.at(s.provider_id);
    const char* layer = layer_of(s.service_type);
    const bool full = s.reliance == Reliance::kFull || s.reliance == Reliance::kMaterial ||
                      s.reliance == Reliance::kUnknown;
    std::vector<std::string> assumptions;
    if (s.reliance == Reliance::kUnknown) {
      assumptions.push_back(
          "Import: the register gives no level of reliance for this service: taken as full "
          "reliance (effect down).");
    }
    std::string note = "contract " + s.contract + ": " + s.service_type.code() + " " +
                       s.service_type.label() + ", " + reliance_text(s.reliance);
    if (!s.data_location.empty()) note += "; data at rest in " + s.data_location;
    if (!s.processing_location.empty()) note += ", managed in " + s.processing_location;

    OrderedJson primary;
    primary["on"] = target;
    if (*layer != '\0') primary["layer"] = layer;

    const ServiceAssessment* a = assessment_of(s);
    std::vector<OrderedJson> alternatives;
    std::vector<std::string> unresolved;
    if (a != nullptr) {
      for (const std::string& name : a->alternatives) {
        const std::vector<std::string> ids = resolve_alternative(name, s.service_type);
        if (ids.empty()) unresolved.push_back(name);
        for (const std::string& id : ids) {
          const bool named_before =
              std::any_of(alternatives.begin(), alternatives.end(),
                          [&](const OrderedJson& m) { return m["on"] == id; });
          if (id == target || named_before) continue;
          OrderedJson member;
          member["on"] = id;
          if (*layer != '\0') member["layer"] = layer;
          member["evidence"] = evidence_of(a->source, "confirmed");
          alternatives.push_back(std::move(member));
        }
      }
      for (const std::string& name : unresolved) {
        summary_.checks.push_back(a->source.file + ": " + a->source.where + ": alternative " +
                                  model::quoted(name) +
                                  " is neither a provider of the register nor a company of "
                                  "the model; not modelled");
        assumptions.push_back("Import: B_07.01 names " + model::quoted(name) +
                              " as an alternative, which msout cannot find in the register or "
                              "the model; it is not modelled.");
      }
      if (a->alternatives.empty() && a->alternatives_identified == Assessed::kYes) {
        summary_.checks.push_back(a->source.file + ": " + a->source.where +
                                  ": alternatives identified but not named; not modelled");
        assumptions.push_back(
            "Import: B_07.01 says alternative providers are identified but names none; no "
            "alternative is modelled.");
      }
    }
    if (!alternatives.empty() && !f.rto_hours) {
      summary_.checks.push_back(f.source.file + ": " + f.source.where + ": function " +
                                model::quoted(f.name) +
                                " has no RTO, so named alternatives have no switchover time; "
                                "not modelled");
      assumptions.push_back(
          "Import: the function has no RTO in B_06.01, so the named alternatives have no "
          "switchover time and are not modelled (the dependency stays single).");
      alternatives.clear();
    }

    OrderedJson req;
    if (alternatives.empty()) {
      req = primary;
      req["effect"] = full ? "down" : "degraded";
      req["evidence"] = evidence_of(s.source, "confirmed");
    } else {
      ++alternative_groups_;
      primary["evidence"] = evidence_of(s.source, "confirmed");
      OrderedJson members = OrderedJson::array({primary});
      for (OrderedJson& m : alternatives) members.push_back(std::move(m));
      req["any"] = std::move(members);
      const auto seconds = static_cast<std::int64_t>(std::llround(*f.rto_hours * 3600));
      req["switchover"] = format_duration(Duration{seconds});
      req["effect"] = full ? "down" : "degraded";
      req["evidence"] = evidence_of(a->source, "confirmed");
      assumptions.push_back(
          "Import: the switchover to a named alternative takes the function's RTO (" +
          hours_text(*f.rto_hours) +
          ", B_06.01): the institution's objective for restoring the function, not a tested "
          "time.");
    }
    if (!assumptions.empty()) req["assumptions"] = assumptions;
    req["note"] = note;
    return req;
  }

  void add_functions() {
    for (const RegisterFunction& f : reg_.functions) {
      OrderedJson entity;
      entity["id"] = builder_.new_id(org_id_ + "-" + id_slug(f.id) + "-" + short_words(f.name));
      entity["name"] = f.name + " (" + reg_.entity.name + ")";
      entity["kind"] = "function";
      entity["sector"] = "finance";
      OrderedJson tags = OrderedJson::array({"dora-function"});
      if (f.critical == Assessed::kYes) tags.push_back("critical-or-important");
      entity["tags"] = std::move(tags);
      entity["evidence"] = evidence_of(f.source, "confirmed");
      std::vector<std::string> assumptions;
      if (f.rto_hours) {
        assumptions.push_back(
            "The register's recovery time objective: " + hours_text(*f.rto_hours) +
            (f.rpo_hours ? "; recovery point objective: " + hours_text(*f.rpo_hours)
                         : std::string()) +
            ".");
      }
      if (!assumptions.empty()) entity["assumptions"] = assumptions;
      OrderedJson needs = OrderedJson::array();
      OrderedJson own;
      own["on"] = org_id_;
      own["evidence"] = evidence_of(f.source, "definition");
      own["note"] = "a function of " + reg_.entity.name + " (B_06.01)";
      needs.push_back(std::move(own));
      if (const auto found = services_of_function_.find(f.id);
          found != services_of_function_.end()) {
        for (const RegisterService* s : found->second) needs.push_back(service_requirement(f, *s));
      }
      if (needs.size() == 1) {
        summary_.checks.push_back(f.source.file + ": " + f.source.where + ": function " +
                                  model::quoted(f.name) +
                                  " has no ICT service in B_02.02; it depends only on the "
                                  "institution");
      }
      entity["requires"] = std::move(needs);
      builder_.add_entity(std::move(entity));
    }
  }

  const DoraRegister& reg_;
  OverlayBuilder builder_;
  ImportOptions options_;
  ImportSummary summary_;
  std::string org_id_;
  std::map<std::string, std::string> provider_ids_;  // register id -> entity id
  std::map<std::string, const RegisterProvider*> provider_by_id_;
  std::map<std::vector<std::string>, const RegisterProvider*> provider_by_words_;  // first
  std::map<std::string, std::vector<const RegisterService*>> services_of_function_;
  std::map<std::string, std::set<ServiceClass>> classes_;  // provider id -> classes served
  std::map<std::string, std::vector<const SupplyChainLink*>> subcontractors_of_;  // recipient
  std::map<std::tuple<std::string, std::string, int>, const ServiceAssessment*> assessments_;
  std::size_t linked_ = 0;
  std::size_t subcontracts_ = 0;
  std::size_t alternative_groups_ = 0;
};

}  // namespace

ImportedOverlay dora_overlay(const DoraRegister& reg, const Model& model,
                             const ImportOptions& options) {
  return DoraMapper(reg, model, options).run();
}

}  // namespace msout::model
