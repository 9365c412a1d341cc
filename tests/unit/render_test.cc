// The renderers of the neutral form (sim/render): CSV quoting and values, a chart as a table,
// the terminal's width, the HTML page's hooks and escaping, DOT escaping.
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "sim/render/chart_table.h"
#include "sim/render/csv_renderer.h"
#include "sim/render/document.h"
#include "sim/render/dot_renderer.h"
#include "sim/render/html_renderer.h"
#include "sim/render/text_renderer.h"
#include "sim/render/text_table.h"

namespace msout::testing {
namespace {

using render::Block;
using render::Cell;
using render::ColumnType;
using render::Document;

render::Table two_rows() {
  render::Table t;
  t.name = "functions";
  t.title = "Functions";
  t.columns = {{"id", "id", ColumnType::kText},
               {"name", "name", ColumnType::kText, 20},
               {"first_down_s", "down at", ColumnType::kDuration}};
  t.rows.push_back({Cell::plain("fn-a"), Cell::plain("Care, \"urgent\"\nand more"),
                    Cell::number("4h", "14400")});
  t.rows.push_back({Cell::plain("fn-b"), Cell::plain("Water"), Cell::number("-", "")});
  return t;
}

Document one_table(render::Table table) {
  Document doc;
  doc.kind = "run";
  doc.json_format = "msout-report/1";
  doc.title = "title";
  doc.blocks.push_back(Block{std::move(table)});
  return doc;
}

std::size_t widest_line(const std::string& text) {
  std::istringstream in(text);
  std::size_t widest = 0;
  for (std::string line; std::getline(in, line);) {
    widest = std::max(widest, render::display_width(line));
  }
  return widest;
}

}  // namespace

TEST_CASE("Render.Csv.Rfc4180QuotingAndMachineValues") {
  CHECK(render::csv_field("plain") == "plain");
  CHECK(render::csv_field("a,b") == "\"a,b\"");
  CHECK(render::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(render::csv_field("two\nlines") == "\"two\nlines\"");
  const auto files = render::render_csv(one_table(two_rows()));
  REQUIRE(files.size() == 1);
  CHECK(files[0].name == "functions");
  // Header of keys, machine values (seconds; empty for none), CRLF line ends.
  CHECK(files[0].text ==
        "id,name,first_down_s\r\n"
        "fn-a,\"Care, \"\"urgent\"\"\nand more\",14400\r\n"
        "fn-b,Water,\r\n");
}

TEST_CASE("Render.Csv.OnlyBlocksShownInCsv") {
  Document doc = one_table(two_rows());
  render::Table html_only = two_rows();
  html_only.name = "html-only";
  doc.blocks.push_back(Block{html_only, render::kShowHtml});
  doc.blocks.push_back(Block{render::Paragraphs{"notes", "Notes", {"text"}}});
  const auto files = render::render_csv(doc);
  REQUIRE(files.size() == 1);
  CHECK(files[0].name == "functions");
}

TEST_CASE("Render.ChartTable.StepsHoldUntilTheNextPoint") {
  render::Chart chart;
  chart.name = "over-time";
  chart.value_key = "functions";
  chart.horizon = 86400;
  chart.series = {{"down", "down", {{0, 1, {}}, {3600, 3, {}}}},
                  {"p", "probability", {{1800, 0.5, std::pair{0.25, 0.75}}}}};
  const render::Table t = render::chart_table(chart);
  REQUIRE(t.columns.size() == 5);
  CHECK(t.columns[0].key == "at_s");
  CHECK(t.columns[1].key == "functions:down");
  CHECK(t.columns[2].key == "functions:p");
  CHECK(t.columns[3].key == "functions:p_low");
  CHECK(t.columns[4].key == "functions:p_high");
  // Moments 0, 1800 and 3600: "down" is 1 until 3600; "p" has no value before 1800.
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0][0].value == "0");
  CHECK(t.rows[0][1].value == "1");
  CHECK(t.rows[0][2].value == "");
  CHECK(t.rows[1][0].value == "1800");
  CHECK(t.rows[1][1].value == "1");
  CHECK(t.rows[1][2].value == "0.5");
  CHECK(t.rows[1][3].value == "0.25");
  CHECK(t.rows[1][4].value == "0.75");
  CHECK(t.rows[2][1].value == "3");
  CHECK(t.rows[2][2].value == "0.5");  // held from 1800
}

