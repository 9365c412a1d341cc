#include "sim/report/focus_json.h"

#include "sim/report/json_parts.h"

namespace msout::report {
namespace {

Json cuts(const model::Model& model, const std::vector<FocusCut>& cuts) {
  Json list = Json::array();
  for (const FocusCut& cut : cuts) {
    list.push_back(
        {{"outage", ids_json(model, cut.outage)}, {"takes_down", ids_json(model, cut.takes_down)}});
  }
  return list;
}

Json first(const FocusReport& focus, const std::optional<std::size_t>& index) {
  if (!index) return nullptr;
  return focus.report->model->entities[focus.functions[*index].entity].id;
}

// {"route": "organisation" | "peer" | "system" | "scenario", "via": id or null}; null for
// a function that does not fail.
Json route_json(const model::Model& model, const FocusRole& role) {
  switch (role.route) {
    case FailureRoute::kNone:
      return nullptr;
    case FailureRoute::kThroughOrganisation:
      return {{"route", "organisation"}, {"via", nullptr}};
    case FailureRoute::kThroughPeer:
      return {{"route", "peer"}, {"via", model.entities[role.via].id}};
    case FailureRoute::kThroughSystem:
      return {{"route", "system"}, {"via", model.entities[role.via].id}};
    case FailureRoute::kScenario:
      return {{"route", "scenario"}, {"via", nullptr}};
  }
  return nullptr;
}

}  // namespace

std::string focus_json(const FocusReport& focus) {
  const Report& report = *focus.report;
  const model::Model& model = *report.model;
  Json root;
  root["format"] = kFocusFormat;
  root["model"] = {{"name", report.model_name}, {"files", report.model_files}};
  Json whatif = Json::array();
  for (const AppliedOverlay& overlay : report.whatif) {
    whatif.push_back({{"name", overlay.name}, {"file", overlay.file}});
  }
  root["whatif"] = std::move(whatif);
  root["scenario"] = {{"name", report.scenario_name}, {"file", report.scenario_file}};
  root["horizon_s"] = report.horizon;
  root["include_disputed"] = report.include_disputed;
  root["assumptions"] = report.assumptions;
  Json own = outcome_json(report, focus.own);
  const model::Entity& entity = model.entities[focus.organisation];
  own["count"] = entity.count_given ? Json(entity.count) : Json(nullptr);
  root["organisation"] = std::move(own);
  root["headline"] = focus_headline(focus);
  Json functions = Json::array();
  for (std::size_t i = 0; i < focus.functions.size(); ++i) {
    Json f = outcome_json(report, focus.functions[i]);
    const FocusRole& role = focus.roles[i];
    f["shared_with"] = ids_json(model, role.peers);
    f["fails_through"] = route_json(model, role);
    functions.push_back(std::move(f));
  }
  root["functions"] = std::move(functions);
  root["first_degraded"] = first(focus, focus.first_degraded);
  root["first_down"] = first(focus, focus.first_down);
  root["first_to_fail"] =
      focus.first_to_fail ? Json(model.entities[*focus.first_to_fail].id) : Json(nullptr);
  root["first_to_go_down"] =
      focus.first_to_go_down ? Json(model.entities[*focus.first_to_go_down].id) : Json(nullptr);
  Json systems = Json::array();
  for (const FunctionOutcome& s : focus.systems) systems.push_back(outcome_json(report, s));
  root["systems"] = std::move(systems);
  Json moments = Json::array();
  for (const FocusMoment& m : focus.moments) {
    moments.push_back({{"at_s", m.time},
                       {"up", ids_json(model, m.up)},
                       {"degraded", ids_json(model, m.degraded)},
                       {"down", ids_json(model, m.down)}});
  }
  root["moments"] = std::move(moments);
  root["single_points_of_failure"] = cuts(model, focus.single_points_of_failure);
  root["pairs"] = cuts(model, focus.pairs);
  return root.dump(2) + "\n";
}

}  // namespace msout::report
