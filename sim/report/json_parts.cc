#include "sim/report/json_parts.h"

#include "sim/report/cause_text.h"

namespace msout::report {

Json optional_seconds(const std::optional<std::int64_t>& t) { return t ? Json(*t) : Json(nullptr); }

Json run_whatif_json(const std::vector<AppliedOverlay>& whatif) {
  Json list = Json::array();
  for (const AppliedOverlay& overlay : whatif) {
    list.push_back(
        {{"name", overlay.name}, {"description", overlay.description}, {"file", overlay.file}});
  }
  return list;
}

Json scenario_json(const model::Scenario& scenario) {
  Json levers = Json::array();
  for (const model::Lever& lever : scenario.levers) {
    levers.push_back({{"id", lever.id},
                      {"name", lever.name},
                      {"at_s", lever.at.seconds},
                      {"action", model::to_string(lever.action)}});
  }
  return {{"name", scenario.name},
          {"description", scenario.description},
          {"file", scenario.file},
          {"levers", std::move(levers)}};
}

Json ids_json(const model::Model& model, const std::vector<std::uint32_t>& entities) {
  Json list = Json::array();
  for (std::uint32_t e : entities) list.push_back(model.entities[e].id);
  return list;
}

Json population_json(const std::optional<model::Population>& population) {
  if (!population) return nullptr;
  return {
      {"people", population->people}, {"source", population->source}, {"as_of", population->as_of}};
}

Json chain_json(const Report& report, const cascade::CauseChain& chain) {
  const model::Model& model = *report.model;
  Json steps = Json::array();
  for (const cascade::ChainStep& step : chain.steps) {
    Json s;
    s["id"] = model.entities[step.node].id;
    s["name"] = model.entities[step.node].name;
    s["state"] = cascade::to_string(step.record.state);
    s["at_s"] = step.record.time;
    if (step.record.switching_to != cascade::kNoIndex) {
      s["switching_to"] =
          model.entities[report.graph->edge(step.record.switching_to).dependency].id;
    }
    if (step.record.cause == cascade::CauseKind::kDependency) {
      // The link to the next step, with the evidence a reader can check.
      const std::uint32_t edge = step.record.ref;
      const model::Dependency& dependency = report.graph->source_dependency(model, edge);
      const model::Evidence& evidence = link_evidence(report, edge);
      Json via;
      via["on"] = dependency.on;
      via["layer"] = dependency.layer == model::Layer::kNone
                         ? Json(nullptr)
                         : Json(model::to_string(dependency.layer));
      via["evidence"] = {{"source", evidence.source},
                         {"confidence", model::to_string(evidence.confidence)},
                         {"quote", evidence.quote}};
      via["assumptions"] = dependency.assumptions;
      s["via"] = std::move(via);
    }
    steps.push_back(std::move(s));
  }
  Json out;
  out["text"] = cause_text(report, chain);
  if (chain.lever != cascade::kNoIndex) {
    const model::Lever& lever = report.scenario->levers[chain.lever];
    out["lever"] = {{"id", lever.id}, {"name", lever.name}, {"at_s", lever.at.seconds}};
  } else {
    out["lever"] = nullptr;
  }
  out["chain"] = std::move(steps);
  return out;
}

Json outcome_json(const Report& report, const FunctionOutcome& f) {
  const model::Entity& e = report.model->entities[f.entity];
  Json timeline = Json::array();
  for (const Interval& i : f.timeline) {
    timeline.push_back(
        {{"from_s", i.from}, {"to_s", i.to}, {"state", cascade::to_string(i.state)}});
  }
  Json fj;
  fj["id"] = e.id;
  fj["name"] = e.name;
  fj["sector"] = e.sector;
  fj["people_served"] = f.people;
  fj["state_at_horizon"] = cascade::to_string(f.final_state);
  fj["first_degraded_s"] = optional_seconds(f.first_degraded);
  fj["first_down_s"] = optional_seconds(f.first_down);
  fj["time_down_s"] = f.time_down;
  fj["time_degraded_s"] = f.time_degraded;
  fj["people_hours_down"] = f.people_hours_down;
  fj["black_start_blocked"] = f.black_start_blocked;
  fj["timeline"] = std::move(timeline);
  fj["cause"] = f.cause ? chain_json(report, *f.cause) : Json(nullptr);
  return fj;
}

}  // namespace msout::report
