// Document: the neutral form of every msout result (a run, a focus view, a comparison, a
// Monte Carlo estimate, each analysis). A command builds one Document from its result; each
// format renders any Document:
//
//   table  render_text   (sim/render/text_renderer.h)  fits a terminal of 120 columns
//   csv    render_csv    (sim/render/csv_renderer.h)   one RFC 4180 file per table
//   html   render_html   (sim/render/html_renderer.h)  one self-contained page
//   dot    render_dot    (sim/render/dot_renderer.h)   the document's graph, for Graphviz
//
// JSON is not rendered from a Document: each result keeps its own versioned JSON writer
// (docs/report-format.md), which holds everything a Document shows and more.
//
// A Document is plain data: text already worded for people, and each figure also in its
// machine form (seconds, counts, probabilities) for CSV and for sorting. It knows nothing of
// models, engines or scenarios, so the renderers never reach back into them: this folder
// includes nothing from sim/, and from model/ only its text utilities (escaping, durations).
//
//   Document doc;
//   doc.kind = "run";
//   doc.title = "Microsoft-out (Netherlands)";
//   doc.headline = {"12 of 54 critical functions fail", "First: Emergency care at 0s"};
//   Table t{"functions", "Critical functions", "", {{"id", "id"}, {"first_down_s", "first
//           down", ColumnType::kDuration}}};
//   t.rows.push_back({Cell::plain("emergency-care"), Cell::number("4h", 14400)});
//   doc.blocks.push_back(Block{std::move(t)});
//   std::string page = render_html(doc);
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace msout::render {

// The three states every timeline and graph node shows. Colours and patterns for them are
// the renderers' business (safe for colour-blind readers; never colour alone).
enum class State : std::uint8_t { kUp, kDegraded, kDown };

const char* state_word(State state);  // "up", "degraded", "down"

// How a column's values behave: text sorts and aligns as text, the others as numbers.
enum class ColumnType : std::uint8_t {
  kText,
  kCount,     // whole numbers: people, functions, organisations
  kDuration,  // seconds; the cell text says "1d 2h", the value "93600"
  kNumber,    // any other figure (a probability, a share)
};

struct Column {
  std::string key;    // CSV header and HTML key: snake_case, stable, documented
  std::string label;  // heading for people
  ColumnType type = ColumnType::kText;
  // Terminal only: the most display columns a cell may take before it is shortened with
  // "…" (0: never shortened); other formats always show the full text.
  std::size_t terminal_width = 0;
  bool in_terminal = true;  // false: CSV and HTML only (a quote, a source URL)
};

struct Cell {
  std::string text;   // what a reader sees: "18,000,000", "4h", "-", "never"
  std::string value;  // machine form for CSV and sorting: "18000000", "14400", "" (none)
  std::string link;   // a URL the HTML makes the text a link to; empty for none

  // Text that is its own value (names, ids, words).
  static Cell plain(std::string text) {
    Cell c{text, text, {}};
    return c;
  }
  // A figure: `text` for people, `value` for machines.
  static Cell number(std::string text, std::string value) {
    return Cell{std::move(text), std::move(value), {}};
  }
};

struct Table {
  std::string name;   // the CSV file's stem and the HTML table's key: "functions"
  std::string title;  // "Critical functions that fail"
  std::string note;   // what the figures mean, one or two sentences; may be empty
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  // each as long as `columns`
  // Terminal only: at most this many rows, then `terminal_more`, or where that is empty "… and
  // N more rows" naming the other formats.
  std::size_t terminal_rows = std::numeric_limits<std::size_t>::max();
  std::string terminal_more;
  std::string empty_text = "none";  // shown for a table without rows
};

// One stretch of a timeline in one state; [from, to) in seconds.
struct Span {
  std::int64_t from = 0;
  std::int64_t to = 0;
  State state = State::kUp;
};

struct TimelineRow {
  std::string id;           // the entity's id (HTML data-id; one row per entity)
  std::string name;         // the entity's name
  std::vector<Span> spans;  // covering [0, horizon], in order
  std::string note;         // e.g. "black start": shown after the row
};

// The row's state at the horizon (its last span's; up for a row without spans).
State final_state(const TimelineRow& row);

// A moment on a time axis: a scenario lever, a report time.
struct Mark {
  std::int64_t at = 0;
  std::string label;
};

// A Gantt chart: each row's state over [0, horizon], with the levers marked.
struct Timeline {
  std::string name;   // "baseline", "whatif": the HTML key
  std::string title;  // "Critical functions over 7d"
  std::int64_t horizon = 0;
  std::vector<TimelineRow> rows;
  std::vector<Mark> marks;
  // Terminal only: at most this many rows (the first ones), then `terminal_more`, or where
  // that is empty "… and N more rows".
  std::size_t terminal_rows = std::numeric_limits<std::size_t>::max();
  std::string terminal_more;
  // HTML only: drawn in one figure with the timeline just before it, row by row (its bar
  // under the other's), so that two runs of the same rows compare at a glance: a what-if
  // under its baseline. Precondition: the same row ids in the same order.
  bool pairs_with_previous = false;
  std::string short_label;  // "baseline", "what-if": tags each bar of a pair
};

struct Point {
  std::int64_t at = 0;  // seconds
  double value = 0;
  // A 95 % interval where the value is an estimate; absent for exact figures.
  std::optional<std::pair<double, double>> interval;
};

// A step function: the value holds from one point to the next.
struct Series {
  std::string id;    // the entity's id where the series is about one
  std::string name;  // legend
  std::vector<Point> points;
};

// Values over time, drawn as steps. In the terminal and in CSV a chart is a table: one row
// per moment, one column per series.
struct Chart {
  std::string name;                 // CSV stem and HTML key: "over-time"
  std::string title;                // "Functions down over time"
  std::string note;                 // what the figures mean
  std::string y_label;              // "functions", "people (at least)", "P(down by t) %"
  std::string value_key = "value";  // CSV column key prefix for the series
  double y_max = 0;                 // top of the axis (a population, 100 %); 0: the largest value
  std::int64_t horizon = 0;
  std::vector<Series> series;
  std::vector<Mark> marks;
  int decimals = 0;  // digits after the point in terminal and CSV cells
};

struct Evidence {
  std::string confidence;  // "confirmed", "reported", "presumed", "planned", "disputed",
                           // "definition", …
  std::string source;      // a URL or a document's name
  std::string quote;       // the source's own words
  std::string note;        // what the link is where no source claims it (an assumption)
  bool hedged = false;     // less than confirmed: shown as such
  // The model's definition of a function as the work of what it requires, not a claim of
  // the source: shown as such, never as hedged (hedged is then false).
  bool definition = false;
};

struct ChainStep {
  std::string id;
  std::string name;
  std::string state;  // "down", "degraded"
  std::string at;     // "4h": when this step reached that state
  std::string via;    // how it reaches the next step: "needs, saas layer", "switching to X"
  std::optional<Evidence> evidence;  // the evidence for the link to the next step
};

// Why one entity failed: from it back to the scenario lever.
struct Chain {
  std::string id;  // the entity the chain explains
  std::string name;
  std::string summary;  // one line: "Emergency care ← HiX EPD ← Azure ← lever …"
  std::vector<ChainStep> steps;
  std::string lever;  // "lever "Azure unavailable" at 0s"; empty if none reached
};

struct Chains {
  std::string name;   // "why"
  std::string title;  // "Why and when"
  std::vector<Chain> chains;
  std::size_t terminal_chains = std::numeric_limits<std::size_t>::max();
};

// Text for people: a few short paragraphs (notes, assumptions, warnings).
struct Paragraphs {
  std::string name;
  std::string title;  // may be empty
  std::vector<std::string> lines;
};

// A graph for DOT: entities and the links between them. Node and edge ids are the model's.
struct GraphNode {
  std::string id;
  std::string label;           // the entity's name, or a gate's wording ("any of 3", "2 of 3")
  std::string detail;          // a second line: "down at 4h"
  std::optional<State> state;  // colour; absent for a node without a state (a gate)
  bool gate = false;
};

struct GraphEdge {
  std::string from;  // dependent
  std::string to;    // dependency
  std::string label;
  bool hedged = false;  // drawn dashed: the evidence is less than confirmed (not a definition)
};

struct Graph {
  std::string title;
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
};

// Which formats show a block. The terminal shows less; CSV holds only tables and charts.
enum Show : std::uint8_t {
  kShowTerminal = 1,
  kShowHtml = 2,
  kShowCsv = 4,
  kShowEverywhere = kShowTerminal | kShowHtml | kShowCsv,
};

struct Block {
  std::variant<Table, Timeline, Chart, Chains, Paragraphs> content;
  std::uint8_t show = kShowEverywhere;
};

struct Document {
  std::string kind;                  // "run", "focus", "compare", "montecarlo", "blast-radius", …
  std::string json_format;           // the versioned JSON of the same result: "msout-report/1"
  std::string title;                 // "msout: Microsoft-out (Netherlands) on Netherlands"
  std::vector<std::string> context;  // model, scenario, horizon, what-if overlays
  std::vector<std::string> headline;  // the answer first, in a few short sentences
  std::vector<Block> blocks;          // in reading order
  std::optional<Graph> graph;         // what `--format dot` draws; absent: dot is refused
  std::vector<std::string> warnings;
};

}  // namespace msout::render
