#include "sim/montecarlo/montecarlo_text.h"

#include <cstdio>

namespace msout::montecarlo {

std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string percent(const Proportion& p) {
  if (p.hits == 0) return "0";
  if (p.hits == p.n) return "100";
  return fixed(100 * p.p, 1) + "±" + fixed(100 * p.half_width(), 1);
}

std::string rough_time(std::int64_t seconds) {
  if (seconds >= 86400) {
    const std::int64_t hours = (seconds + 1800) / 3600;
    return std::to_string(hours / 24) + "d" +
           (hours % 24 != 0 ? std::to_string(hours % 24) + "h" : "");
  }
  if (seconds >= 3600) {
    const std::int64_t minutes = (seconds + 30) / 60;
    return std::to_string(minutes / 60) + "h" +
           (minutes % 60 != 0 ? std::to_string(minutes % 60) + "m" : "");
  }
  if (seconds >= 60) return std::to_string((seconds + 30) / 60) + "m";
  return std::to_string(seconds) + "s";
}

std::string rough_time(const std::optional<std::int64_t>& seconds) {
  return seconds ? rough_time(*seconds) : "-";
}

const model::Claim& claim_of(const MonteCarloReport& r, std::uint32_t c) {
  return r.plan->claims()[c];
}

std::string claim_label(const model::Claim& claim) {
  return claim.evidence.quote.empty() ? claim.links.front() + " (no quote)"
                                      : "\"" + claim.evidence.quote + "\"";
}

OpenQuestions open_questions(const MonteCarloReport& r) {
  OpenQuestions q;
  for (const model::Claim& c : r.plan->claims()) {
    ++q.claims;
    if (c.uncertain()) ++q.uncertain;
  }
  return q;
}

}  // namespace msout::montecarlo
