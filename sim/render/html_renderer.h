// The HTML form of a Document: one self-contained page (inline CSS and SVG, one small inline
// script for sorting tables; no network, no external file), that opens from a USB stick or an
// e-mail attachment, prints on A4, and shows state by pattern and label as well as by colour
// (a palette safe for colour-blind readers).
//
// What tests and tools may rely on (docs/report-format.md, "HTML"):
//   <body data-kind="run" data-json-format="msout-report/1">
//   <svg class="timeline" data-timeline="NAME"> with one <g class="timeline-row"
//        data-id="ID" data-final="up|degraded|down"> per row
//   <svg class="chart" data-chart="NAME"> with one <g class="series" data-id="ID"> per series
//   <table class="data" data-table="NAME"> with one <tr> per row in its <tbody>
//   <details class="chain" data-id="ID"> per cause chain
#pragma once

#include <string>

#include "sim/render/document.h"

namespace msout::render {

std::string render_html(const Document& document);

// Text made safe inside HTML elements and attribute values (& < > " ').
std::string html_escape(const std::string& text);

}  // namespace msout::render
