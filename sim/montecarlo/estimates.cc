#include "sim/montecarlo/estimates.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>
#include <set>

#include "model/duration_distribution.h"
#include "model/model_shape.h"

namespace msout::montecarlo {
namespace {

constexpr double kZ95 = 1.959963984540054;

// Exact sums of squares: 2^63 seconds squared overflows 64 bits (GCC and Clang builtin).
__extension__ typedef __int128 Int128;

using Bits = std::vector<std::uint64_t>;  // one bit per replication

std::size_t words_for(std::uint64_t n) { return static_cast<std::size_t>((n + 63) / 64); }

void set_bit(Bits& bits, std::uint64_t i) { bits[i / 64] |= std::uint64_t{1} << (i % 64); }

std::uint64_t count_and(const Bits& a, const Bits& b) {
  std::uint64_t n = 0;
  for (std::size_t w = 0; w < a.size(); ++w) n += std::popcount(a[w] & b[w]);
  return n;
}

std::uint64_t count(const Bits& a) {
  std::uint64_t n = 0;
  for (std::uint64_t w : a) n += std::popcount(w);
  return n;
}

// The sample variance of n integer values from their exact sum and sum of squares
// (n * sum_squares - sum^2 is exact in 128 bits for the values msout sums); 0 for n < 2.
double sample_variance(Int128 sum, Int128 sum_squares, std::uint64_t n) {
  if (n < 2) return 0;
  const Int128 spread = static_cast<Int128>(n) * sum_squares - sum * sum;
  return std::max(
      0.0, static_cast<double>(spread) / (static_cast<double>(n) * static_cast<double>(n - 1)));
}

// Mean and 95 % interval of integer values (exact sums in 128 bits).
MeanEstimate mean_of(Int128 sum, Int128 sum_squares, std::uint64_t n, double scale) {
  MeanEstimate m;
  if (n == 0) return m;
  const double mean = static_cast<double>(sum) / static_cast<double>(n);
  const double half =
      kZ95 * std::sqrt(sample_variance(sum, sum_squares, n) / static_cast<double>(n));
  m.mean = mean * scale;
  m.low = std::max(0.0, mean - half) * scale;
  m.high = (mean + half) * scale;
  return m;
}

std::optional<std::int64_t> nearest_rank(const std::vector<std::int64_t>& sorted, double q) {
  if (sorted.empty()) return std::nullopt;
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
  return sorted[std::max<std::size_t>(rank, 1) - 1];
}

std::vector<std::pair<std::int64_t, std::uint64_t>> step_curve(
    const std::vector<std::int64_t>& sorted) {
  std::vector<std::pair<std::int64_t, std::uint64_t>> curve;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i + 1 == sorted.size() || sorted[i + 1] != sorted[i]) curve.emplace_back(sorted[i], i + 1);
  }
  return curve;
}

std::uint64_t failed_by(const std::vector<std::int64_t>& sorted, std::int64_t t) {
  return static_cast<std::uint64_t>(std::upper_bound(sorted.begin(), sorted.end(), t) -
                                    sorted.begin());
}

// The first-failure times of column j that happened (kNever dropped), sorted.
std::vector<std::int64_t> sorted_times(const std::vector<std::int64_t>& cells,
                                       const ReplicationTable& table, std::uint32_t j) {
  std::vector<std::int64_t> times;
  for (std::uint64_t row = 0; row < table.count; ++row) {
    const std::int64_t t = cells[row * table.columns + j];
    if (t != kNever) times.push_back(t);
  }
  std::sort(times.begin(), times.end());
  return times;
}

