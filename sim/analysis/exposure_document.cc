#include "sim/analysis/exposure_document.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "sim/report/document_parts.h"

namespace msout::analysis {
namespace {

using render::Cell;
using report::count_cell;
using report::count_column;
using report::detail_column;
using report::text_column;

std::size_t foreign_entities(const OrganisationExposure& o) {
  std::set<std::uint32_t> entities;
  for (const ExposureRow& row : o.rows) entities.insert(row.entity);
  return entities.size();
}

render::Table exposures_table(const ExposureInput& input, const Exposure& result) {
  const model::Model& model = *input.model;
  render::Table table;
  table.name = "exposures";
  table.title = "Where foreign law reaches the organisations' data";
  table.note =
      "Levels (white paper, chapter 3A): exposed = provider-managed service (saas), reduced = "
      "own application on provider infrastructure (infra), reduced-customer-keys = the same "
      "with customer-managed keys. holds sign-in: reached only through an identity provider; "
      "it holds accounts and sign-ins, not the data. via: the organisation's system through "
      "which the data gets there.";
  table.columns = {text_column("organisation_id", "organisation", 28),
                   detail_column(text_column("organisation_name", "organisation name")),
                   text_column("holds", "holds"),
                   text_column("level", "level"),
                   text_column("jurisdiction", "law"),
                   text_column("entity_id", "entity", 28),
                   detail_column(text_column("entity_name", "entity name")),
                   detail_column(text_column("entity_kind", "kind")),
                   detail_column(text_column("controlled_by", "controlled by")),
                   text_column("via_id", "via", 24),
                   detail_column(text_column("via_name", "via name")),
                   text_column("path", "route", 60)};
  for (const OrganisationExposure& o : result.organisations) {
    const model::Entity& organisation = model.entities[o.organisation];
    for (const ExposureRow& row : o.rows) {
      const model::Entity& entity = model.entities[row.entity];
      const model::Entity& via = model.entities[row.via];
      table.rows.push_back({Cell::plain(organisation.id), Cell::plain(organisation.name),
                            Cell::plain(std::string(to_string(row.holds))),
                            Cell::plain(std::string(to_string(row.level))),
                            Cell::plain(entity.jurisdiction), Cell::plain(entity.id),
                            Cell::plain(entity.name),
                            Cell::plain(std::string(model::to_string(entity.kind))),
                            Cell::plain(entity.controlled_by), Cell::plain(via.id),
                            Cell::plain(via.name), Cell::plain(exposure_path_text(input, row))});
    }
  }
  return table;
}

render::Table organisations_table(const ExposureInput& input, const Exposure& result) {
  const model::Model& model = *input.model;
  render::Table table;
  table.name = "organisations";
  table.title = "Organisations analysed";
  table.note = "0 foreign entities: not exposed to foreign law.";
  table.columns = {text_column("id", "organisation", 28), text_column("name", "name", 40),
                   text_column("jurisdiction", "jurisdiction"),
                   count_column("foreign_entities", "foreign entities"),
                   count_column("routes", "routes")};
  for (const OrganisationExposure& o : result.organisations) {
    const model::Entity& organisation = model.entities[o.organisation];
    table.rows.push_back({Cell::plain(organisation.id), Cell::plain(organisation.name),
                          organisation.jurisdiction.empty()
                              ? Cell::number("-", "")
                              : Cell::plain(organisation.jurisdiction),
                          count_cell(foreign_entities(o)), count_cell(o.rows.size())});
  }
  return table;
}

std::vector<std::string> headline(const ExposureInput& input, const Exposure& result) {
  const model::Model& model = *input.model;
  std::size_t exposed = 0;
  std::size_t with_data = 0;
  std::size_t saas = 0;
  for (const OrganisationExposure& o : result.organisations) {
    if (o.rows.empty()) continue;
    ++exposed;
    bool data = false;
    bool clear = false;
    for (const ExposureRow& row : o.rows) {
      data = data || row.holds == ExposureHolds::kData;
      clear = clear || (row.holds == ExposureHolds::kData && row.level == ExposureLevel::kExposed);
    }
    with_data += data ? 1 : 0;
    saas += clear ? 1 : 0;
  }
  const std::size_t n = result.organisations.size();
  std::vector<std::string> lines;
  lines.push_back(std::to_string(with_data) + " of " +
                  report::counted(n, "organisation", "organisations") +
                  " have data that foreign law can reach; " + std::to_string(saas) +
                  " of them in the clear (a foreign SaaS).");
  if (exposed > with_data) {
    lines.push_back(std::to_string(exposed - with_data) +
                    " more are reached only through sign-ins (an identity provider).");
  }
  if (n == 1 && exposed == 1) {
    const OrganisationExposure& o = result.organisations.front();
    lines.push_back(model.entities[o.organisation].name + ": " +
                    report::counted(foreign_entities(o), "foreign entity", "foreign entities") +
                    ", " + report::counted(o.rows.size(), "route", "routes") + ".");
  }
  return lines;
}

}  // namespace

render::Document exposure_document(const ExposureInput& input, const Exposure& result) {
  const model::Model& model = *input.model;
  render::Document doc;
  doc.kind = "exposure";
  doc.json_format = kExposureFormat;
  doc.title = "Jurisdiction exposure: whose data foreign law can reach, where, and through what";
  doc.context.push_back("model: " + (model.name.empty() ? std::string("(unnamed)") : model.name) +
                        "; home jurisdictions: " + home_text(input.options.home) +
                        " (EU includes its member states); disputed dependencies " +
                        (input.include_disputed ? "included" : "left out"));
  for (std::string& line : report::whatif_context(input.whatif)) {
    doc.context.push_back(std::move(line));
  }
  doc.headline = headline(input, result);
  doc.blocks.push_back({exposures_table(input, result)});
  doc.blocks.push_back({organisations_table(input, result)});
  return doc;
}

}  // namespace msout::analysis