TEST_CASE("Render.Text.FitsTheWidthAndStopsAfterTheTerminalRows") {
  render::Table t = two_rows();
  t.columns.push_back({"long", "a long column", ColumnType::kText});
  for (auto& row : t.rows) row.push_back(Cell::plain(std::string(300, 'x')));
  t.terminal_rows = 1;
  const std::string text = render::render_text(one_table(t), 120);
  CHECK(widest_line(text) <= 120);
  CHECK(text.find("fn-a") != std::string::npos);
  CHECK(text.find("fn-b") == std::string::npos);
  CHECK(text.find("… and 1 more rows") != std::string::npos);
  CHECK(text.find("…") != std::string::npos);
  // A control character in a cell is shown escaped, never sent to the terminal.
  CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("Render.Text.TimelineBarsShowTheWorstStateOfEachShare") {
  Document doc;
  doc.title = "t";
  render::Timeline timeline;
  timeline.name = "functions";
  timeline.title = "Timeline";
  timeline.horizon = 100;
  // Down for one second in the middle: still visible as one '#'.
  timeline.rows.push_back({"fn-a",
                           "A",
                           {{0, 50, render::State::kUp},
                            {50, 51, render::State::kDown},
                            {51, 100, render::State::kDegraded}},
                           ""});
  doc.blocks.push_back(Block{timeline});
  const std::string text = render::render_text(doc, 80);
  CHECK(widest_line(text) <= 80);
  CHECK(text.find(".#~") != std::string::npos);
  CHECK(text.find(" degraded\n") != std::string::npos);
}

TEST_CASE("Render.Html.HooksAndEscaping") {
  Document doc = one_table(two_rows());
  doc.title = "<script>alert(1)</script>";
  render::Timeline timeline;
  timeline.name = "functions";
  timeline.horizon = 3600;
  timeline.rows.push_back({"fn-a", "A & B", {{0, 3600, render::State::kDown}}, ""});
  doc.blocks.push_back(Block{timeline});
  render::Chains chains{"why", "Why", {}};
  render::Chain chain{"fn-a", "A", "A ← x", {}, ""};
  chain.steps.push_back(
      {"fn-a", "A", "down", "0s", "needs x",
       render::Evidence{"reported", "https://example.org/?a=1&b=2", "\"quote\"", "", true}});
  chains.chains.push_back(chain);
  doc.blocks.push_back(Block{chains});
  const std::string html = render::render_html(doc);
  CHECK(html.find("<script>alert(1)") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("data-kind=\"run\" data-json-format=\"msout-report/1\"") != std::string::npos);
  CHECK(html.find("<g class=\"timeline-row\" data-id=\"fn-a\" data-final=\"down\">") !=
        std::string::npos);
  CHECK(html.find("<table class=\"data\" data-table=\"functions\">") != std::string::npos);
  CHECK(html.find("<details class=\"chain\" data-id=\"fn-a\">") != std::string::npos);
  CHECK(html.find("href=\"https://example.org/?a=1&amp;b=2\"") != std::string::npos);
  CHECK(html.find("A &amp; B") != std::string::npos);
  // Nothing is loaded from elsewhere: no src attribute, a policy that forbids it.
  CHECK(html.find(" src=") == std::string::npos);
  CHECK(html.find("default-src 'none'") != std::string::npos);
}

TEST_CASE("Render.Html.SourceThatIsNotAWebAddressIsNotALink") {
  Document doc;
  render::Chains chains{"why", "Why", {}};
  render::Chain chain{"f", "F", "F", {}, ""};
  chain.steps.push_back({"f", "F", "down", "0s", "",
                         render::Evidence{"reported", "javascript:alert(1)", "", "", true}});
  chains.chains.push_back(chain);
  doc.blocks.push_back(Block{chains});
  const std::string html = render::render_html(doc);
  CHECK(html.find("href=\"javascript") == std::string::npos);
  CHECK(html.find("javascript:alert(1)") != std::string::npos);  // shown as text
}

TEST_CASE("Render.Dot.EscapesAndColoursByState") {
  Document doc;
  doc.title = "t";
  render::Graph graph;
  graph.title = "g \"quoted\"";
  graph.nodes.push_back({"fn-a", "A \"x\" \\ y", "from 4h", render::State::kDown, false});
  graph.nodes.push_back({"g1", "any of 2", "", std::nullopt, true});
  graph.edges.push_back({"fn-a", "g1", "saas", true});
  doc.graph = graph;
  const std::string dot = render::render_dot(doc);
  CHECK(dot.find("digraph msout {") != std::string::npos);
  CHECK(dot.find("\"fn-a\" [label=\"A \\\"x\\\" \\\\ y\\ndown, from 4h\"") != std::string::npos);
  CHECK(dot.find("\"fn-a\" -> \"g1\" [label=\"saas\", style=dashed];") != std::string::npos);
  CHECK(dot.find("shape=ellipse") != std::string::npos);
  CHECK(dot.find("label=\"g \\\"quoted\\\"\"") != std::string::npos);
}

}  // namespace msout::testing
