#include "sim/render/html_renderer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "sim/render/chart_table.h"
#include "sim/render/text_table.h"

namespace msout::render {
namespace {

// Okabe-Ito colours: told apart by readers with any common colour-vision deficiency. States
// are also told by pattern (none, stripes, cross-hatch) and by the word in every tooltip and
// table, so nothing rests on colour alone.
constexpr const char* kUpColour = "#cfe6f5";
constexpr const char* kDegradedColour = "#f0e442";
constexpr const char* kDownColour = "#d55e00";
constexpr std::array<const char*, 7> kSeriesColours = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                                       "#e69f00", "#56b4e9", "#000000"};

constexpr const char* kStyle = R"(
:root{--up:#cfe6f5;--degraded:#f0e442;--down:#d55e00;--ink:#1a1a1a;--muted:#555;--rule:#ccc}
*{box-sizing:border-box}
body{font:15px/1.45 "DejaVu Sans",Helvetica,Arial,sans-serif;color:var(--ink);margin:0 auto;
max-width:1180px;padding:24px}
h1{font-size:1.5em;margin:0 0 .3em}h2{font-size:1.15em;margin:1.6em 0 .4em;
border-bottom:2px solid var(--ink);padding-bottom:2px}
.context{color:var(--muted);margin:0;font-size:.9em}
.headline{background:#f4f4f4;border-left:6px solid var(--down);padding:10px 16px;margin:16px 0}
.headline p{margin:.2em 0}.headline p:first-child{font-size:1.2em;font-weight:bold}
nav{font-size:.85em;margin:8px 0}nav a{margin-right:12px}
.note{color:var(--muted);font-size:.88em;margin:.2em 0 .6em}
.legend{font-size:.85em;margin:4px 0}.legend svg{vertical-align:middle;margin:0 4px 0 10px}
svg text{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif}
/* Pictures shrink to the window (an A4-wide one too) and keep their proportions. */
.scroll>svg{max-width:100%;height:auto}
.scroll{overflow-x:auto}
table.data{border-collapse:collapse;font-size:.85em;width:100%}
table.data th,table.data td{border-bottom:1px solid var(--rule);padding:3px 6px;text-align:left;
vertical-align:top}
table.data th{background:#eee;cursor:pointer}
table.data th[aria-sort=ascending]::after{content:" \25B2"}
table.data th[aria-sort=descending]::after{content:" \25BC"}
table.data td.num{text-align:right;white-space:nowrap}
code,.id{font-family:"DejaVu Sans Mono",monospace;font-size:.9em;color:#333}
details.chain{border:1px solid var(--rule);border-radius:4px;margin:6px 0;padding:4px 10px}
details.chain summary{cursor:pointer}
details.chain ol{margin:6px 0;padding-left:22px}
.state{display:inline-block;padding:0 5px;border-radius:3px;font-size:.85em;font-weight:bold}
.state.down{background:var(--down);color:#fff}.state.degraded{background:var(--degraded)}
.state.up{background:var(--up)}
.evidence{font-size:.88em;color:#333;margin:2px 0 6px}
.confidence{font-weight:bold}.confidence.hedged{font-style:italic}.confidence.definition{font-weight:normal;font-variant:small-caps}
blockquote{margin:2px 0 2px 12px;padding-left:8px;border-left:3px solid var(--rule);
color:#333;font-style:italic}
.warning{color:#8a3b00}
footer{margin-top:2em;color:var(--muted);font-size:.8em;border-top:1px solid var(--rule)}
@page{size:A4;margin:14mm}
@media print{body{max-width:none;padding:0;font-size:10pt}nav{display:none}
table.data{font-size:7pt}table.data .detail{display:none}.scroll{overflow:visible}
table.data td{word-break:break-word}tr,details{break-inside:avoid}h2{break-after:avoid}
.headline{border:1px solid #000}svg{max-width:100%;height:auto}.print-note{display:block}}
.print-note{display:none;font-size:.8em;color:var(--muted)}
)";

// Sorting by a column (click its heading; again to reverse): figures by their machine value,
// text by its words. Before printing, every cause chain is opened.
constexpr const char* kScript = R"(
document.querySelectorAll('table.data').forEach(function(t){
 t.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){
  var asc=th.getAttribute('aria-sort')!=='ascending';
  t.querySelectorAll('th').forEach(function(o){o.removeAttribute('aria-sort')});
  th.setAttribute('aria-sort',asc?'ascending':'descending');
  var num=th.dataset.type!=='text',b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);
  rows.sort(function(x,y){var a=x.cells[i].dataset.value,c=y.cells[i].dataset.value;
   var r;if(num){var p=a===''?Infinity:+a,q=c===''?Infinity:+c;r=p<q?-1:p>q?1:0}
   else{r=a.localeCompare(c)}return asc?r:-r});
  rows.forEach(function(r){b.appendChild(r)})})})});
window.addEventListener('beforeprint',function(){
 document.querySelectorAll('details').forEach(function(d){d.open=true})});
)";

std::string attr(const std::string& text) { return "\"" + html_escape(text) + "\""; }

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

bool is_web_link(const std::string& url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

std::string link_or_text(const std::string& text, const std::string& url) {
  if (!is_web_link(url)) return html_escape(text);
  return "<a href=" + attr(url) + " rel=\"noreferrer\">" + html_escape(text) + "</a>";
}

// The fill of a span: colour plus a pattern for degraded and down, defined once per SVG with
// ids made unique by `prefix`.
std::string state_fill(State s, const std::string& prefix) {
  if (s == State::kUp) return kUpColour;
  return "url(#" + prefix + (s == State::kDown ? "-down" : "-degraded") + ")";
}

std::string pattern_defs(const std::string& prefix) {
  return std::string("<defs>") + "<pattern id=\"" + prefix +
         "-degraded\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"" +
         kDegradedColour +
         "\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#6b6200\" "
         "stroke-width=\"1.5\"/></pattern><pattern id=\"" +
         prefix +
         "-down\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" "
         "height=\"6\" fill=\"" +
         kDownColour +
         "\"/><path d=\"M0 0L6 6M6 0L0 6\" stroke=\"#5a1f00\" stroke-width=\"1\"/></pattern>" +
         "</defs>";
}

// Tick marks at a round step giving at most about `max_ticks` ticks over [0, horizon].
std::vector<std::int64_t> ticks(std::int64_t horizon, int max_ticks) {
  static constexpr std::array<std::int64_t, 16> kSteps = {
      60,    300,   900,    1800,   3600,    7200,    14400,   21600,
      43200, 86400, 172800, 604800, 1209600, 2592000, 7776000, 31536000};
  std::int64_t step = kSteps.back();
  for (std::int64_t s : kSteps) {
    if (horizon / s <= max_ticks) {
      step = s;
      break;
    }
  }
  while (horizon / step > max_ticks) step *= 2;
  std::vector<std::int64_t> out;
  for (std::int64_t t = 0; t <= horizon; t += step) out.push_back(t);
  return out;
}

struct Axis {
  double left;
  double width;
  std::int64_t horizon;
  double x(std::int64_t t) const {
    const double h = static_cast<double>(std::max<std::int64_t>(horizon, 1));
    return left + width * static_cast<double>(std::clamp<std::int64_t>(t, 0, horizon)) / h;
  }
};

std::string axis_svg(const Axis& axis, double top, double bottom) {
  std::string out;
  for (std::int64_t t : ticks(axis.horizon, 8)) {
    const std::string x = number(axis.x(t));
    out += "<line x1=\"" + x + "\" y1=\"" + number(top) + "\" x2=\"" + x + "\" y2=\"" +
           number(bottom) + "\" stroke=\"#ddd\"/>";
    out += "<text x=\"" + x + "\" y=\"" + number(bottom + 14) +
           "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">" + duration_text(t) +
           "</text>";
  }
  return out;
}

// Levers as dashed vertical lines, numbered at the top; their names are listed below.
std::string marks_svg(const Axis& axis, const std::vector<Mark>& marks, double top, double bottom) {
  std::string out;
  for (std::size_t i = 0; i < marks.size(); ++i) {
    const std::string x = number(axis.x(marks[i].at));
    out += "<g class=\"mark\"><title>" +
           html_escape(duration_text(marks[i].at) + ": " + marks[i].label) + "</title><line x1=\"" +
           x + "\" y1=\"" + number(top) + "\" x2=\"" + x + "\" y2=\"" + number(bottom) +
           "\" stroke=\"#000\" stroke-dasharray=\"4 3\"/><text x=\"" + x + "\" y=\"" +
           number(top - 3) + "\" font-size=\"10\" text-anchor=\"middle\">L" +
           std::to_string(i + 1) + "</text></g>";
  }
  return out;
}

std::string marks_list(const std::vector<Mark>& marks) {
  if (marks.empty()) return "";
  std::string out = "<p class=\"note\">Levers on the time axis: ";
  for (std::size_t i = 0; i < marks.size(); ++i) {
    out += (i == 0 ? "" : "; ") + std::string("<b>L") + std::to_string(i + 1) + "</b> " +
           html_escape(duration_text(marks[i].at)) + " " + html_escape(marks[i].label);
  }
  return out + "</p>\n";
}

std::string swatch(State s, const std::string& prefix) {
  return "<svg width=\"22\" height=\"12\" aria-hidden=\"true\">" + pattern_defs(prefix) +
         "<rect width=\"22\" height=\"12\" fill=\"" + state_fill(s, prefix) +
         "\" stroke=\"#888\"/></svg>" + state_word(s);
}

std::string legend() {
  return "<p class=\"legend\">" + swatch(State::kUp, "lg-up") +
         swatch(State::kDegraded, "lg-degraded") + swatch(State::kDown, "lg-down") + "</p>\n";
}

// Geometry of a timeline figure: labels on the left, bars, the final state on the right.
constexpr double kTimelineWidth = 1120;
constexpr double kTimelineLabel = 330;
constexpr double kTimelineTop = 22;

Axis timeline_axis(std::int64_t horizon) {
  return Axis{kTimelineLabel + 10, kTimelineWidth - kTimelineLabel - 90, horizon};
}

// One timeline's rows, each `step` apart from `top`, bars `bar` high: a <g class=
// "timeline-row"> per row (the name on the left unless `names` is false, a tag before the
// bar where `tag` is given, the final state on the right).
std::string timeline_rows(const Timeline& timeline, const Axis& axis, double top, double step,
                          double bar, bool names, const std::string& tag,
                          const std::string& patterns) {
  std::string out;
  for (std::size_t r = 0; r < timeline.rows.size(); ++r) {
    const TimelineRow& row = timeline.rows[r];
    const double y = top + step * static_cast<double>(r);
    const State final = final_state(row);
    out += "<g class=\"timeline-row\" data-id=" + attr(row.id) + " data-final=\"" +
           state_word(final) + "\">";
    const std::string baseline = number(y + bar / 2 + 4);
    if (names) {
      out += "<text x=\"" + number(kTimelineLabel - (tag.empty() ? 0 : 52)) + "\" y=\"" +
             number(tag.empty() ? y + bar / 2 + 4 : y + bar + 3) +
             "\" font-size=\"12\" text-anchor=\"end\"><title>" + html_escape(row.id) + "</title>" +
             html_escape(row.name.size() > 44 ? row.name.substr(0, 42) + "…" : row.name) +
             "</text>";
    }
    if (!tag.empty()) {
      out += "<text x=\"" + number(kTimelineLabel) + "\" y=\"" + baseline +
             "\" font-size=\"9\" text-anchor=\"end\" fill=\"#555\">" + html_escape(tag) + "</text>";
    }
    for (const Span& span : row.spans) {
      const double x0 = axis.x(span.from);
      const double x1 = std::max(axis.x(span.to), x0 + 1.0);
      out +=
          "<rect x=\"" + number(x0) + "\" y=\"" + number(y) + "\" width=\"" + number(x1 - x0) +
          "\" height=\"" + number(bar) + "\" fill=\"" + state_fill(span.state, patterns) +
          "\" data-state=\"" + state_word(span.state) + "\"><title>" +
          html_escape((tag.empty() ? "" : tag + ": ") + row.name + ": " + state_word(span.state) +
                      " from " + duration_text(span.from) + " to " + duration_text(span.to)) +
          "</title></rect>";
    }
    std::string final_text = state_word(final);
    if (!row.note.empty()) final_text += " (" + row.note + ")";
    out += "<text x=\"" + number(axis.left + axis.width + 6) + "\" y=\"" + baseline +
           "\" font-size=\"11\">" + html_escape(final_text) + "</text></g>";
  }
  return out;
}

std::string timeline_html(const Timeline& timeline, const std::string& section_id) {
  constexpr double kRow = 20;
  const Axis axis = timeline_axis(timeline.horizon);
  const double bottom = kTimelineTop + kRow * static_cast<double>(timeline.rows.size());
  const double height = bottom + 24;
  std::string out = legend() + "<div class=\"scroll\"><svg class=\"timeline\" data-timeline=" +
                    attr(timeline.name) + " viewBox=\"0 0 " + number(kTimelineWidth) + " " +
                    number(height) + "\" width=\"" + number(kTimelineWidth) + "\" height=\"" +
                    number(height) + "\" role=\"img\" aria-label=" + attr(timeline.title) + ">" +
                    pattern_defs(section_id);
  out += axis_svg(axis, kTimelineTop, bottom);
  out += timeline_rows(timeline, axis, kTimelineTop + 3, kRow, kRow - 6, true, "", section_id);
  out += marks_svg(axis, timeline.marks, kTimelineTop, bottom);
  out += "</svg></div>\n" + marks_list(timeline.marks);
  return out;
}

// Two timelines of the same rows in one figure: per row the first's bar over the second's.
// Each keeps its own <svg class="timeline"> (nested, in the figure's coordinates), so that
// either can still be read on its own.
std::string paired_timeline_html(const Timeline& first, const Timeline& second,
                                 const std::string& section_id) {
  constexpr double kBar = 9;
  constexpr double kPair = 2 * kBar + 2;
  constexpr double kRow = kPair + 8;
  const Axis axis = timeline_axis(std::max(first.horizon, second.horizon));
  const double bottom = kTimelineTop + kRow * static_cast<double>(first.rows.size());
  const double height = bottom + 24;
  std::string out = legend() + "<div class=\"scroll\"><svg class=\"timeline-pair\" viewBox=\"0 0 " +
                    number(kTimelineWidth) + " " + number(height) + "\" width=\"" +
                    number(kTimelineWidth) + "\" height=\"" + number(height) +
                    "\" role=\"img\" aria-label=" + attr(first.title + "; " + second.title) + ">" +
                    pattern_defs(section_id);
  out += axis_svg(axis, kTimelineTop, bottom);
  const std::string size = " x=\"0\" y=\"0\" width=\"" + number(kTimelineWidth) + "\" height=\"" +
                           number(height) + "\" overflow=\"visible\"";
  out += "<svg class=\"timeline\" data-timeline=" + attr(first.name) + size + ">" +
         timeline_rows(first, axis, kTimelineTop + 4, kRow, kBar, true, first.short_label,
                       section_id) +
         "</svg>";
  out += "<svg class=\"timeline\" data-timeline=" + attr(second.name) + size + ">" +
         timeline_rows(second, axis, kTimelineTop + 4 + kBar + 2, kRow, kBar, false,
                       second.short_label, section_id) +
         "</svg>";
  out += marks_svg(axis, first.marks, kTimelineTop, bottom);
  out += "</svg></div>\n" + marks_list(first.marks);
  return out;
}

// The value of the top of a chart's axis: the chart's own, else its largest value.
double chart_top(const Chart& chart) {
  if (chart.y_max > 0) return chart.y_max;
  double top = 0;
  for (const Series& s : chart.series) {
    for (const Point& p : s.points) {
      top = std::max(top, p.interval ? std::max(p.value, p.interval->second) : p.value);
    }
  }
  return top > 0 ? top : 1;
}

// One series as steps (and its interval as a band) inside the box [left, left+width] x
// [top, top+height].
std::string series_svg(const Series& series, const Axis& axis, double top, double height,
                       double y_top, const char* colour, const char* dash) {
  auto y = [&](double v) { return top + height - height * std::clamp(v / y_top, 0.0, 1.0); };
  std::string band;
  std::string upper;
  std::string lower;
  std::string line;
  for (std::size_t i = 0; i < series.points.size(); ++i) {
    const Point& p = series.points[i];
    const std::int64_t next = i + 1 < series.points.size() ? series.points[i + 1].at : axis.horizon;
    const std::string x0 = number(axis.x(p.at));
    const std::string x1 = number(axis.x(next));
    line += (line.empty() ? "M" : "L") + x0 + " " + number(y(p.value)) + "L" + x1 + " " +
            number(y(p.value));
    if (p.interval) {
      upper += x0 + "," + number(y(p.interval->second)) + " " + x1 + "," +
               number(y(p.interval->second)) + " ";
      lower = x1 + "," + number(y(p.interval->first)) + " " + x0 + "," +
              number(y(p.interval->first)) + " " + lower;
    }
  }
  std::string out = "<g class=\"series\" data-id=" + attr(series.id) + "><title>" +
                    html_escape(series.name) + "</title>";
  if (!upper.empty()) {
    out += "<polygon points=\"" + upper + lower + "\" fill=\"" + colour +
           "\" fill-opacity=\"0.18\" stroke=\"none\"/>";
  }
  if (!line.empty()) {
    out += "<path d=\"" + line + "\" fill=\"none\" stroke=\"" + colour +
           "\" stroke-width=\"2\" stroke-dasharray=\"" + dash + "\"/>";
  }
  return out + "</g>";
}

std::string y_axis_svg(double left, double top, double height, double y_top, int decimals) {
  std::string out;
  for (int i = 0; i <= 4; ++i) {
    const double v = y_top * i / 4.0;
    const std::string y = number(top + height - height * i / 4.0);
    out += "<line x1=\"" + number(left) + "\" y1=\"" + y + "\" x2=\"" + number(left - 4) +
           "\" y2=\"" + y + "\" stroke=\"#555\"/><text x=\"" + number(left - 6) + "\" y=\"" + y +
           "\" dy=\"4\" font-size=\"10\" text-anchor=\"end\" fill=\"#555\">" +
           html_escape(figure_text(v, decimals > 0 ? decimals : (y_top < 8 ? 1 : 0), true)) +
           "</text>";
  }
  return out;
}

// Few series: one plot with a legend. Many (a curve per function): small multiples, one
// panel each, on a shared scale, so that no curve hides another.
std::string chart_html(const Chart& chart) {
  const double y_top = chart_top(chart);
  static constexpr std::array<const char*, 4> kDashes = {"none", "6 3", "2 2", "8 3 2 3"};
  std::string out;
  if (chart.series.size() <= 6) {
    constexpr double kWidth = 1000;
    constexpr double kHeight = 260;
    const Axis axis{80, kWidth - 110, chart.horizon};
    const double top = 20;
    const double plot = kHeight - 60;
    out += "<div class=\"scroll\"><svg class=\"chart\" data-chart=" + attr(chart.name) +
           " viewBox=\"0 0 " + number(kWidth) + " " + number(kHeight) + "\" width=\"" +
           number(kWidth) + "\" height=\"" + number(kHeight) +
           "\" role=\"img\" aria-label=" + attr(chart.title) + ">";
    out += axis_svg(axis, top, top + plot);
    out += y_axis_svg(axis.left, top, plot, y_top, chart.decimals);
    out += "<text x=\"12\" y=\"" + number(top + plot / 2) +
           "\" font-size=\"11\" transform=\"rotate(-90 12 " + number(top + plot / 2) +
           ")\" text-anchor=\"middle\">" + html_escape(chart.y_label) + "</text>";
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
      out += series_svg(chart.series[i], axis, top, plot, y_top,
                        kSeriesColours[i % kSeriesColours.size()], kDashes[i % kDashes.size()]);
    }
    out += marks_svg(axis, chart.marks, top, top + plot);
    out += "</svg></div>\n<p class=\"legend\">";
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
      out +=
          "<svg width=\"30\" height=\"10\" aria-hidden=\"true\"><line x1=\"0\" y1=\"5\" "
          "x2=\"30\" y2=\"5\" stroke=\"" +
          std::string(kSeriesColours[i % kSeriesColours.size()]) +
          "\" stroke-width=\"2\" stroke-dasharray=\"" + kDashes[i % kDashes.size()] + "\"/></svg>" +
          html_escape(chart.series[i].name) + " ";
    }
    out += "</p>\n";
  } else {
    constexpr double kPanelWidth = 270;
    constexpr double kPanelHeight = 110;
    constexpr std::size_t kColumns = 4;
    const std::size_t rows = (chart.series.size() + kColumns - 1) / kColumns;
    const double width = kPanelWidth * kColumns;
    const double height = kPanelHeight * static_cast<double>(rows);
    out += "<div class=\"scroll\"><svg class=\"chart\" data-chart=" + attr(chart.name) +
           " viewBox=\"0 0 " + number(width) + " " + number(height) + "\" width=\"" +
           number(width) + "\" height=\"" + number(height) +
           "\" role=\"img\" aria-label=" + attr(chart.title) + ">";
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
      const double left = kPanelWidth * static_cast<double>(i % kColumns);
      const double top = kPanelHeight * static_cast<double>(i / kColumns);
      const Axis axis{left + 36, kPanelWidth - 50, chart.horizon};
      const double plot_top = top + 22;
      const double plot = kPanelHeight - 44;
      const Series& s = chart.series[i];
      out += "<text x=\"" + number(left + 4) + "\" y=\"" + number(top + 13) +
             "\" font-size=\"11\">" +
             html_escape(s.name.size() > 40 ? s.name.substr(0, 38) + "…" : s.name) + "</text>";
      out += "<rect x=\"" + number(axis.left) + "\" y=\"" + number(plot_top) + "\" width=\"" +
             number(axis.width) + "\" height=\"" + number(plot) +
             "\" fill=\"none\" stroke=\"#ccc\"/>";
      out += y_axis_svg(axis.left, plot_top, plot, y_top, chart.decimals);
      out += "<text x=\"" + number(axis.left) + "\" y=\"" + number(plot_top + plot + 12) +
             "\" font-size=\"9\" fill=\"#555\">0s</text><text x=\"" +
             number(axis.left + axis.width) + "\" y=\"" + number(plot_top + plot + 12) +
             "\" font-size=\"9\" text-anchor=\"end\" fill=\"#555\">" +
             html_escape(duration_text(chart.horizon)) + "</text>";
      out += series_svg(s, axis, plot_top, plot, y_top, kSeriesColours[0], "none");
    }
    out += "</svg></div>\n<p class=\"note\">One panel per series, on the same scale (0 to " +
           html_escape(figure_text(y_top, chart.decimals, true)) + " " +
           html_escape(chart.y_label) + "); the shaded band is the 95 % interval.</p>\n";
  }
  out += marks_list(chart.marks);
  return out;
}

std::string table_html(const Table& table) {
  if (table.rows.empty()) return "<p>" + html_escape(table.empty_text) + "</p>\n";
  std::string out =
      "<div class=\"scroll\"><table class=\"data\" data-table=" + attr(table.name) + "><thead><tr>";
  // Columns the terminal leaves out are details: on screen, but not on paper, so that a
  // table fits the width of A4.
  bool details = false;
  for (const Column& c : table.columns) {
    const bool numeric = c.type != ColumnType::kText;
    details |= !c.in_terminal;
    out += "<th data-key=" + attr(c.key) + " data-type=\"" + (numeric ? "number" : "text") + "\"" +
           (c.in_terminal ? "" : " class=\"detail\"") + " scope=\"col\">" + html_escape(c.label) +
           "</th>";
  }
  out += "</tr></thead><tbody>\n";
  for (const std::vector<Cell>& row : table.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size() && i < table.columns.size(); ++i) {
      const bool numeric = table.columns[i].type != ColumnType::kText;
      const bool detail = !table.columns[i].in_terminal;
      const char* cls = numeric ? (detail ? " class=\"num detail\"" : " class=\"num\"")
                                : (detail ? " class=\"detail\"" : "");
      out += "<td" + std::string(cls) + " data-value=" + attr(row[i].value) + ">" +
             link_or_text(row[i].text, row[i].link) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody></table></div>\n";
  if (details) {
    out +=
        "<p class=\"print-note\">Printed without its detail columns; the page on screen, "
        "the CSV and the JSON have them all.</p>\n";
  }
  return out;
}

std::string chains_html(const Chains& chains) {
  if (chains.chains.empty()) return "<p>none</p>\n";
  std::string out;
  for (const Chain& chain : chains.chains) {
    // A summary names entities by their ids alone: the id is not written twice.
    const std::string id_span =
        chain.name == chain.id ? "" : " <span class=\"id\">" + html_escape(chain.id) + "</span>";
    out += "<details class=\"chain\" data-id=" + attr(chain.id) + "><summary><b>" +
           html_escape(chain.name) + "</b>" + id_span + " — " + html_escape(chain.summary) +
           "</summary><ol>";
    for (std::size_t s = 0; s < chain.steps.size(); ++s) {
      const ChainStep& step = chain.steps[s];
      const std::string step_id =
          step.name == step.id ? "" : " <span class=\"id\">" + html_escape(step.id) + "</span>";
      out += "<li><b>" + html_escape(step.name) + "</b>" + step_id + " <span class=\"state " +
             html_escape(step.state) + "\">" + html_escape(step.state) + "</span> at " +
             html_escape(step.at);
      if (!step.via.empty()) out += " — " + html_escape(step.via);
      if (step.evidence) {
        const Evidence& e = *step.evidence;
        out += "<div class=\"evidence\">";
        if (!e.note.empty()) {
          out += html_escape(e.note);
        } else if (e.source.empty()) {
          out += "no evidence given";
        } else {
          out += "<span class=\"confidence" +
                 std::string(e.definition ? " definition"
                             : e.hedged   ? " hedged"
                                          : "") +
                 "\">" + html_escape(e.confidence) + "</span>" +
                 (e.definition ? " (the model's definition, not a claim of the source)" : "") +
                 ", source: " + link_or_text(e.source, e.source);
        }
        if (!e.quote.empty()) out += "<blockquote>" + html_escape(e.quote) + "</blockquote>";
        out += "</div>";
      }
      out += "</li>";
    }
    if (!chain.lever.empty()) out += "<li>" + html_escape(chain.lever) + "</li>";
    out += "</ol></details>\n";
  }
  return out;
}

std::string paragraphs_html(const Paragraphs& paragraphs) {
  std::string out;
  for (const std::string& line : paragraphs.lines) out += "<p>" + html_escape(line) + "</p>\n";
  return out;
}

struct BlockTitle {
  std::string name;
  std::string title;
  std::string note;
};

BlockTitle title_of(const Block& block) {
  return std::visit(
      [](const auto& b) -> BlockTitle {
        using T = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<T, Table> || std::is_same_v<T, Chart>) {
          return {b.name, b.title, b.note};
        } else {
          return {b.name, b.title, ""};
        }
      },
      block.content);
}

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // Control characters other than tab and line breaks cannot appear in HTML text.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += "\xEF\xBF\xBD";  // U+FFFD
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string render_html(const Document& document) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      // No request can leave the page: everything it needs is inline.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"msout\">\n<title>" +
      html_escape(document.title) + "</title>\n<style>" + kStyle + "</style></head>\n";
  out += "<body data-kind=" + attr(document.kind) +
         " data-json-format=" + attr(document.json_format) + ">\n<header><h1>" +
         html_escape(document.title) + "</h1>";
  for (const std::string& line : document.context) {
    out += "<p class=\"context\">" + html_escape(line) + "</p>";
  }
  out += "</header>\n<section class=\"headline\" id=\"headline\">";
  for (const std::string& line : document.headline) out += "<p>" + html_escape(line) + "</p>";
  out += "</section>\n";
  for (const std::string& w : document.warnings) {
    out += "<p class=\"warning\">warning: " + html_escape(w) + "</p>\n";
  }

  std::vector<std::size_t> shown;
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    if ((document.blocks[i].show & kShowHtml) != 0) shown.push_back(i);
  }
  out += "<nav>";
  for (std::size_t i : shown) {
    const BlockTitle t = title_of(document.blocks[i]);
    const auto* timeline = std::get_if<Timeline>(&document.blocks[i].content);
    if (timeline != nullptr && timeline->pairs_with_previous) continue;
    if (!t.title.empty()) {
      out += "<a href=\"#b" + std::to_string(i) + "\">" + html_escape(t.title) + "</a>";
    }
  }
  out += "</nav>\n";
  for (std::size_t k = 0; k < shown.size(); ++k) {
    const std::size_t i = shown[k];
    const Block& block = document.blocks[i];
    const BlockTitle t = title_of(block);
    // A timeline that the next one pairs with: both in one figure, one section.
    const Timeline* paired = nullptr;
    if (k + 1 < shown.size() && std::holds_alternative<Timeline>(block.content)) {
      const auto* next = std::get_if<Timeline>(&document.blocks[shown[k + 1]].content);
      if (next != nullptr && next->pairs_with_previous) paired = next;
    }
    const std::string id = "b" + std::to_string(i);
    out += "<section id=\"" + id + "\" data-block=" + attr(t.name) + ">";
    if (!t.title.empty()) out += "<h2>" + html_escape(t.title) + "</h2>";
    if (!t.note.empty()) out += "<p class=\"note\">" + html_escape(t.note) + "</p>";
    out += "\n";
    std::visit(
        [&](const auto& content) {
          using T = std::decay_t<decltype(content)>;
          if constexpr (std::is_same_v<T, Table>) {
            out += table_html(content);
          } else if constexpr (std::is_same_v<T, Timeline>) {
            out += paired != nullptr ? paired_timeline_html(content, *paired, id)
                                     : timeline_html(content, id);
          } else if constexpr (std::is_same_v<T, Chart>) {
            out += chart_html(content);
          } else if constexpr (std::is_same_v<T, Chains>) {
            out += chains_html(content);
          } else {
            out += paragraphs_html(content);
          }
        },
        block.content);
    out += "</section>\n";
    if (paired != nullptr) ++k;  // drawn with this one
  }
  out += "<footer><p>Made by msout. The same result as data: <code>--format json</code> (" +
         html_escape(document.json_format) +
         "), every table as CSV: <code>--format csv --out-dir DIR</code>.</p></footer>\n";
  out += std::string("<script>") + kScript + "</script>\n</body></html>\n";
  return out;
}

}  // namespace msout::render
