#include "sim/report/run_summary_json.h"

#include "sim/report/json_parts.h"

namespace msout::report {
namespace {

Json chain_ids_json(const RunSummary& s, const cascade::CauseChain& chain) {
  Json steps = Json::array();
  for (const cascade::ChainStep& step : chain.steps) {
    Json out = {{"id", s.table->id(step.node)},
                {"state", cascade::to_string(step.record.state)},
                {"at_s", step.record.time}};
    if (step.record.switching_to != cascade::kNoIndex) {
      out["switching_to"] = s.table->id(s.graph->edge(step.record.switching_to).dependency);
    }
    if (step.record.cause == cascade::CauseKind::kDependency) {
      out["needs"] = s.table->id(s.graph->edge(step.record.ref).dependency);
    }
    steps.push_back(std::move(out));
  }
  Json lever = nullptr;
  if (chain.lever != cascade::kNoIndex) lever = s.scenario->levers[chain.lever].id;
  return {{"steps", std::move(steps)}, {"lever", std::move(lever)}};
}

Json outcomes_json(const RunSummary& s, const std::vector<FunctionOutcome>& outcomes) {
  Json list = Json::array();
  for (const FunctionOutcome& f : outcomes) {
    list.push_back({{"id", s.table->id(f.entity)},
                    {"people_served", f.people},
                    {"first_degraded_s", optional_seconds(f.first_degraded)},
                    {"first_down_s", optional_seconds(f.first_down)},
                    {"time_down_s", f.time_down},
                    {"time_degraded_s", f.time_degraded},
                    {"state_at_horizon", cascade::to_string(f.final_state)},
                    {"cause", f.cause ? chain_ids_json(s, *f.cause) : Json(nullptr)}});
  }
  return list;
}

}  // namespace

std::string run_summary_json(const RunSummary& s) {
  Json root;
  root["format"] = kSummaryFormat;
  root["model"] = {{"name", s.model_name},    {"format", s.model_format},
                   {"files", s.model_files},  {"entities", s.entities},
                   {"dependencies", s.edges}, {"population", population_json(s.population)}};
  root["whatif"] = run_whatif_json(s.whatif);
  root["scenario"] = scenario_json(*s.scenario);
  root["horizon_s"] = s.horizon;

  Json kinds = Json::array();
  for (const KindTally& k : s.kinds) {
    kinds.push_back({{"kind", model::to_string(k.kind)},
                     {"entities", k.entities},
                     {"failed", k.failed},
                     {"down", k.down},
                     {"down_at_horizon", k.down_at_horizon},
                     {"degraded_at_horizon", k.degraded_at_horizon}});
  }
  Json over_time = Json::array();
  for (const SummaryPoint& p : s.over_time) {
    over_time.push_back({{"at_s", p.time},
                         {"down", p.down},
                         {"degraded", p.degraded},
                         {"people_down", p.people_down},
                         {"people_degraded", p.people_degraded}});
  }
  const SummaryPoint& peak = s.over_time[s.peak];
  root["summary"] = {
      {"functions", s.functions().entities},
      {"failed", s.functions().failed},
      {"down", s.functions().down},
      {"down_at_horizon", s.functions().down_at_horizon},
      {"degraded_at_horizon", s.functions().degraded_at_horizon},
      {"failing_with_first", s.failing_with_first},
      {"peak", {{"at_s", peak.time}, {"down", peak.down}, {"degraded", peak.degraded}}},
      {"people_down_at_least", s.people_down_at_least},
      {"widest_down", s.widest_down ? Json(s.table->id(*s.widest_down)) : Json(nullptr)},
      {"kinds", std::move(kinds)},
      {"over_time", std::move(over_time)}};
  root["first_to_fail"] = outcomes_json(s, s.first_to_fail);
  root["widest_reach"] = outcomes_json(s, s.widest_reach);
  root["notes"] = s.notes;
  root["stats"] = {{"events", s.events}};
  root["warnings"] = s.warnings;
  return root.dump(2) + "\n";
}

}  // namespace msout::report
