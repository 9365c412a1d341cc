#include "sim/report/people_figures.h"

#include <algorithm>
#include <map>
#include <utility>

#include "model/printable_text.h"
#include "sim/report/text_table.h"

namespace msout::report {

std::uint64_t capped_to_population(std::uint64_t people,
                                   const std::optional<model::Population>& population) {
  return population && population->people < people ? population->people : people;
}

double people_seconds_at_least(const std::vector<const FunctionOutcome*>& outcomes,
                               cascade::State state, std::int64_t horizon,
                               const std::optional<model::Population>& population) {
  // A sweep over the interval ends: +people where a function enters `state`, -people where
  // it leaves; between two times the figure is the largest of those in the state.
  std::vector<std::pair<std::int64_t, std::pair<bool, std::uint64_t>>> ends;
  for (const FunctionOutcome* f : outcomes) {
    for (const Interval& i : f->timeline) {
      const std::int64_t to = std::min(i.to, horizon);
      if (i.state != state || i.from >= to) continue;
      ends.push_back({i.from, {true, f->people}});
      ends.push_back({to, {false, f->people}});
    }
  }
  std::sort(ends.begin(), ends.end());
  std::map<std::uint64_t, std::size_t> in_state;  // people served -> functions in the state
  double total = 0;
  std::int64_t since = 0;
  for (const auto& [time, change] : ends) {
    if (!in_state.empty() && time > since) {
      const std::uint64_t widest = capped_to_population(in_state.rbegin()->first, population);
      total += static_cast<double>(widest) * static_cast<double>(time - since);
    }
    since = time;
    const auto& [enters, people] = change;
    if (enters) {
      ++in_state[people];
    } else if (auto it = in_state.find(people); --it->second == 0) {
      in_state.erase(it);
    }
  }
  return total;
}

std::string population_text(const std::optional<model::Population>& population) {
  if (!population) return "population not declared by the model";
  std::string text = "population " + grouped(population->people) + " (" +
                     model::printable(population->source, 300);
  if (!population->as_of.empty()) text += ", as of " + model::printable(population->as_of);
  return text + ")";
}

}  // namespace msout::report
