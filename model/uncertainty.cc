#include "model/uncertainty.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "model/counter_random.h"
#include "model/file_format.h"
#include "model/json_document.h"
#include "model/json_reader.h"
#include "model/model_loader.h"
#include "model/source_text.h"

namespace msout::model {
namespace {

std::string member_path(const Entity& entity, std::uint32_t r, std::uint32_t m) {
  return entity.id + "/requires/" + std::to_string(r) + "/" + std::to_string(m);
}

// Claims are collected in model order; a claim's key decides which uses it joins.
class ClaimCollector {
 public:
  ClaimCollector(const Model& model, const EvidenceWeights& file_weights, Diagnostics& diags)
      : model_(model), file_weights_(file_weights), diags_(diags) {}

  // The claim `evidence` (at `place`) names; `own_key` names it when it has no quote.
  std::uint32_t add(const Evidence& evidence, const Place& place, const std::string& own_key,
                    std::uint32_t owner, const std::string& link) {
    if (evidence.confidence == Confidence::kUnstated && !evidence.probability) return kNoClaim;
    // A definition is the modeller's, not a source's: it always holds, so it is never drawn,
    // listed or ranked among the claims to verify.
    if (evidence.confidence == Confidence::kDefinition) return kNoClaim;
    const std::string key = evidence.quote.empty()
                                ? "dependency:" + own_key
                                : "quote:" + evidence.source + "\x1f" + evidence.quote + "\x1f" +
                                      std::string(to_string(evidence.confidence));
    auto [it, inserted] = index_.emplace(key, static_cast<std::uint32_t>(claims_.size()));
    if (inserted) {
      Claim claim;
      claim.key = key;
      claim.evidence = evidence;
      claim.stream = stream_id("claim:" + key);
      set_probability(claim, evidence);
      claims_.push_back(std::move(claim));
    } else {
      Claim& claim = claims_[it->second];
      if (evidence.probability && claim.basis == "stated" &&
          *evidence.probability != claim.probability) {
        diags_.error(place.file, place.pointer + "/evidence/probability",
                     "this claim is given probability " + std::to_string(claim.probability) +
                         " at " + claim.uses.front().file + ": " + claim.uses.front().pointer +
                         "; one claim has one probability");
      } else if (evidence.probability && claim.basis != "stated") {
        claim.probability = *evidence.probability;
        claim.basis = "stated";
      }
    }
    claims_[it->second].uses.push_back(place);
    claims_[it->second].owners.push_back(owner);
    claims_[it->second].links.push_back(link);
    return it->second;
  }

  std::vector<Claim> take() { return std::move(claims_); }

 private:
  void set_probability(Claim& claim, const Evidence& evidence) const {
    const auto level = static_cast<std::size_t>(evidence.confidence);
    if (evidence.probability) {
      claim.probability = *evidence.probability;
      claim.basis = "stated";
    } else if (file_weights_[level]) {
      claim.probability = *file_weights_[level];
      claim.basis = "--evidence-weights";
    } else if (model_.evidence_weights[level]) {
      claim.probability = *model_.evidence_weights[level];
      claim.basis = "model";
    } else {
      claim.probability = default_claim_probability(evidence.confidence);
      claim.basis = "default";
    }
  }