// For each reported entity, every entity it depends on, directly or not (all members of all
// requirements, whatever their claims): a claim can decide an entity's outcome only if one
// of its uses belongs to such an entity (or to the entity itself).
std::vector<std::vector<bool>> upstream_of(const model::ModelShape& shape,
                                           const std::vector<std::uint32_t>& reported) {
  std::vector<std::vector<bool>> cones;
  std::vector<std::uint32_t> stack;
  for (std::uint32_t start : reported) {
    std::vector<bool> seen(shape.entity_count(), false);
    seen[start] = true;
    stack.assign(1, start);
    while (!stack.empty()) {
      const std::uint32_t node = stack.back();
      stack.pop_back();
      const std::uint32_t first = shape.member_offsets[shape.req_offsets[node]];
      const std::uint32_t end = shape.member_offsets[shape.req_offsets[node + 1]];
      for (std::uint32_t mi = first; mi < end; ++mi) {
        if (!seen[shape.target[mi]]) {
          seen[shape.target[mi]] = true;
          stack.push_back(shape.target[mi]);
        }
      }
    }
    cones.push_back(std::move(seen));
  }
  return cones;
}

// The two-sided z for a family-wise error of 5 % over `tests` tests (at least 1.96).
double bonferroni_z(std::size_t tests) {
  const double alpha = 0.05 / static_cast<double>(std::max<std::size_t>(tests, 1));
  return model::normal_quantile(1 - alpha / 2);
}

bool touches(const model::Claim& claim, const std::vector<bool>& cone) {
  for (std::uint32_t owner : claim.owners) {
    if (cone[owner]) return true;
  }
  return false;
}

}  // namespace

Proportion proportion(std::uint64_t hits, std::uint64_t n) {
  Proportion p;
  p.hits = hits;
  p.n = n;
  if (n == 0) return p;
  const double nn = static_cast<double>(n);
  p.p = static_cast<double>(hits) / nn;
  p.se = std::sqrt(p.p * (1 - p.p) / nn);
  const double z2 = kZ95 * kZ95;
  const double centre = (p.p + z2 / (2 * nn)) / (1 + z2 / nn);
  const double half = kZ95 * std::sqrt(p.p * (1 - p.p) / nn + z2 / (4 * nn * nn)) / (1 + z2 / nn);
  p.low = std::max(0.0, centre - half);
  p.high = std::min(1.0, centre + half);
  if (hits == 0) p.low = 0;
  if (hits == n) p.high = 1;
  return p;
}

std::vector<std::pair<std::int64_t, std::uint64_t>> curve_points(
    const std::vector<std::pair<std::int64_t, std::uint64_t>>& steps, std::int64_t until,
    const std::vector<std::int64_t>& at, std::size_t max_points) {
  if (steps.size() <= max_points) return steps;
  std::vector<std::int64_t> times(at.begin(), at.end());
  for (std::size_t k = 1; k <= max_points; ++k) {
    times.push_back(static_cast<std::int64_t>(static_cast<double>(until) * static_cast<double>(k) /
                                              static_cast<double>(max_points)));
  }
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  std::vector<std::pair<std::int64_t, std::uint64_t>> points;
  for (std::int64_t t : times) {
    // The last step at or before t.
    auto it =
        std::upper_bound(steps.begin(), steps.end(), t,
                         [](std::int64_t time, const auto& step) { return time < step.first; });
    points.emplace_back(t, it == steps.begin() ? 0 : std::prev(it)->second);
  }
  return points;
}

std::vector<CurveRow> curve_rows(const Summary& s) {
  auto hits_by = [](const std::vector<std::pair<std::int64_t, std::uint64_t>>& curve,
                    std::int64_t t) {
    std::uint64_t hits = 0;
    for (const auto& [at, h] : curve) {
      if (at > t) break;
      hits = h;
    }
    return hits;
  };
  std::vector<CurveRow> rows;
  for (const EntityEstimate& e : s.entities) {
    // Every report time and every time the curve steps, in time order.
    std::set<std::int64_t> times(s.at.begin(), s.at.end());
    for (const auto& [t, hits] : curve_points(e.down_curve, s.until, s.at)) times.insert(t);
    for (const auto& [t, hits] : curve_points(e.degraded_curve, s.until, s.at)) times.insert(t);
    for (std::int64_t t : times) {
      rows.push_back({e.entity, t, proportion(hits_by(e.degraded_curve, t), s.replications),
                      proportion(hits_by(e.down_curve, t), s.replications)});
    }
  }
  return rows;
}

