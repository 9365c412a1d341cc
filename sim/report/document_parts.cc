#include "sim/report/document_parts.h"

#include <cmath>
#include <utility>

#include <nlohmann/json.hpp>

#include "sim/report/cause_text.h"
#include "sim/report/text_table.h"

namespace msout::report {

render::State render_state(cascade::State state) {
  switch (state) {
    case cascade::State::kUp:
      return render::State::kUp;
    case cascade::State::kDegraded:
      return render::State::kDegraded;
    case cascade::State::kDown:
      return render::State::kDown;
  }
  return render::State::kUp;
}

std::string decimal_value(double value) { return nlohmann::json(value).dump(); }

render::Cell duration_cell(std::int64_t seconds) {
  return render::Cell::number(time_text(seconds), std::to_string(seconds));
}

render::Cell signed_duration_cell(std::int64_t seconds) {
  return render::Cell::number(seconds > 0 ? "+" + time_text(seconds) : time_text(seconds),
                              std::to_string(seconds));
}

render::Cell optional_duration_cell(const std::optional<std::int64_t>& seconds,
                                    const char* absent) {
  return seconds ? duration_cell(*seconds) : render::Cell::number(absent, "");
}

render::Cell count_cell(std::uint64_t count) {
  return render::Cell::number(grouped(count), std::to_string(count));
}

render::Cell total_cell(std::uint64_t sum) {
  return render::Cell::number(total_text(sum), std::to_string(sum));
}

render::Cell people_hours_cell(double people_hours) {
  return render::Cell::number(people_hours_text(people_hours), decimal_value(people_hours));
}

render::Cell signed_people_hours_cell(double people_hours) {
  const double magnitude = std::fabs(people_hours);
  const long long rounded = std::llround(people_hours);
  const std::string sign = rounded > 0 ? "+" : rounded < 0 ? "-" : "";
  return render::Cell::number(sign + people_hours_text(magnitude), decimal_value(people_hours));
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

std::vector<std::string> whatif_context(const std::vector<AppliedOverlay>& whatif) {
  std::vector<std::string> lines;
  for (const AppliedOverlay& overlay : whatif) {
    lines.push_back("what-if \"" + overlay.name + "\" (" + overlay.file + ")");
  }
  return lines;
}

std::vector<render::Mark> lever_marks(const model::Scenario& scenario) {
  std::vector<render::Mark> marks;
  for (const model::Lever& lever : scenario.levers) {
    marks.push_back({lever.at.seconds, lever.name});
  }
  return marks;
}

render::Column text_column(std::string key, std::string label, std::size_t terminal_width) {
  render::Column column{std::move(key), std::move(label), render::ColumnType::kText};
  column.terminal_width = terminal_width;
  return column;
}

render::Column count_column(std::string key, std::string label) {
  return {std::move(key), std::move(label), render::ColumnType::kCount};
}

render::Column duration_column(std::string key, std::string label) {
  return {std::move(key), std::move(label), render::ColumnType::kDuration};
}

render::Column number_column(std::string key, std::string label) {
  return {std::move(key), std::move(label), render::ColumnType::kNumber};
}

render::Column detail_column(render::Column column) {
  column.in_terminal = false;
  return column;
}

}  // namespace msout::report
