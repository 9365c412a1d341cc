// Uncertainty: what a model's sources leave open, and one replication's answer to it
// (docs/uncertainty.md).
//
// A *claim* is a statement in a source, named by its evidence: the (source, quote,
// confidence) of a dependency or group. Every dependency that rests on one claim stands or
// falls with it; a dependency whose evidence has no quote is a claim of its own. A claim
// holds with a probability: the evidence's own `probability`, else the evidence weights of
// its confidence level (--evidence-weights file, then the model's "evidence_weights", then
// the documented defaults). Besides claims, a model leaves open which member of a one_of
// choice is used (by weight), durations given as distributions, and whether a group's
// members fail together (common cause); a scenario leaves open lever times.
//
// UncertaintyPlan lists all of that once per model and scenario; a Realization is one
// replication's answer, drawn from counter-based random numbers keyed by (seed,
// replication, stream), so it is the same whichever thread or process draws it.
//
//   UncertaintyPlan plan = UncertaintyPlan::build(model, scenario, {}, diags);
//   Realization draw;
//   draw_realization(plan, seed, replication, draw);      // reuses draw's buffers
//   graph.refreeze(plan, draw);                    // the replication's graph
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/model.h"
#include "model/model_shape.h"
#include "model/scenario.h"

namespace msout::model {

inline constexpr std::uint32_t kNoClaim = 0xffffffffu;

using EvidenceWeights = std::array<std::optional<double>, kConfidenceLevels>;

// The documented default probability that a claim of each confidence level holds.
double default_claim_probability(Confidence confidence);

// Reads an msout-evidence-weights/1 file ({"format": ..., "weights": {"presumed": 0.4}}).
// Throws IoError or InputError (with file and JSON pointer).
EvidenceWeights load_evidence_weights_path(const std::string& path);

struct Claim {
  std::string key;    // unique; the name its random stream is derived from
  Evidence evidence;  // source, quote and confidence as written at its first use
  double probability = 1;
  std::string basis;  // why that probability: "stated", "--evidence-weights", "model", "default"
  std::vector<Place> uses;            // the dependencies and groups that rest on it, in model order
  std::vector<std::uint32_t> owners;  // per use: the entity whose requirement it is
  std::vector<std::string> links;     // per use: "uwv -> azure-westeurope", "x: any of (a, b)"
  std::uint64_t stream = 0;
  bool uncertain() const { return probability > 0 && probability < 1; }
};

struct Realization;

class UncertaintyPlan {
 public:
  // Collects the claims and the other open questions of `model` (and `scenario`, if any).
  // Conflicting explicit probabilities for one claim are errors in `diags`.
  static UncertaintyPlan build(const Model& model, const Scenario* scenario,
                               const EvidenceWeights& file_weights, Diagnostics& diags);

  const std::vector<Claim>& claims() const { return claims_; }
  std::uint32_t requirement_count() const { return static_cast<std::uint32_t>(req_claim_.size()); }
  std::uint32_t member_count() const { return static_cast<std::uint32_t>(member_claim_.size()); }
  // The model's requirement structure as flat arrays (what a replication's graph is
  // compiled from); valid while the model is.
  const ModelShape& shape() const { return shape_; }
  // Flat index of entity `entity`'s requirement `local`, and of member `m` of requirement
  // `requirement` (a flat index).
  std::uint32_t requirement_index(std::uint32_t entity, std::uint32_t local) const {
    return shape_.req_offsets[entity] + local;
  }
  std::uint32_t member_index(std::uint32_t requirement, std::uint32_t m) const {
    return shape_.member_offsets[requirement] + m;
  }
  // The claim a group rests on as a whole, and the claim a member (or single dependency)
  // rests on; kNoClaim where nothing is uncertain about it.
  std::uint32_t requirement_claim(std::uint32_t requirement) const {
    return req_claim_[requirement];
  }
  std::uint32_t member_claim(std::uint32_t member) const { return member_claim_[member]; }

 private:
  // Every value of `out` at its point; sizes for this plan (no allocation once grown).
  void reset_to_points(Realization& out) const;

  friend void draw_realization(const UncertaintyPlan&, std::uint64_t, std::uint64_t, Realization&);
  friend void point_realization(const UncertaintyPlan&, bool, Realization&);

  struct SpreadDraw {    // a duration given as a distribution
    std::uint32_t slot;  // index into the realization array it fills
    std::uint64_t stream;
    DurationDistribution distribution;
  };
  struct ChoiceDraw {
    std::uint32_t requirement;
    std::uint64_t stream;
    std::vector<double> cumulative;  // normalised cumulative weights
    std::uint32_t heaviest;          // the deterministic run's member
  };
  struct CommonCauseDraw {
    std::uint32_t requirement;
    std::uint64_t stream;
    double probability;
  };

  std::vector<Claim> claims_;
  ModelShape shape_;
  std::vector<std::uint32_t> req_claim_;
  std::vector<std::uint32_t> member_claim_;
  std::vector<ChoiceDraw> choices_;
  std::vector<CommonCauseDraw> common_causes_;
  std::vector<SpreadDraw> tolerance_spreads_, recovery_spreads_, switchover_spreads_,
      lever_spreads_;
  // Point values, copied into every realization before the draws.
  std::vector<std::int64_t> tolerance_point_, recovery_point_, switchover_point_, lever_point_;
};

// One replication's answer to every open question of a plan.
struct Realization {
  std::vector<std::uint8_t> claim_holds;   // per claim
  std::vector<std::uint32_t> chosen;       // per requirement: member of a choice (else 0)
  std::vector<std::uint8_t> common_cause;  // per requirement: the shared cause strikes
  std::vector<std::int64_t> tolerance;     // per member, seconds
  std::vector<std::int64_t> recovery;      // per member, seconds
  std::vector<std::int64_t> switchover;    // per requirement, seconds
  std::vector<std::int64_t> lever_at;      // per scenario lever, seconds
  // The plan whose draws these are: a draw for the same plan overwrites only what the plan
  // leaves open (every other value stays at its point).
  const UncertaintyPlan* plan = nullptr;
};

// Replication `replication` under `seed`. Reuses `out`'s buffers (no allocation once they
// have grown). Thread-safe for distinct `out`.
void draw_realization(const UncertaintyPlan& plan, std::uint64_t seed, std::uint64_t replication,
                      Realization& out);

// The deterministic run's answer: every claim holds but the disputed ones (unless
// `include_disputed`), a choice takes its heaviest member (the first of equals), durations
// take their point values, no common cause strikes.
void point_realization(const UncertaintyPlan& plan, bool include_disputed, Realization& out);

// What a deterministic run assumes where the model leaves a choice open, one sentence per
// distinct one_of choice, in model order: "azure-westeurope, the likeliest of
// azure-westeurope 67%, aws-eu-central-1 25%, google-cloud-europe-west4 8%; for big-banks,
// dnb". Reports print them, so that an assumed provider is never read as a documented one.
std::vector<std::string> point_choice_assumptions(const Model& model);

}  // namespace msout::model
