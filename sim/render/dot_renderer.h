// The Graphviz form of a Document: its graph (Document::graph) as one `digraph`, render-ready
// for `dot -Tsvg`. Nodes are coloured and labelled by state (fill colour and the word, so the
// state reads without colour), gates are drawn as small ellipses, hedged links dashed. Edges
// point from the dependent to what it needs. Precondition: document.graph is set.
#pragma once

#include <string>

#include "sim/render/document.h"

namespace msout::render {

std::string render_dot(const Document& document);

}  // namespace msout::render
