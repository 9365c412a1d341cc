#include "sim/report/json_report.h"

#include <nlohmann/json.hpp>

#include "sim/report/cause_text.h"

namespace msout::report {
namespace {

using Json = nlohmann::ordered_json;

Json optional_seconds(const std::optional<std::int64_t>& t) { return t ? Json(*t) : Json(nullptr); }

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

}  // namespace

std::string json_report(const Report& report) {
  const model::Model& model = *report.model;
  Json root;
  root["format"] = kReportFormat;
  root["model"] = {{"name", report.model_name},
                   {"files", report.model_files},
                   {"entities", report.entities},
                   {"dependencies", report.edges}};
  Json levers = Json::array();
  for (const model::Lever& lever : report.scenario->levers) {
    levers.push_back({{"id", lever.id},
                      {"name", lever.name},
                      {"at_s", lever.at.seconds},
                      {"action", model::to_string(lever.action)}});
  }
  root["scenario"] = {{"name", report.scenario_name},
                      {"description", report.scenario_description},
                      {"file", report.scenario_file},
                      {"levers", std::move(levers)}};
  root["horizon_s"] = report.horizon;
  root["include_disputed"] = report.include_disputed;

  Json functions = Json::array();
  Json still_working = Json::array();
  std::uint32_t failed = 0;
  std::uint32_t down_at_horizon = 0;
  std::uint32_t degraded_at_horizon = 0;
  for (const FunctionOutcome& f : report.functions) {
    const model::Entity& e = model.entities[f.entity];
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
    functions.push_back(std::move(fj));
    if (f.first_degraded) {
      ++failed;
    } else {
      still_working.push_back(e.id);
    }
    if (f.final_state == cascade::State::kDown) ++down_at_horizon;
    if (f.final_state == cascade::State::kDegraded) ++degraded_at_horizon;
  }
  root["functions"] = std::move(functions);

  Json over_time = Json::array();
  for (const SummaryPoint& p : report.over_time) {
    over_time.push_back({{"at_s", p.time},
                         {"down", p.down},
                         {"degraded", p.degraded},
                         {"people_down", p.people_down},
                         {"people_degraded", p.people_degraded}});
  }
  root["summary"] = {
      {"functions", report.functions.size()},      {"failed", failed},
      {"down_at_horizon", down_at_horizon},        {"degraded_at_horizon", degraded_at_horizon},
      {"still_working", std::move(still_working)}, {"over_time", std::move(over_time)}};

  Json organisations = Json::array();
  for (const OrganisationOutcome& o : report.organisations) {
    const model::Entity& e = model.entities[o.entity];
    organisations.push_back({{"id", e.id},
                             {"name", e.name},
                             {"count", o.count},
                             {"first_degraded_s", o.first_degraded},
                             {"first_down_s", optional_seconds(o.first_down)},
                             {"state_at_horizon", cascade::to_string(o.final_state)}});
  }
  root["organisations_affected"] = std::move(organisations);

  auto ids = [&](const std::vector<std::uint32_t>& nodes) {
    Json list = Json::array();
    for (std::uint32_t v : nodes) list.push_back(model.entities[v].id);
    return list;
  };
  Json cycles = Json::array();
  for (const auto& cycle : report.black_start.cycles) cycles.push_back(ids(cycle));
  root["black_start"] = {{"cycles", std::move(cycles)},
                         {"blocked", ids(report.black_start.blocked)}};
  root["stats"] = {{"events", report.events}};
  Json warnings = Json::array();
  for (const std::string& w : report.warnings) warnings.push_back(w);
  root["warnings"] = std::move(warnings);
  return root.dump(2) + "\n";
}

}  // namespace msout::report
