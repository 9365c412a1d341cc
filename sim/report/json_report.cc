#include "sim/report/json_report.h"

#include "sim/report/json_parts.h"

namespace msout::report {

std::string json_report(const Report& report) {
  const model::Model& model = *report.model;
  Json root;
  root["format"] = kReportFormat;
  root["model"] = {{"name", report.model_name},
                   {"files", report.model_files},
                   {"entities", report.entities},
                   {"dependencies", report.edges},
                   {"dependencies_in_model", report.model_dependencies},
                   {"population", population_json(model.population)}};
  root["whatif"] = run_whatif_json(report.whatif);
  root["scenario"] = scenario_json(*report.scenario);
  root["horizon_s"] = report.horizon;
  root["include_disputed"] = report.include_disputed;
  root["assumptions"] = report.assumptions;

  Json functions = Json::array();
  Json still_working = Json::array();
  std::uint32_t failed = 0;
  std::uint32_t down_at_horizon = 0;
  std::uint32_t degraded_at_horizon = 0;
  for (const FunctionOutcome& f : report.functions) {
    const model::Entity& e = model.entities[f.entity];
    functions.push_back(outcome_json(report, f));
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
  const OrganisationTotals totals = organisation_totals(report.organisations);
  root["summary"]["organisations_affected"] = {{"entries", totals.entries},
                                               {"counted", totals.counted},
                                               {"entries_without_count", totals.without_count}};

  Json organisations = Json::array();
  for (const OrganisationOutcome& o : report.organisations) {
    const model::Entity& e = model.entities[o.entity];
    organisations.push_back({{"id", e.id},
                             {"name", e.name},
                             {"count", o.count ? Json(*o.count) : Json(nullptr)},
                             {"first_degraded_s", o.first_degraded},
                             {"first_down_s", optional_seconds(o.first_down)},
                             {"state_at_horizon", cascade::to_string(o.final_state)}});
  }
  root["organisations_affected"] = std::move(organisations);

  Json reported = Json::array();
  for (const ReportedResult& r : report.reported) {
    const model::ReportedOutcome& claim = *r.claim;
    auto window = [](const std::optional<model::TimeWindow>& w) {
      return w ? Json::array({w->from.seconds, w->to.seconds}) : Json(nullptr);
    };
    reported.push_back({{"claim", claim.claim},
                        {"entity", model.entities[r.entity].id},
                        {"name", model.entities[r.entity].name},
                        {"expect", model::to_string(claim.expectation)},
                        {"first_between_s", window(claim.first_between)},
                        {"recovered_between_s", window(claim.recovered_between)},
                        {"run",
                         {{"first_degraded_s", optional_seconds(r.first_degraded)},
                          {"first_down_s", optional_seconds(r.first_down)},
                          {"recovered_s", optional_seconds(r.recovered)},
                          {"state_at_horizon", cascade::to_string(r.state_at_horizon)},
                          {"text", run_text(r, report.horizon)}}},
                        {"reproduced", r.reproduced},
                        {"why_not", r.why_not.empty() ? Json(nullptr) : Json(r.why_not)},
                        {"known_gap", claim.known_gap ? Json(*claim.known_gap) : Json(nullptr)},
                        {"verdict", to_string(r.verdict)},
                        {"evidence",
                         {{"source", claim.evidence.source},
                          {"confidence", model::to_string(claim.evidence.confidence)},
                          {"quote", claim.evidence.quote}}}});
  }
  root["reported"] = std::move(reported);
  const ReportedTotals reported_sum = reported_totals(report.reported);
  root["summary"]["reported"] = {{"claims", reported_sum.claims},
                                 {"reproduced", reported_sum.reproduced},
                                 {"not_reproduced", reported_sum.not_reproduced},
                                 {"known_gaps", reported_sum.known_gaps},
                                 {"known_gaps_reproduced", reported_sum.known_gaps_reproduced}};

  Json cycles = Json::array();
  for (const auto& cycle : report.black_start.cycles) cycles.push_back(ids_json(model, cycle));
  root["black_start"] = {{"cycles", std::move(cycles)},
                         {"blocked", ids_json(model, report.black_start.blocked)}};
  root["stats"] = {{"events", report.events}};
  Json warnings = Json::array();
  for (const std::string& w : report.warnings) warnings.push_back(w);
  root["warnings"] = std::move(warnings);
  return root.dump(2) + "\n";
}

}  // namespace msout::report
