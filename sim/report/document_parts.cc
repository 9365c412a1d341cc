#include "sim/report/document_parts.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <utility>

#include "sim/report/cause_text.h"
#include "sim/report/text_table.h"

namespace msout::report {

render::Cell time_cell(const std::optional<std::int64_t>& seconds, const char* absent) {
  if (!seconds) return render::Cell::number(absent, "");
  return render::Cell::number(time_text(*seconds), std::to_string(*seconds));
}

render::Cell count_cell(std::uint64_t count) {
  return render::Cell::number(total_text(count), std::to_string(count));
}

render::Cell people_hours_cell(double people_hours) {
  char value[64];
  std::snprintf(value, sizeof value, "%.1f", people_hours);
  return render::Cell::number(people_hours_text(people_hours), value);
}

render::State render_state(cascade::State state) {
  switch (state) {
    case cascade::State::kDown:
      return render::State::kDown;
    case cascade::State::kDegraded:
      return render::State::kDegraded;
    default:
      return render::State::kUp;
  }
}

render::TimelineRow timeline_row(const Report& report, const FunctionOutcome& outcome) {
  const model::Entity& entity = report.model->entities[outcome.entity];
  render::TimelineRow row{entity.id, entity.name, {}, {}};
  for (const Interval& i : outcome.timeline) {
    row.spans.push_back({i.from, i.to, render_state(i.state)});
  }
  if (outcome.black_start_blocked) row.note = "black start";
  return row;
}

std::vector<render::Mark> lever_marks(const model::Scenario& scenario, std::int64_t horizon) {
  std::vector<render::Mark> marks;
  for (const model::Lever& lever : scenario.levers) {
    if (lever.at.seconds > horizon) continue;
    marks.push_back({lever.at.seconds, "\"" + lever.name + "\" (" +
                                           std::string(model::to_string(lever.action)) + ")"});
  }
  std::stable_sort(marks.begin(), marks.end(),
                   [](const render::Mark& a, const render::Mark& b) { return a.at < b.at; });
  return marks;
}

render::Chain chain_of(const Report& report, const FunctionOutcome& outcome) {
  const model::Model& model = *report.model;
  const model::Entity& entity = model.entities[outcome.entity];
  render::Chain chain{entity.id, entity.name, "", {}, ""};
  if (!outcome.cause) return chain;
  const cascade::CauseChain& cause = *outcome.cause;
  chain.summary = cause_text(report, cause);
  for (const cascade::ChainStep& step : cause.steps) {
    const model::Entity& e = model.entities[step.node];
    render::ChainStep s{e.id,
                        e.name,
                        std::string(cascade::to_string(step.record.state)),
                        time_text(step.record.time),
                        "",
                        std::nullopt};
    if (step.record.switching_to != cascade::kNoIndex) {
      s.via = "switching over to " +
              model.entities[report.graph->edge(step.record.switching_to).dependency].name;
    }
    if (step.record.cause == cascade::CauseKind::kDependency) {
      const std::uint32_t edge = step.record.ref;
      const model::Dependency& dependency = report.graph->source_dependency(model, edge);
      const model::Evidence& evidence = link_evidence(report, edge);
      std::string via = "needs " + model.entities[dependency.target].name;
      if (dependency.layer != model::Layer::kNone) {
        via += " (" + std::string(model::to_string(dependency.layer)) + " layer)";
      }
      s.via = s.via.empty() ? via : s.via + "; " + via;
      render::Evidence e_out{std::string(model::to_string(evidence.confidence)), evidence.source,
                             evidence.quote, ""};
      for (const std::string& a : dependency.assumptions) {
        e_out.note += (e_out.note.empty() ? "assumed: " : "; ") + a;
      }
      if (!e_out.note.empty() && !evidence.source.empty()) {
        // An assumption beside a source: both are shown; the note must not hide the source.
        e_out.quote = e_out.quote.empty() ? e_out.note : e_out.quote + " — " + e_out.note;
        e_out.note.clear();
      }
      s.evidence = std::move(e_out);
    }
    chain.steps.push_back(std::move(s));
  }
  if (cause.lever != cascade::kNoIndex) {
    const model::Lever& lever = report.scenario->levers[cause.lever];
    chain.lever = "lever \"" + lever.name + "\" at " + time_text(lever.at.seconds);
  }
  return chain;
}

render::Graph chains_graph(const Report& report,
                           const std::vector<const FunctionOutcome*>& outcomes, std::string title) {
  const model::Model& model = *report.model;
  render::Graph graph;
  graph.title = std::move(title);
  // Per entity: its earliest step on any chain (first failure) and the worst state reached.
  struct Seen {
    std::int64_t first = 0;
    cascade::State worst = cascade::State::kUp;
    std::size_t order = 0;
  };
  std::map<std::uint32_t, Seen> seen;
  std::set<std::pair<std::uint32_t, std::uint32_t>> links;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> link_order;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> link_edge;
  for (const FunctionOutcome* outcome : outcomes) {
    if (!outcome->cause) continue;
    const auto& steps = outcome->cause->steps;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const cascade::ChainStep& step = steps[i];
      auto [it, added] =
          seen.try_emplace(step.node, Seen{step.record.time, step.record.state, seen.size()});
      if (!added) {
        it->second.first = std::min(it->second.first, step.record.time);
        if (static_cast<int>(step.record.state) > static_cast<int>(it->second.worst)) {
          it->second.worst = step.record.state;
        }
      }
      if (i + 1 < steps.size()) {
        const std::pair<std::uint32_t, std::uint32_t> link{step.node, steps[i + 1].node};
        if (links.insert(link).second) {
          link_order.push_back(link);
          if (step.record.cause == cascade::CauseKind::kDependency) {
            link_edge[link] = step.record.ref;
          }
        }
      }
    }
  }
  std::vector<std::pair<std::size_t, std::uint32_t>> nodes;
  for (const auto& [entity, s] : seen) nodes.emplace_back(s.order, entity);
  std::sort(nodes.begin(), nodes.end());
  for (const auto& [order, entity] : nodes) {
    const Seen& s = seen.at(entity);
    const model::Entity& e = model.entities[entity];
    graph.nodes.push_back(
        {e.id, e.name, "from " + time_text(s.first), render_state(s.worst), false});
  }
  for (const auto& link : link_order) {
    render::GraphEdge edge{model.entities[link.first].id, model.entities[link.second].id, "",
                           false};
    const auto it = link_edge.find(link);
    if (it != link_edge.end()) {
      const model::Dependency& dependency = report.graph->source_dependency(model, it->second);
      const model::Evidence& evidence = link_evidence(report, it->second);
      if (dependency.layer != model::Layer::kNone) edge.label = model::to_string(dependency.layer);
      edge.hedged = evidence.confidence != model::Confidence::kConfirmed;
    }
    graph.edges.push_back(std::move(edge));
  }
  return graph;
}

}  // namespace msout::report
