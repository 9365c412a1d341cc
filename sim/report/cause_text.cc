#include "sim/report/cause_text.h"

#include "model/duration.h"

namespace msout::report {

std::string optional_time_text(const std::optional<std::int64_t>& seconds, const char* absent) {
  return seconds ? time_text(*seconds) : absent;
}

std::string time_text(std::int64_t seconds) {
  return model::format_duration(model::Duration{seconds});
}

const model::Evidence& link_evidence(const Report& report, std::uint32_t edge) {
  return link_evidence(*report.model, *report.graph, edge);
}

const model::Evidence& link_evidence(const model::Model& model, const model::FrozenGraph& graph,
                                     std::uint32_t edge) {
  const model::Dependency& dependency = graph.source_dependency(model, edge);
  if (!dependency.evidence.source.empty()) return dependency.evidence;
  return graph.source_gate(model, edge).evidence;
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
