#include "sim/analysis/exposure_writer.h"

#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sim/report/text_table.h"

namespace msout::analysis {
namespace {

using Json = nlohmann::ordered_json;

Json path_json(const ExposureInput& input, const ExposureRow& row) {
  const model::Model& model = *input.model;
  const model::FrozenGraph& graph = *input.graph;
  Json steps = Json::array();
  steps.push_back({{"id", model.entities[graph.edge(row.path.front()).owner].id}});
  for (std::uint32_t e : row.path) {
    const model::Dependency& dependency = graph.source_dependency(model, e);
    steps.push_back({{"id", model.entities[graph.edge(e).dependency].id},
                     {"layer", model::to_string(dependency.layer)},
                     {"customer_managed_keys", dependency.customer_managed_keys}});
  }
  return steps;
}

}  // namespace

std::string home_text(const std::vector<std::string>& home) { return render::joined(home, ", "); }

std::string exposure_path_text(const ExposureInput& input, const ExposureRow& row) {
  const model::Model& model = *input.model;
  const model::FrozenGraph& graph = *input.graph;
  std::string text = model.entities[graph.edge(row.path.front()).owner].id;
  for (std::uint32_t e : row.path) {
    const model::Dependency& dependency = graph.source_dependency(model, e);
    text += " \u2192 " + model.entities[graph.edge(e).dependency].id + " (" +
            std::string(model::to_string(dependency.layer)) +
            (dependency.customer_managed_keys ? ", own keys" : "") + ")";
  }
  return text;
}

std::string exposure_table(const ExposureInput& input, const Exposure& result) {
  const model::Model& model = *input.model;
  std::ostringstream out;
  out << "JURISDICTION EXPOSURE: whose data foreign law can reach, where, and through what\n"
      << "Model: " << (model.name.empty() ? "(unnamed)" : model.name)
      << "; home jurisdictions: " << home_text(input.options.home)
      << " (EU includes its member states); disputed dependencies "
      << (input.include_disputed ? "included" : "left out") << "\n"
      << report::whatif_lines(input.whatif, "  ")
      << "Levels (white paper, chapter 3A): exposed = provider-managed service (saas),\n"
      << "reduced = own application on provider infrastructure (infra), reduced-customer-keys =\n"
      << "the same with customer-managed keys; self-hosted is not exposed. via: the\n"
      << "organisation's system through which the data gets there (see docs/analyses.md).\n"
      << "Sign-in only: entities reached only through an identity provider (tag identity, e.g.\n"
      << "Entra ID): they hold accounts and sign-ins, not the data, and are listed apart.\n";
  std::vector<std::string> unexposed;
  for (const OrganisationExposure& o : result.organisations) {
    const model::Entity& organisation = model.entities[o.organisation];
    if (o.rows.empty()) {
      unexposed.push_back(organisation.name);
      continue;
    }
    std::set<std::uint32_t> entities;
    for (const ExposureRow& row : o.rows) entities.insert(row.entity);
    out << "\n"
        << organisation.name << " (" << organisation.id << "): " << entities.size()
        << " foreign entit" << (entities.size() == 1 ? "y" : "ies") << ", " << o.rows.size()
        << " route" << (o.rows.size() == 1 ? "" : "s") << "\n";
    for (const ExposureHolds holds : {ExposureHolds::kData, ExposureHolds::kSignIn}) {
      report::TextTable table({"level", "law", "entity", "via", "path"});
      std::size_t rows = 0;
      for (const ExposureRow& row : o.rows) {
        if (row.holds != holds) continue;
        const model::Entity& entity = model.entities[row.entity];
        table.add({std::string(to_string(row.level)), entity.jurisdiction, entity.name,
                   model.entities[row.via].name, exposure_path_text(input, row)});
        ++rows;
      }
      if (rows == 0) continue;
      out << (holds == ExposureHolds::kData
                  ? "  where the data is:\n"
                  : "  sign-in only (accounts and sign-ins, not the data):\n")
          << table.render("    ");
    }
  }
  if (!unexposed.empty()) {
    out << "\nNOT EXPOSED TO FOREIGN LAW (" << unexposed.size() << ")\n";
    for (const std::string& name : unexposed) out << "  " << name << "\n";
  }
  return out.str();
}

std::string exposure_json(const ExposureInput& input, const Exposure& result) {
  const model::Model& model = *input.model;
  Json root;
  root["format"] = kExposureFormat;
  root["model"] = {{"name", model.name}, {"files", model.files}};
  root["whatif"] = report::whatif_json(input.whatif);
  root["home"] = input.options.home;
  root["include_disputed"] = input.include_disputed;
  Json organisations = Json::array();
  for (const OrganisationExposure& o : result.organisations) {
    const model::Entity& organisation = model.entities[o.organisation];
    Json rows = Json::array();
    for (const ExposureRow& row : o.rows) {
      const model::Entity& entity = model.entities[row.entity];
      const model::Entity& via = model.entities[row.via];
      rows.push_back({{"entity",
                       {{"id", entity.id},
                        {"name", entity.name},
                        {"kind", model::to_string(entity.kind)},
                        {"controlled_by", entity.controlled_by}}},
                      {"jurisdiction", entity.jurisdiction},
                      {"level", to_string(row.level)},
                      {"holds", to_string(row.holds)},
                      {"via", {{"id", via.id}, {"name", via.name}}},
                      {"path", path_json(input, row)}});
    }
    organisations.push_back({{"id", organisation.id},
                             {"name", organisation.name},
                             {"jurisdiction", organisation.jurisdiction},
                             {"exposures", std::move(rows)}});
  }
  root["organisations"] = std::move(organisations);
  return root.dump(2) + "\n";
}

}  // namespace msout::analysis
