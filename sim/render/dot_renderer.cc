#include "sim/render/dot_renderer.h"

#include <vector>

#include "model/printable_text.h"

namespace msout::render {
namespace {

// A DOT string literal: quotes and backslashes escaped, control characters shown escaped
// (a name from an input file must not end the literal or break the file).
std::string dot_string(const std::string& text) {
  std::string out = "\"";
  for (char c : model::escape_controls(text)) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// `text` broken at spaces into lines of about `width` characters, so that long names make
// tall boxes rather than very wide ones.
std::vector<std::string> broken(const std::string& text, std::size_t width) {
  std::vector<std::string> lines{""};
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!lines.back().empty() && lines.back().size() + 1 + word.size() > width) {
      lines.push_back(word);
    } else {
      lines.back() += (lines.back().empty() ? "" : " ") + word;
    }
    start = end + 1;
  }
  return lines;
}

// Lines of a label, each escaped, joined by DOT's own line break; long ones broken.
std::string dot_lines(const std::vector<std::string>& raw_lines) {
  std::vector<std::string> lines;
  for (const std::string& line : raw_lines) {
    for (std::string& part : broken(line, 32)) lines.push_back(std::move(part));
  }
  std::string joined;
  for (const std::string& line : lines) {
    const std::string literal = dot_string(line);
    joined += (joined.empty() ? "" : "\\n") + literal.substr(1, literal.size() - 2);
  }
  return "\"" + joined + "\"";
}

// Okabe-Ito colours (safe for colour-blind readers); the state is also written in the label.
const char* fill(State state) {
  switch (state) {
    case State::kDown:
      return "#E69F00";
    case State::kDegraded:
      return "#F0E442";
    case State::kUp:
      return "#FFFFFF";
  }
  return "#FFFFFF";
}

}  // namespace

std::string render_dot(const Document& document) {
  const Graph& graph = *document.graph;
  std::string out = "// " + model::escape_controls(document.title) + "\n";
  out += "// Render: dot -Tsvg FILE.dot -o FILE.svg\n";
  out += "digraph msout {\n";
  out += "  graph [rankdir=LR, fontname=\"Helvetica\", label=" + dot_string(graph.title) +
         ", labelloc=t];\n";
  out +=
      "  node [fontname=\"Helvetica\", fontsize=10, shape=box, style=\"rounded,filled\", "
      "fillcolor=\"#FFFFFF\"];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  for (const GraphNode& node : graph.nodes) {
    std::vector<std::string> label{node.label};
    if (node.state) label.push_back(state_word(*node.state));
    if (!node.detail.empty()) {
      if (node.state) {
        label.back() += ", " + node.detail;
      } else {
        label.push_back(node.detail);
      }
    }
    out += "  " + dot_string(node.id) + " [label=" + dot_lines(label);
    if (node.gate) {
      out += ", shape=ellipse, style=filled, fillcolor=\"#DDDDDD\", fontsize=9";
    } else if (node.state) {
      out += ", fillcolor=\"" + std::string(fill(*node.state)) + "\"";
      if (*node.state == State::kDown) out += ", penwidth=2";
    }
    out += "];\n";
  }
  for (const GraphEdge& edge : graph.edges) {
    out += "  " + dot_string(edge.from) + " -> " + dot_string(edge.to);
    std::string attributes;
    if (!edge.label.empty()) attributes += "label=" + dot_string(edge.label);
    if (edge.hedged) attributes += std::string(attributes.empty() ? "" : ", ") + "style=dashed";
    if (!attributes.empty()) out += " [" + attributes + "]";
    out += ";\n";
  }
  out += "}\n";
  return out;
}

}  // namespace msout::render