  const Model& model_;
  const EvidenceWeights& file_weights_;
  Diagnostics& diags_;
  std::vector<Claim> claims_;
  std::unordered_map<std::string, std::uint32_t> index_;
};

std::string group_link(const Entity& entity, const Requirement& req) {
  std::string text =
      entity.id + (req.gate == Gate::kAny      ? ": any of ("
                   : req.gate == Gate::kChoice ? ": one of ("
                                               : ": " + std::to_string(req.k) + " of (");
  for (std::size_t m = 0; m < req.members.size(); ++m) {
    text += (m > 0 ? ", " : "") + req.members[m].on;
  }
  return text + ")";
}

std::uint32_t slot(std::size_t index) { return static_cast<std::uint32_t>(index); }

}  // namespace

double default_claim_probability(Confidence confidence) {
  switch (confidence) {
    case Confidence::kUnstated:
      return 1.0;
    case Confidence::kConfirmed:
      return 0.95;
    case Confidence::kReported:
      return 0.8;
    case Confidence::kPresumed:
      return 0.6;
    case Confidence::kPlanned:
      return 0.3;
    case Confidence::kDisputed:
      return 0.05;
    case Confidence::kDefinition:
      return 1.0;
  }
  return 1.0;
}

EvidenceWeights load_evidence_weights_path(const std::string& path) {
  const SourceText source = read_source(path);
  Diagnostics diags;
  EvidenceWeights weights{};
  if (auto json = parse_json(source, diags)) {
    JsonReader in(source.name, diags);
    // The format first: another msout file gets one error that says what it is.
    if (auto problem = format_problem(*json, kEvidenceWeightsFormat)) {
      in.error("/format", *problem);
    } else if (in.object(*json, "", {"$schema", "format", "description", "weights"},
                         {"format", "weights"})) {
      in.string(*json, "format", "");  // reports a format that is not a string
      in.string(*json, "description", "");
      read_evidence_weights(in, *json, "weights", "", weights);  // the model's rules
    }
  }
  if (diags.has_errors()) throw InputError(diags.errors());
  return weights;
}

UncertaintyPlan UncertaintyPlan::build(const Model& model, const Scenario* scenario,
                                       const EvidenceWeights& file_weights, Diagnostics& diags) {
  UncertaintyPlan plan;
  plan.shape_ = ModelShape::of(model);
  ClaimCollector claims(model, file_weights, diags);
  for (std::uint32_t e = 0; e < model.entities.size(); ++e) {
    const Entity& entity = model.entities[e];
    for (std::uint32_t r = 0; r < entity.requirements.size(); ++r) {
      const Requirement& req = entity.requirements[r];
      const std::uint32_t ri = slot(plan.req_claim_.size());
      const std::string req_path = entity.id + "/requires/" + std::to_string(r);
      plan.req_claim_.push_back(
          req.gate == Gate::kSingle
              ? kNoClaim
              : claims.add(req.evidence, req.place, req_path, e, group_link(entity, req)));
      plan.switchover_point_.push_back(req.switchover.seconds);
      if (req.switchover_spread) {
        plan.switchover_spreads_.push_back(
            {ri, stream_id("switchover:" + req_path), *req.switchover_spread});
      }
      if (req.common_cause > 0) {
        plan.common_causes_.push_back(
            {ri, stream_id("common-cause:" + req_path), req.common_cause});
      }
      if (req.gate == Gate::kChoice) {
        ChoiceDraw choice{ri, stream_id("choice:" + req_path), {}, heaviest_member(req)};
        double total = 0;
        for (const Dependency& member : req.members) total += member.weight;
        double running = 0;
        for (const Dependency& member : req.members) {
          running += member.weight;
          choice.cumulative.push_back(running / total);
        }
        choice.cumulative.back() = 1.0;  // no rounding gap at the top
        plan.choices_.push_back(std::move(choice));
      }
      for (std::uint32_t m = 0; m < req.members.size(); ++m) {
        const Dependency& dep = req.members[m];
        const std::uint32_t mi = slot(plan.member_claim_.size());
        const std::string path = member_path(entity, r, m);
        plan.member_claim_.push_back(
            claims.add(dep.evidence, dep.place, path, e, entity.id + " -> " + dep.on));
        plan.tolerance_point_.push_back(dep.tolerance.seconds);
        plan.recovery_point_.push_back(dep.recovery.seconds);
        if (dep.tolerance_spread) {
          plan.tolerance_spreads_.push_back(
              {mi, stream_id("tolerance:" + path), *dep.tolerance_spread});
        }
        if (dep.recovery_spread) {
          plan.recovery_spreads_.push_back(
              {mi, stream_id("recovery:" + path), *dep.recovery_spread});
        }
      }
    }
  }
  if (scenario != nullptr) {
    for (std::uint32_t l = 0; l < scenario->levers.size(); ++l) {
      const Lever& lever = scenario->levers[l];
      plan.lever_point_.push_back(lever.at.seconds);
      if (lever.at_spread) {
        plan.lever_spreads_.push_back({l, stream_id("lever:" + lever.id), *lever.at_spread});
      }
    }
  }
  plan.claims_ = claims.take();
  return plan;
}

std::vector<std::string> point_choice_assumptions(const Model& model) {
  // Organisations with the same choice share one sentence, in order of first appearance.
  std::vector<std::pair<std::string, std::vector<std::string>>> choices;
  for (const Entity& entity : model.entities) {
    for (const Requirement& req : entity.requirements) {
      if (req.gate != Gate::kChoice || req.members.empty()) continue;
      double total = 0;
      for (const Dependency& member : req.members) total += member.weight;
      std::string text = req.members[heaviest_member(req)].on + ", the likeliest of";
      for (std::uint32_t m = 0; m < req.members.size(); ++m) {
        const long percent = std::lround(100 * req.members[m].weight / total);
        text += (m > 0 ? ", " : " ") + req.members[m].on + " " + std::to_string(percent) + "%";
      }
      auto it = std::find_if(choices.begin(), choices.end(),
                             [&](const auto& c) { return c.first == text; });
      if (it == choices.end()) {
        choices.push_back({text, {entity.id}});
      } else if (it->second.back() != entity.id) {
        it->second.push_back(entity.id);
      }
    }
  }
  std::vector<std::string> out;
  for (const auto& [text, ids] : choices) {
    std::string sentence = text + "; for";
    for (std::size_t i = 0; i < ids.size(); ++i) sentence += (i > 0 ? ", " : " ") + ids[i];
    out.push_back(sentence);
  }
  return out;
}

void UncertaintyPlan::reset_to_points(Realization& out) const {
  out.tolerance.assign(tolerance_point_.begin(), tolerance_point_.end());
  out.recovery.assign(recovery_point_.begin(), recovery_point_.end());
  out.switchover.assign(switchover_point_.begin(), switchover_point_.end());
  out.lever_at.assign(lever_point_.begin(), lever_point_.end());
  out.chosen.assign(requirement_count(), 0);
  out.common_cause.assign(requirement_count(), 0);
  out.claim_holds.resize(claims_.size());
  out.plan = this;
}

void point_realization(const UncertaintyPlan& plan, bool include_disputed, Realization& out) {
  plan.reset_to_points(out);
  for (std::size_t c = 0; c < plan.claims_.size(); ++c) {
    out.claim_holds[c] =
        include_disputed || plan.claims_[c].evidence.confidence != Confidence::kDisputed;
  }
  for (const auto& choice : plan.choices_) out.chosen[choice.requirement] = choice.heaviest;
}

void draw_realization(const UncertaintyPlan& plan, std::uint64_t seed, std::uint64_t replication,
                      Realization& out) {
  // Values nothing leaves open keep their points from the first draw on: resetting them
  // every replication would copy every duration of the model each time.
  if (out.plan != &plan) plan.reset_to_points(out);
  for (std::size_t c = 0; c < plan.claims_.size(); ++c) {
    const Claim& claim = plan.claims_[c];
    out.claim_holds[c] = claim.probability >= 1 ||
                         (claim.probability > 0 &&
                          uniform01(seed, replication, claim.stream, 0) < claim.probability);
  }
  for (const auto& choice : plan.choices_) {
    const double u = uniform01(seed, replication, choice.stream, 0);
    const auto it = std::upper_bound(choice.cumulative.begin(), choice.cumulative.end(), u);
    out.chosen[choice.requirement] = static_cast<std::uint32_t>(
        std::min<std::ptrdiff_t>(it - choice.cumulative.begin(), choice.cumulative.size() - 1));
  }
  for (const auto& cause : plan.common_causes_) {
    out.common_cause[cause.requirement] =
        uniform01(seed, replication, cause.stream, 0) < cause.probability;
  }
  auto draw = [&](const std::vector<UncertaintyPlan::SpreadDraw>& spreads,
                  std::vector<std::int64_t>& values) {
    for (const auto& spread : spreads) {
      values[spread.slot] =
          spread.distribution.at_quantile(uniform01(seed, replication, spread.stream, 0)).seconds;
    }
  };
  draw(plan.tolerance_spreads_, out.tolerance);
  draw(plan.recovery_spreads_, out.recovery);
  draw(plan.switchover_spreads_, out.switchover);
  draw(plan.lever_spreads_, out.lever_at);
}

}  // namespace msout::model
