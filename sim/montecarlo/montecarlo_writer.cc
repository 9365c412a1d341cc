#include "sim/montecarlo/montecarlo_writer.h"

#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sim/montecarlo/montecarlo_text.h"
#include "sim/report/cause_text.h"
#include "sim/report/text_table.h"

namespace msout::montecarlo {
namespace {

using Json = nlohmann::ordered_json;
using report::time_text;

Json proportion_json(const Proportion& p) {
  return {{"p", p.p}, {"se", p.se}, {"low", p.low}, {"high", p.high}, {"replications", p.hits}};
}

Json mean_json(const MeanEstimate& m) {
  return {{"mean", m.mean}, {"low", m.low}, {"high", m.high}};
}

Json optional_json(const std::optional<std::int64_t>& t) { return t ? Json(*t) : Json(nullptr); }

}  // namespace

std::string montecarlo_table(const MonteCarloReport& r) {
  const Summary& s = r.summary;
  const model::Model& model = *r.model;
  std::ostringstream out;
  out << "MONTE CARLO: " << r.scenario->name << " on " << model.name << "\n";
  out << report::whatif_lines(r.whatif, "  ");
  if (!r.focus.empty()) out << "  focus: " << r.focus << " and the functions it provides\n";
  const OpenQuestions q = open_questions(r);
  out << "  " << report::grouped(s.replications) << " replications (seed " << r.seed
      << "), simulated to " << time_text(s.until) << "; " << q.uncertain << " of " << q.claims
      << " source claims uncertain\n";
  if (r.automatic) {
    out << "  replications auto: " << r.stop_reason << " (target 95% half-width "
        << fixed(100 * r.target_half_width, 1) << " points, cap " << report::grouped(r.cap)
        << ")\n";
  }
  out << "  widest 95% half-width of any probability below: " << fixed(100 * s.max_half_width, 1)
      << " points\n";
  out << "  " << (r.focus.empty() ? "critical functions" : "the organisation and its functions")
      << " down by " << time_text(s.until) << ": " << fixed(s.functions_down.mean, 1)
      << " expected (95% interval " << fixed(s.functions_down.low, 1) << "-"
      << fixed(s.functions_down.high, 1) << ") of " << s.entities.size() << "\n";

  auto probability_table = [&](const char* title, bool down) {
    const Proportion none = proportion(0, s.replications);
    out << "\n"
        << title << " (percent of replications ±95% half-width; 0: in none, 95% bound "
        << fixed(100 * none.high, 2) << ")\n";
    std::vector<std::string> header{"function"};
    for (std::int64_t t : s.at) header.push_back(time_text(t));
    if (down) header.push_back("first down P10/P50/P90");
    report::TextTable table(header);
    std::size_t quiet = 0;
    for (const EntityEstimate& e : s.entities) {
      if ((down ? e.down_by_end : e.degraded_by_end).hits == 0) {
        ++quiet;
        continue;
      }
      std::vector<std::string> row{report::clipped(model.entities[e.entity].name, 34)};
      for (std::size_t i = 0; i < s.at.size(); ++i) {
        row.push_back(percent(down ? e.down_by[i] : e.degraded_by[i]));
      }
      if (down) {
        row.push_back(rough_time(e.first_down_p10) + "/" + rough_time(e.first_down_p50) + "/" +
                      rough_time(e.first_down_p90));
      }
      table.add(row);
    }
    out << table.render("  ");
    if (quiet > 0) {
      out << "  " << quiet << " more " << (quiet == 1 ? "function" : "functions") << ": "
          << (down ? "down" : "degraded") << " in no replication by " << time_text(s.until) << "\n";
    }
  };
  probability_table("P(DOWN BY t)", true);
  probability_table("P(DEGRADED OR DOWN BY t)", false);

  out << "\nEXPECTED TIME DOWN WITHIN " << time_text(s.until)
      << " (mean over all replications, 95% interval)\n";
  {
    report::TextTable table({"function", "hours down", "people-hours down"});
    for (const EntityEstimate& e : s.entities) {
      if (e.down_by_end.hits == 0) continue;
      table.add(
          {report::clipped(model.entities[e.entity].name, 34),
           time_text(std::llround(e.time_down_s.mean)) + " (" +
               time_text(std::llround(e.time_down_s.low)) + "-" +
               time_text(std::llround(e.time_down_s.high)) + ")",
           report::grouped(static_cast<std::uint64_t>(std::llround(e.people_hours_down.mean))) +
               " (" +
               report::grouped(static_cast<std::uint64_t>(std::llround(e.people_hours_down.low))) +
               "-" +
               report::grouped(static_cast<std::uint64_t>(std::llround(e.people_hours_down.high))) +
               ")"});
    }
    out << table.render("  ");
  }

  out << "\nCLAIMS THAT DECIDE IT: P(down by " << time_text(s.until)
      << ") if the claim holds minus if it does not\n  (points ±95%; only claims upstream of the "
         "function, and differences that stand out from\n  chance over all of them: family-wise "
         "5%)\n";
  bool any = false;
  for (const EntityEstimate& e : s.entities) {
    if (e.decisive.empty()) continue;
    any = true;
    out << "  " << report::clipped(model.entities[e.entity].name, 60) << " ["
        << model.entities[e.entity].id << "]: P(down) " << percent(e.down_by_end) << "\n";
    for (const ClaimEffect& c : e.decisive) {
      const model::Claim& claim = claim_of(r, c.claim);
      out << "    " << (c.delta > 0 ? "+" : "") << fixed(100 * c.delta, 1) << "±"
          << fixed(100 * 1.96 * c.se, 1) << "  #" << (c.claim + 1) << " "
          << model::to_string(claim.evidence.confidence) << " "
          << report::clipped(claim_label(claim), 70) << "\n";
    }
  }
  if (!any) out << "  (no claim changes any function's outcome beyond chance)\n";

  out << "\nVERIFY THESE CLAIMS FIRST (value of checking: the share of the variance of the\n"
         "number of functions down that knowing the claim removes; docs/uncertainty.md)\n";
  {
    report::TextTable table({"#", "share", "p", "Δ functions", "confidence", "claim"});
    std::size_t shown = 0;
    for (const ClaimValue& v : s.verify_first) {
      if (shown++ == 10) break;
      const model::Claim& claim = claim_of(r, v.claim);
      table.add({std::to_string(v.claim + 1), fixed(100 * v.share, 1) + "%",
                 fixed(v.probability, 2), (v.delta > 0 ? "+" : "") + fixed(v.delta, 2),
                 std::string(model::to_string(claim.evidence.confidence)),
                 report::clipped(claim_label(claim), 60)});
    }
    out << table.render("  ");
    if (s.verify_first.empty()) out << "  (none: no uncertain claim changes the outcome)\n";
  }
  out << "\nSOURCES OF THE CLAIMS ABOVE\n";
  std::set<std::uint32_t> cited;
  for (const EntityEstimate& e : s.entities) {
    for (const ClaimEffect& c : e.decisive) cited.insert(c.claim);
  }
  for (std::size_t i = 0; i < s.verify_first.size() && i < 10; ++i) {
    cited.insert(s.verify_first[i].claim);
  }
  for (std::uint32_t c : cited) {
    const model::Claim& claim = claim_of(r, c);
    out << "  #" << (c + 1) << " " << model::to_string(claim.evidence.confidence) << ", p "
        << fixed(claim.probability, 2) << " (" << claim.basis << "), " << claim.uses.size()
        << (claim.uses.size() == 1 ? " use" : " uses") << ": "
        << report::clipped(
               claim.evidence.quote.empty() ? claim.links.front() : claim.evidence.quote, 80)
        << "\n      " << claim.evidence.source << "\n";
  }
  return out.str();
}

std::string montecarlo_json(const MonteCarloReport& r) {
  const Summary& s = r.summary;
  const model::Model& model = *r.model;
  Json root;
  root["format"] = kMonteCarloFormat;
  root["model"] = {{"name", model.name}, {"files", model.files}};
  root["whatif"] = report::whatif_json(r.whatif);
  Json levers = Json::array();
  for (const model::Lever& lever : r.scenario->levers) {
    Json l = {{"id", lever.id}, {"name", lever.name}, {"at_s", lever.at.seconds}};
    if (lever.at_spread)
      l["at_distribution"] = std::string(model::to_string(lever.at_spread->kind));
    levers.push_back(std::move(l));
  }
  root["scenario"] = {
      {"name", r.scenario->name}, {"file", r.scenario->file}, {"levers", std::move(levers)}};
  root["focus"] = r.focus.empty() ? Json(nullptr) : Json(r.focus);
  root["seed"] = r.seed;
  root["replications"] = s.replications;
  if (r.automatic) {
    root["replications_auto"] = {
        {"target_half_width", r.target_half_width}, {"cap", r.cap}, {"stopped", r.stop_reason}};
  } else {
    root["replications_auto"] = nullptr;
  }
  root["evidence_weights_file"] =
      r.evidence_weights_file.empty() ? Json(nullptr) : Json(r.evidence_weights_file);
  root["until_s"] = s.until;
  root["at_s"] = s.at;
  root["max_half_width"] = s.max_half_width;
  root["functions_down_by_end"] = {{"mean", s.functions_down.mean},
                                   {"low", s.functions_down.low},
                                   {"high", s.functions_down.high},
                                   {"variance", s.functions_down_variance}};
  Json functions = Json::array();
  for (const EntityEstimate& e : s.entities) {
    const model::Entity& entity = model.entities[e.entity];
    Json at = Json::array();
    for (std::size_t i = 0; i < s.at.size(); ++i) {
      at.push_back({{"t_s", s.at[i]},
                    {"degraded", proportion_json(e.degraded_by[i])},
                    {"down", proportion_json(e.down_by[i])}});
    }
    auto curve = [&](const std::vector<std::pair<std::int64_t, std::uint64_t>>& steps) {
      Json points = Json::array();
      for (const auto& [t, hits] : curve_points(steps, s.until, s.at)) {
        points.push_back({{"t_s", t}, {"p", static_cast<double>(hits) / s.replications}});
      }
      return points;
    };
    Json decisive = Json::array();
    for (const ClaimEffect& c : e.decisive) {
      decisive.push_back({{"claim", c.claim + 1},
                          {"delta", c.delta},
                          {"se", c.se},
                          {"p_down_if_holds", c.p_if_holds},
                          {"p_down_if_not", c.p_if_not}});
    }
    functions.push_back({{"id", entity.id},
                         {"name", entity.name},
                         {"people_served", e.people},
                         {"at", std::move(at)},
                         {"degraded_by_end", proportion_json(e.degraded_by_end)},
                         {"down_by_end", proportion_json(e.down_by_end)},
                         {"first_down_s",
                          {{"p10", optional_json(e.first_down_p10)},
                           {"p50", optional_json(e.first_down_p50)},
                           {"p90", optional_json(e.first_down_p90)}}},
                         {"time_down_s", mean_json(e.time_down_s)},
                         {"people_hours_down", mean_json(e.people_hours_down)},
                         {"curve_down", curve(e.down_curve)},
                         {"curve_degraded", curve(e.degraded_curve)},
                         {"decisive_claims", std::move(decisive)}});
  }
  root["functions"] = std::move(functions);
  Json verify = Json::array();
  for (const ClaimValue& v : s.verify_first) {
    verify.push_back({{"claim", v.claim + 1},
                      {"value", v.value},
                      {"share", v.share},
                      {"probability", v.probability},
                      {"functions_down_if_holds", v.mean_if_holds},
                      {"functions_down_if_not", v.mean_if_not},
                      {"delta", v.delta},
                      {"delta_se", v.delta_se}});
  }
  root["verify_first"] = std::move(verify);
  Json claims = Json::array();
  for (std::size_t c = 0; c < r.plan->claims().size(); ++c) {
    const model::Claim& claim = r.plan->claims()[c];
    Json uses = Json::array();
    for (const model::Place& place : claim.uses) {
      const std::size_t u = uses.size();
      uses.push_back({{"file", place.file}, {"pointer", place.pointer}, {"link", claim.links[u]}});
    }
    claims.push_back({{"claim", c + 1},
                      {"source", claim.evidence.source},
                      {"quote", claim.evidence.quote},
                      {"confidence", model::to_string(claim.evidence.confidence)},
                      {"probability", claim.probability},
                      {"probability_from", claim.basis},
                      {"uses", std::move(uses)}});
  }
  root["claims"] = std::move(claims);
  root["engine"] = {{"events", s.events}};
  return root.dump(2) + "\n";
}

std::string montecarlo_csv(const MonteCarloReport& r) {
  const Summary& s = r.summary;
  std::ostringstream out;
  out << "function_id,function_name,t_s,replications,degraded,p_degraded,p_degraded_se,"
         "p_degraded_low,p_degraded_high,down,p_down,p_down_se,p_down_low,p_down_high\r\n";
  auto quoted = [](const std::string& text) {
    std::string q = "\"";
    for (char c : text) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  for (const CurveRow& row : curve_rows(s)) {
    const model::Entity& entity = r.model->entities[row.entity];
    out << quoted(entity.id) << "," << quoted(entity.name) << "," << row.t << "," << s.replications;
    for (const Proportion* p : {&row.degraded, &row.down}) {
      Json values = {p->p, p->se, p->low, p->high};
      out << "," << p->hits;
      for (const Json& v : values) out << "," << v.dump();
    }
    out << "\r\n";
  }
  return out.str();
}

}  // namespace msout::montecarlo
