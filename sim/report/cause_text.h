// One-line rendering of a cause chain for people:
//   Emergency care ← HiX EPD ← Azure West Europe ← lever "Azure unavailable" at 0s
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/report/report.h"

namespace msout::report {

std::string cause_text(const Report& report, const cascade::CauseChain& chain);

// The evidence for the link that edge `edge` stands for: the dependency's own, else its
// group's.
const model::Evidence& link_evidence(const Report& report, std::uint32_t edge);
// The same for a graph frozen from `model`, without a report.
const model::Evidence& link_evidence(const model::Model& model, const model::FrozenGraph& graph,
                                     std::uint32_t edge);

// "30m", "1d2h", "never" style text for a time in seconds.
std::string time_text(std::int64_t seconds);

// time_text of a time that may not have come: `absent` ("-" in tables, "never" where a
// reader compares two runs).
std::string optional_time_text(const std::optional<std::int64_t>& seconds,
                               const char* absent = "-");

}  // namespace msout::report
