#include "sim/report/cause_text.h"

#include "model/duration.h"

namespace msout::report {

std::string time_text(std::int64_t seconds) {
  return model::format_duration(model::Duration{seconds});
}

std::string cause_text(const Report& report, const cascade::CauseChain& chain) {
  const model::Model& model = *report.model;
  std::string text;
  for (const cascade::ChainStep& step : chain.steps) {
    if (!text.empty()) text += " \u2190 ";
    text += model.entities[step.node].name;
    if (step.record.switching_to != cascade::kNoIndex) {
      const std::uint32_t to = report.graph->edge(step.record.switching_to).dependency;
      text += " (switching over to " + model.entities[to].name + ")";
    }
  }
  if (chain.lever != cascade::kNoIndex) {
    const model::Lever& lever = report.scenario->levers[chain.lever];
    text += " \u2190 lever \"" + lever.name + "\" at " + time_text(lever.at.seconds);
  }
  return text;
}

}  // namespace msout::report
