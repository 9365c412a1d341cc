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
  own["count"] = model.entities[focus.organisation].count;
  root["organisation"] = std::move(own);
  Json functions = Json::array();
  for (const FunctionOutcome& f : focus.functions) functions.push_back(outcome_json(report, f));
  root["functions"] = std::move(functions);
  root["first_degraded"] = first(focus, focus.first_degraded);
  root["first_down"] = first(focus, focus.first_down);
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
