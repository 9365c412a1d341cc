#include "sim/report/document_parts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <utility>

#include <nlohmann/json.hpp>

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

std::string decimal_value(double value) { return nlohmann::json(value).dump(); }

render::Cell signed_time_cell(std::int64_t seconds) {
  return render::Cell::number(seconds > 0 ? "+" + time_text(seconds) : time_text(seconds),
                              std::to_string(seconds));
}

render::Cell signed_people_hours_cell(double people_hours) {
  render::Cell cell = people_hours_cell(people_hours);
  const long long rounded = std::llround(people_hours);
  cell.text = rounded > 0   ? "+" + cell.text
              : rounded < 0 ? "-" + people_hours_text(-people_hours)
                            : people_hours_text(0);
  return cell;
}

render::Cell share_cell(double share) {
  return render::Cell::number(std::to_string(std::lround(share * 100)) + "%", decimal_value(share));
}

render::Cell state_cell(cascade::State state) {
  return render::Cell::plain(std::string(cascade::to_string(state)));
}

std::string counted(std::uint64_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string ids_text(const model::Model& model, const std::vector<std::uint32_t>& entities,
                     std::string_view separator) {
  std::vector<std::string> ids;
  for (std::uint32_t e : entities) ids.push_back(model.entities[e].id);
  return render::joined(ids, separator);
}

std::string names_text(const model::Model& model, const std::vector<std::uint32_t>& entities,
                       std::string_view separator) {
  std::vector<std::string> names;
  for (std::uint32_t e : entities) names.push_back(model.entities[e].name);
  return render::joined(names, separator);
}

render::Block assumptions_block(const Report& report) {
  return {render::Paragraphs{"assumptions",
                             "Assumed where the sources name no provider (msout montecarlo "
                             "weighs the others)",
                             report.assumptions},
          render::kShowTerminal | render::kShowHtml};
}

std::vector<std::string> whatif_context(const std::vector<AppliedOverlay>& whatif) {
  std::vector<std::string> lines;
  for (const AppliedOverlay& overlay : whatif) {
    lines.push_back("what-if \"" + overlay.name + "\" (" + overlay.file + ")");
  }
  return lines;
}

render::Column text_column(std::string key, std::string label, std::size_t terminal_width) {
  render::Column column{std::move(key), std::move(label), render::ColumnType::kText};
  column.terminal_width = terminal_width;
  return column;
}

render::Column count_column(std::string key, std::string label) {
  return {std::move(key), std::move(label), render::ColumnType::kCount};
}

render::Column time_column(std::string key, std::string label) {
  return {std::move(key), std::move(label), render::ColumnType::kDuration};
}

render::Column number_column(std::string key, std::string label) {
  return {std::move(key), std::move(label), render::ColumnType::kNumber};
}

render::Column detail_column(render::Column column) {
  column.in_terminal = false;
  return column;
}

bool is_hedged(const model::Evidence& evidence) {
  return evidence.confidence != model::Confidence::kConfirmed &&
         evidence.confidence != model::Confidence::kDefinition;
}

render::Mark lever_mark(const std::string& name, std::string_view action, std::int64_t at) {
  return {at, "\"" + name + "\" (" + std::string(action) + ")"};
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
    marks.push_back(lever_mark(lever.name, model::to_string(lever.action), lever.at.seconds));
  }
  std::stable_sort(marks.begin(), marks.end(),
                   [](const render::Mark& a, const render::Mark& b) { return a.at < b.at; });
  return marks;
}

render::Chart functions_over_time_chart(const std::vector<SummaryPoint>& points,
                                        std::size_t functions, std::int64_t horizon,
                                        std::vector<render::Mark> marks) {
  render::Chart chart;
  chart.name = "functions-over-time";
  chart.title = "Critical functions down over time, and degraded";
  chart.note = "The number of critical functions in each state from each moment on.";
  chart.y_label = "functions";
  chart.value_key = "functions";
  chart.y_max = static_cast<double>(functions);
  chart.horizon = horizon;
  chart.marks = std::move(marks);
  render::Series down{"down", "down", {}};
  render::Series degraded{"degraded", "degraded (not down)", {}};
  for (const SummaryPoint& p : points) {
    down.points.push_back({p.time, static_cast<double>(p.down), std::nullopt});
    degraded.points.push_back({p.time, static_cast<double>(p.degraded), std::nullopt});
  }
  chart.series = {std::move(down), std::move(degraded)};
  return chart;
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
      const bool definition = evidence.confidence == model::Confidence::kDefinition;
      if (definition) {
        via += ", a definition link: the model defines " + e.name + " as " +
               model.entities[dependency.target].name + "'s work, no source claims it";
      }
      s.via = s.via.empty() ? via : s.via + "; " + via;
      render::Evidence e_out{std::string(model::to_string(evidence.confidence)),
                             evidence.source,
                             evidence.quote,
                             "",
                             is_hedged(evidence),
                             definition};
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
  // Per entity: its earliest step on any chain (first failure) and the worst state reached;
  // per link (consecutive steps): the dependency edge behind it, where it is one. Both in the
  // order first met.
  struct Seen {
    std::int64_t first = 0;
    cascade::State worst = cascade::State::kUp;
  };
  std::map<std::uint32_t, Seen> seen;
  std::vector<std::uint32_t> node_order;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> link_edge;  // or kNoIndex
  std::vector<std::pair<std::uint32_t, std::uint32_t>> link_order;
  for (const FunctionOutcome* outcome : outcomes) {
    if (!outcome->cause) continue;
    const auto& steps = outcome->cause->steps;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const cascade::ChainStep& step = steps[i];
      auto [it, added] = seen.try_emplace(step.node, Seen{step.record.time, step.record.state});
      if (added) {
        node_order.push_back(step.node);
      } else {
        it->second.first = std::min(it->second.first, step.record.time);
        if (static_cast<int>(step.record.state) > static_cast<int>(it->second.worst)) {
          it->second.worst = step.record.state;
        }
      }
      if (i + 1 == steps.size()) continue;
      const bool dependency = step.record.cause == cascade::CauseKind::kDependency;
      const auto link = link_edge.try_emplace({step.node, steps[i + 1].node},
                                              dependency ? step.record.ref : cascade::kNoIndex);
      if (link.second) link_order.push_back(link.first->first);
    }
  }
  for (std::uint32_t entity : node_order) {
    const Seen& s = seen.at(entity);
    const model::Entity& e = model.entities[entity];
    graph.nodes.push_back(
        {e.id, e.name, "from " + time_text(s.first), render_state(s.worst), false});
  }
  for (const auto& link : link_order) {
    render::GraphEdge edge{model.entities[link.first].id, model.entities[link.second].id, "",
                           false};
    if (const std::uint32_t dependency_edge = link_edge.at(link);
        dependency_edge != cascade::kNoIndex) {
      const model::Dependency& dependency = report.graph->source_dependency(model, dependency_edge);
      const model::Evidence& evidence = link_evidence(report, dependency_edge);
      if (dependency.layer != model::Layer::kNone) edge.label = model::to_string(dependency.layer);
      edge.hedged = is_hedged(evidence);
    }
    graph.edges.push_back(std::move(edge));
  }
  return graph;
}

}  // namespace msout::report
