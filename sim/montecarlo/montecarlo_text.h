// The wording of Monte Carlo figures for people, shared by the terminal table
// (montecarlo_writer.h) and the neutral document (montecarlo_document.h), so that a
// probability or a claim reads the same in every format.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/uncertainty.h"
#include "sim/montecarlo/estimates.h"
#include "sim/montecarlo/montecarlo_writer.h"

namespace msout::montecarlo {

// `value` with `decimals` digits after the point: fixed(0.953, 2) == "0.95".
std::string fixed(double value, int decimals);

// "61.2±1.0" (percent, with the 95 % half-width in points); "0" and "100" when in none or
// all replications (a table's header gives the bound that leaves).
std::string percent(const Proportion& p);

// A time rounded to its two largest units, for tables: "18d15h", "4h30m", "12m", "40s";
// "-" for none.
std::string rough_time(std::int64_t seconds);
std::string rough_time(const std::optional<std::int64_t>& seconds);

const model::Claim& claim_of(const MonteCarloReport& r, std::uint32_t c);

// The claim's quote in quotes, or its first link with "(no quote)".
std::string claim_label(const model::Claim& claim);

// Counts of what the model leaves open, for the headline.
struct OpenQuestions {
  std::size_t claims = 0;
  std::size_t uncertain = 0;
};

OpenQuestions open_questions(const MonteCarloReport& r);

}  // namespace msout::montecarlo
