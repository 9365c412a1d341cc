#include "sim/render/text_renderer.h"

#include <algorithm>
#include <string>
#include <vector>

#include "model/printable_text.h"
#include "sim/render/chart_table.h"
#include "sim/render/text_table.h"

namespace msout::render {
namespace {

constexpr const char* kIndent = "  ";
constexpr std::size_t kMinColumn = 8;

// A heading in capitals up to its first parenthesis: "CRITICAL FUNCTIONS THAT FAIL (2 of 3)".
std::string upper(std::string text) {
  for (char& c : text) {
    if (c == '(') break;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

std::string more_line(std::size_t left_out, const char* what) {
  return std::string(kIndent) + "… and " + std::to_string(left_out) + " more " + what +
         " (all of them in --format csv, html or json)\n";
}

// What the terminal says in place of the rows it leaves out.
std::string left_out(std::size_t count, const std::string& more, std::size_t width) {
  if (more.empty()) return more_line(count, "rows");
  return wrapped(more, kIndent, std::string(kIndent) + "  ", width - 2);
}

void heading(std::string& out, const std::string& title, const std::string& note,
             std::size_t width) {
  if (title.empty()) return;
  out += "\n" + model::escape_controls(upper(title)) + "\n";
  if (!note.empty()) out += wrapped(note, kIndent, kIndent, width - 2);
}

// Shrinks the widest shortenable text columns until the table fits `width`.
void fit_widths(std::vector<std::size_t>& widths, const std::vector<bool>& text_column,
                std::size_t width) {
  auto total = [&] {
    std::size_t sum = std::string(kIndent).size();
    for (std::size_t w : widths) sum += w + 2;
    return sum;
  };
  while (total() > width) {
    std::size_t widest = widths.size();
    for (std::size_t c = 0; c < widths.size(); ++c) {
      if (!text_column[c] || widths[c] <= kMinColumn) continue;
      if (widest == widths.size() || widths[c] > widths[widest]) widest = c;
    }
    if (widest == widths.size()) return;  // only figures left: let the line be long
    --widths[widest];
  }
}

void render_table(std::string& out, const Table& table, std::size_t width) {
  heading(out, table.title, table.note, width);
  if (table.rows.empty()) {
    out += std::string(kIndent) + table.empty_text + "\n";
    return;
  }
  std::vector<std::size_t> shown;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (table.columns[c].in_terminal) shown.push_back(c);
  }
  const std::size_t rows = std::min(table.rows.size(), table.terminal_rows);
  if (rows == 0) {
    out += left_out(table.rows.size(), table.terminal_more, width);
    return;
  }
  std::vector<std::size_t> widths;
  std::vector<bool> text_column;
  for (std::size_t c : shown) {
    const Column& column = table.columns[c];
    std::size_t w = display_width(column.label);
    for (std::size_t r = 0; r < rows; ++r) {
      w = std::max(w, display_width(model::escape_controls(table.rows[r][c].text)));
    }
    if (column.terminal_width > 0) w = std::min(w, std::max(column.terminal_width, kMinColumn));
    widths.push_back(w);
    text_column.push_back(column.type == ColumnType::kText);
  }
  fit_widths(widths, text_column, width);

  auto cell = [&](const std::string& raw, std::size_t i) {
    return clipped(model::escape_controls(raw), widths[i]);
  };
  std::vector<std::string> header;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    header.push_back(cell(table.columns[shown[i]].label, i));
  }
  TextTable text(header);
  for (std::size_t r = 0; r < rows; ++r) {
    std::vector<std::string> row;
    for (std::size_t i = 0; i < shown.size(); ++i)
      row.push_back(cell(table.rows[r][shown[i]].text, i));
    text.add(std::move(row));
  }
  out += text.render(kIndent);
  if (rows < table.rows.size())
    out += left_out(table.rows.size() - rows, table.terminal_more, width);
}

// The worst state within [from, to): a short outage stays visible in a coarse bar.
State worst_in(const TimelineRow& row, std::int64_t from, std::int64_t to) {
  State worst = State::kUp;
  for (const Span& s : row.spans) {
    if (s.to <= from || s.from >= to) continue;
    if (static_cast<int>(s.state) > static_cast<int>(worst)) worst = s.state;
  }
  return worst;
}

void render_timeline(std::string& out, const Timeline& timeline, std::size_t width) {
  heading(out, timeline.title,
          "'#' down, '~' degraded, '.' up; each character is an equal share of the horizon "
          "(the worst state within it)",
          width);
  if (timeline.rows.empty()) {
    out += std::string(kIndent) + "none\n";
    return;
  }
  const std::size_t rows = std::min(timeline.rows.size(), timeline.terminal_rows);
  if (rows == 0) {
    out += left_out(timeline.rows.size(), timeline.terminal_more, width);
    return;
  }
  std::size_t label_width = 0;
  std::vector<std::string> labels;
  for (std::size_t r = 0; r < rows; ++r) {
    const TimelineRow& row = timeline.rows[r];
    labels.push_back(model::escape_controls(row.name));
    label_width = std::max(label_width, display_width(labels.back()));
  }
  label_width = std::min<std::size_t>(label_width, 36);
  constexpr std::size_t kStateWidth = 10;  // " degraded" after the bar
  const std::size_t bar =
      width > label_width + kStateWidth + 8 ? width - label_width - kStateWidth - 6 : 20;
  const std::int64_t horizon = std::max<std::int64_t>(timeline.horizon, 1);
  for (std::size_t r = 0; r < rows; ++r) {
    const TimelineRow& row = timeline.rows[r];
    std::string line = std::string(kIndent) + clipped(labels[r], label_width);
    line += std::string(label_width - display_width(clipped(labels[r], label_width)) + 2, ' ');
    for (std::size_t i = 0; i < bar; ++i) {
      const std::int64_t from =
          horizon * static_cast<std::int64_t>(i) / static_cast<std::int64_t>(bar);
      const std::int64_t to =
          horizon * static_cast<std::int64_t>(i + 1) / static_cast<std::int64_t>(bar);
      const State s = worst_in(row, from, std::max(to, from + 1));
      line += s == State::kDown ? '#' : s == State::kDegraded ? '~' : '.';
    }
    const State final = final_state(row);
    line += std::string(" ") + state_word(final);
    if (!row.note.empty()) line += " (" + model::escape_controls(row.note) + ")";
    out += line + "\n";
  }
  // The axis: 0 at the start of the bar, the horizon at its end.
  const std::string end = duration_text(timeline.horizon);
  std::string axis = std::string(kIndent) + std::string(label_width + 2, ' ') + "0s";
  const std::size_t axis_end = std::string(kIndent).size() + label_width + 2 + bar;
  if (axis_end > axis.size() + end.size()) {
    axis += std::string(axis_end - axis.size() - end.size(), ' ') + end;
  }
  out += axis + "\n";
  if (rows < timeline.rows.size()) {
    out += left_out(timeline.rows.size() - rows, timeline.terminal_more, width);
  }
  if (!timeline.marks.empty()) {
    std::string levers;
    for (const Mark& m : timeline.marks) {
      levers += (levers.empty() ? "" : "; ") + duration_text(m.at) + " " + m.label;
    }
    out += wrapped("levers: " + levers, kIndent, std::string(kIndent) + "  ", width - 2);
  }
}

// Every line of `text` cut to `width` columns: a URL longer than a line (the full one is in
// the other formats) must not widen the terminal output.
std::string clipped_lines(const std::string& text, std::size_t width) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end == std::string::npos ? end : end - start);
    out += clipped(line, width) + "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

void render_chains(std::string& out, const Chains& chains, std::size_t width) {
  heading(out, chains.title, "", width);
  if (chains.chains.empty()) {
    out += std::string(kIndent) + "none\n";
    return;
  }
  const std::size_t shown = std::min(chains.chains.size(), chains.terminal_chains);
  for (std::size_t i = 0; i < shown; ++i) {
    const Chain& chain = chains.chains[i];
    // A summary names entities by their ids alone: no "fn0 [fn0]".
    const std::string title =
        chain.name == chain.id ? chain.id : chain.name + " [" + chain.id + "]";
    out += wrapped(title, kIndent, "    ", width - 2);
    out += wrapped(chain.summary, "    why:      ", "              ", width - 4);
    for (std::size_t s = 0; s + 1 < chain.steps.size(); ++s) {
      const ChainStep& step = chain.steps[s];
      if (!step.evidence) continue;
      const Evidence& e = *step.evidence;
      std::string line = step.id + " \u2192 " + chain.steps[s + 1].id + ": ";
      if (!e.note.empty()) {
        line += e.note;
      } else if (e.source.empty()) {
        line += "no evidence given";
      } else {
        line += e.confidence + (e.definition ? " (the model's, not the source's claim)" : "") +
                ", " + e.source;
      }
      out += clipped_lines(wrapped(line, "    evidence: ", "              ", width - 4), width);
    }
  }
  if (shown < chains.chains.size()) out += more_line(chains.chains.size() - shown, "chains");
}

void render_paragraphs(std::string& out, const Paragraphs& paragraphs, std::size_t width) {
  heading(out, paragraphs.title, "", width);
  for (const std::string& line : paragraphs.lines) out += wrapped(line, kIndent, "    ", width - 2);
}

}  // namespace

std::string render_text(const Document& document, std::size_t width) {
  std::string out = wrapped(document.title, "", kIndent, width);
  for (const std::string& line : document.context) out += wrapped(line, kIndent, "    ", width - 2);
  out += "\n";
  for (const std::string& line : document.headline) out += wrapped(line, "", kIndent, width);
  for (const Block& block : document.blocks) {
    if ((block.show & kShowTerminal) == 0) continue;
    std::visit(
        [&](const auto& content) {
          using T = std::decay_t<decltype(content)>;
          if constexpr (std::is_same_v<T, Table>) {
            render_table(out, content, width);
          } else if constexpr (std::is_same_v<T, Timeline>) {
            render_timeline(out, content, width);
          } else if constexpr (std::is_same_v<T, Chart>) {
            render_table(out, chart_table(content), width);
          } else if constexpr (std::is_same_v<T, Chains>) {
            render_chains(out, content, width);
          } else {
            render_paragraphs(out, content, width);
          }
        },
        block.content);
  }
  return out;
}

}  // namespace msout::render