double max_half_width(const ReplicationTable& table, const std::vector<std::int64_t>& at) {
  double widest = 0;
  for (std::uint32_t j = 0; j < table.columns; ++j) {
    for (const auto* cells : {&table.first_degraded, &table.first_down}) {
      const std::vector<std::int64_t> times = sorted_times(*cells, table, j);
      for (std::int64_t t : at) {
        widest = std::max(widest, proportion(failed_by(times, t), table.count).half_width());
      }
    }
  }
  return widest;
}

Summary summarise(const ReplicationTable& table, const ReplicationInput& input,
                  const SummaryOptions& options) {
  Summary s;
  const std::uint64_t n = table.count;
  s.replications = n;
  s.until = input.until;
  s.at = options.at;
  for (std::uint64_t e : table.events) s.events += e;
  const std::vector<model::Claim>& claims = input.plan.claims();

  // Per replication: the number of reported entities down by the end (the national result
  // whose variance the value of checking splits up), and who is down, as bit columns.
  std::vector<std::int64_t> down_count(n, 0);
  std::vector<Bits> down_bits(table.columns, Bits(words_for(n), 0));
  for (std::uint64_t row = 0; row < n; ++row) {
    for (std::uint32_t j = 0; j < table.columns; ++j) {
      if (table.first_down[row * table.columns + j] != kNever) {
        ++down_count[row];
        set_bit(down_bits[j], row);
      }
    }
  }
  Int128 sum = 0;
  Int128 sum_squares = 0;
  for (std::int64_t y : down_count) {
    sum += y;
    sum_squares += static_cast<Int128>(y) * y;
  }
  s.functions_down = mean_of(sum, sum_squares, n, 1.0);
  s.functions_down_variance = sample_variance(sum, sum_squares, n);

  // Claims as bit columns; the value of checking of each uncertain one.
  std::vector<Bits> claim_bits(claims.size(), Bits(words_for(n), 0));
  for (std::uint64_t row = 0; row < n; ++row) {
    for (std::uint32_t c = 0; c < claims.size(); ++c) {
      if (table.holds(row, c)) set_bit(claim_bits[c], row);
    }
  }
  std::vector<std::uint64_t> holds_count(claims.size());
  for (std::uint32_t c = 0; c < claims.size(); ++c) holds_count[c] = count(claim_bits[c]);
  std::vector<ClaimValue> values;
  for (std::uint32_t c = 0; c < claims.size(); ++c) {
    if (!claims[c].uncertain()) continue;
    Int128 sum1 = 0, sq1 = 0, sum0 = 0, sq0 = 0;
    std::uint64_t n1 = 0;
    for (std::uint64_t row = 0; row < n; ++row) {
      const Int128 y = down_count[row];
      if ((claim_bits[c][row / 64] >> (row % 64)) & 1u) {
        ++n1;
        sum1 += y;
        sq1 += y * y;
      } else {
        sum0 += y;
        sq0 += y * y;
      }
    }
    const std::uint64_t n0 = n - n1;
    if (n1 < 2 || n0 < 2) continue;
    ClaimValue v;
    v.claim = c;
    v.probability = claims[c].probability;
    v.mean_if_holds = static_cast<double>(sum1) / static_cast<double>(n1);
    v.mean_if_not = static_cast<double>(sum0) / static_cast<double>(n0);
    v.delta = v.mean_if_holds - v.mean_if_not;
    v.delta_se = std::sqrt(sample_variance(sum1, sq1, n1) / static_cast<double>(n1) +
                           sample_variance(sum0, sq0, n0) / static_cast<double>(n0));
    v.value = v.probability * (1 - v.probability) * v.delta * v.delta;
    v.share = s.functions_down_variance > 0 ? v.value / s.functions_down_variance : 0;
    values.push_back(v);
  }
  std::stable_sort(values.begin(), values.end(),
                   [](const ClaimValue& a, const ClaimValue& b) { return a.value > b.value; });
  // The claims examined per entity: those with the highest value of checking.
  std::vector<std::uint32_t> examined;
  for (const ClaimValue& v : values) {
    if (examined.size() == options.claims_examined) break;
    examined.push_back(v.claim);
  }
  // Many claims are tested at once: a difference counts only beyond the Bonferroni bound
  // for a family-wise 5 % error over them.
  const double z_run = bonferroni_z(values.size());
  for (const ClaimValue& v : values) {
    if (std::abs(v.delta) > z_run * v.delta_se) s.verify_first.push_back(v);
  }

  const std::vector<std::vector<bool>> cones = upstream_of(input.plan.shape(), input.reported);
  for (std::uint32_t j = 0; j < table.columns; ++j) {
    EntityEstimate e;
    e.entity = input.reported[j];
    e.people = input.model.entities[e.entity].people_served;
    const std::vector<std::int64_t> down = sorted_times(table.first_down, table, j);
    const std::vector<std::int64_t> degraded = sorted_times(table.first_degraded, table, j);
    for (std::int64_t t : options.at) {
      e.down_by.push_back(proportion(failed_by(down, t), n));
      e.degraded_by.push_back(proportion(failed_by(degraded, t), n));
    }
    e.down_by_end = proportion(down.size(), n);
    e.degraded_by_end = proportion(degraded.size(), n);
    e.down_curve = step_curve(down);
    e.degraded_curve = step_curve(degraded);
    e.first_down_p10 = nearest_rank(down, 0.1);
    e.first_down_p50 = nearest_rank(down, 0.5);
    e.first_down_p90 = nearest_rank(down, 0.9);
    Int128 total = 0, squares = 0;
    for (std::uint64_t row = 0; row < n; ++row) {
      const Int128 t = table.time_down[row * table.columns + j];
      total += t;
      squares += t * t;
    }
    e.time_down_s = mean_of(total, squares, n, 1.0);
    e.people_hours_down = mean_of(total, squares, n, static_cast<double>(e.people) / 3600.0);
    const std::uint64_t down_total = count(down_bits[j]);
    std::vector<std::uint32_t> relevant;
    for (std::uint32_t c : examined) {
      if (touches(claims[c], cones[j])) relevant.push_back(c);
    }
    const double z_entity = bonferroni_z(relevant.size());
    for (std::uint32_t c : relevant) {
      const std::uint64_t n1 = holds_count[c];
      const std::uint64_t n0 = n - n1;
      if (n1 == 0 || n0 == 0) continue;
      const std::uint64_t d1 = count_and(claim_bits[c], down_bits[j]);
      const double p1 = static_cast<double>(d1) / static_cast<double>(n1);
      const double p0 = static_cast<double>(down_total - d1) / static_cast<double>(n0);
      ClaimEffect effect{c, p1 - p0,
                         std::sqrt(p1 * (1 - p1) / static_cast<double>(n1) +
                                   p0 * (1 - p0) / static_cast<double>(n0)),
                         p1, p0};
      if (effect.delta != 0 && std::abs(effect.delta) > z_entity * effect.se) {
        e.decisive.push_back(effect);
      }
    }
    std::stable_sort(e.decisive.begin(), e.decisive.end(),
                     [](const ClaimEffect& a, const ClaimEffect& b) {
                       return std::abs(a.delta) > std::abs(b.delta);
                     });
    if (e.decisive.size() > options.decisive_per_entity) {
      e.decisive.resize(options.decisive_per_entity);
    }
    s.entities.push_back(std::move(e));
  }
  std::stable_sort(s.entities.begin(), s.entities.end(),
                   [](const EntityEstimate& a, const EntityEstimate& b) {
                     if (a.down_by_end.hits != b.down_by_end.hits) {
                       return a.down_by_end.hits > b.down_by_end.hits;
                     }
                     return a.degraded_by_end.hits > b.degraded_by_end.hits;
                   });
  for (const EntityEstimate& e : s.entities) {
    for (std::size_t i = 0; i < options.at.size(); ++i) {
      s.max_half_width =
          std::max({s.max_half_width, e.down_by[i].half_width(), e.degraded_by[i].half_width()});
    }
  }
  return s;
}

}  // namespace msout::montecarlo
