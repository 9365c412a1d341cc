// People figures over several functions: the one way msout states how many people a set of
// failed functions affects (docs/report-format.md, "People figures").
//
// The model says how many people each function serves, not who they are: how far the
// populations of two functions overlap is unknown (in the national model 35 functions serve
// "everyone"). So people_served is never added up over functions — that would count a
// person once per function and can reach many times the population. What is true of a set
// of functions is a lower bound: at least as many people as the most widely used of them
// serves are affected (they are all among those affected), and never more than the
// population the model declares (model::Population). Invariant: every figure here is at
// most the population, where one is declared, and at most the largest single figure given.
//
//   PeopleAtLeast down(model.population);
//   for (const FunctionOutcome& f : failed) down.add(f.people);
//   out << "at least " << grouped(down.value()) << " people";
//
// Sums of people-hours over functions are kept only as *function-people-hours*, a
// function-weighted measure, and labelled so wherever they are printed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/model.h"
#include "sim/report/report.h"

namespace msout::report {

// `people` capped at the population, where the model declares one.
std::uint64_t capped_to_population(std::uint64_t people,
                                   const std::optional<model::Population>& population);

// "At least N people" over a set of functions: the largest people_served added, capped at
// the population. 0 for an empty set.
class PeopleAtLeast {
 public:
  explicit PeopleAtLeast(const std::optional<model::Population>& population)
      : cap_(population ? std::optional<std::uint64_t>(population->people) : std::nullopt) {}

  void add(std::uint64_t people) {
    if (people > widest_) widest_ = people;
  }
  std::uint64_t value() const { return cap_ && *cap_ < widest_ ? *cap_ : widest_; }

 private:
  std::optional<std::uint64_t> cap_;
  std::uint64_t widest_ = 0;
};

// People-seconds, at least, in `state` within [0, horizon]: the integral over time of the
// at-least figure of the outcomes in exactly `state` at each instant (their timelines). A
// lower bound on the person-seconds during which someone had a function in that state, so
// at most population x horizon; 0 for no outcome. A double, as people-hours are elsewhere:
// exact up to 2^53, and beyond 64 bits without wrapping.
double people_seconds_at_least(const std::vector<const FunctionOutcome*>& outcomes,
                               cascade::State state, std::int64_t horizon,
                               const std::optional<model::Population>& population);

// For table headers: `population 18,044,027 (SOURCE, as of 2025-01-01)`, or
// `population not declared by the model` where there is none. Control characters escaped.
std::string population_text(const std::optional<model::Population>& population);

}  // namespace msout::report
