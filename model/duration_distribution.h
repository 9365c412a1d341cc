// DurationDistribution: an uncertain duration (a tolerance, recovery, switchover or lever
// time) as a distribution over integer seconds, for Monte Carlo (docs/uncertainty.md).
//
// Kinds: fixed (one value), uniform (min..max), triangular (min, mode, max) and log-normal
// given by its median and 90th percentile. The deterministic run uses the point value: the
// fixed value, the uniform midpoint, the triangular mode, the log-normal median. Invariants
// after loading: 0 <= min <= mode <= max; 0 < median <= p90.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "model/duration.h"

namespace msout::model {

enum class DistributionKind : std::uint8_t { kFixed, kUniform, kTriangular, kLogNormal };

std::string_view to_string(DistributionKind kind);
std::optional<DistributionKind> distribution_kind_from(std::string_view text);

struct DurationDistribution {
  DistributionKind kind = DistributionKind::kFixed;
  std::int64_t min = 0;     // fixed: the value; uniform and triangular: the lower end
  std::int64_t mode = 0;    // triangular only
  std::int64_t max = 0;     // uniform and triangular: the upper end
  std::int64_t median = 0;  // log-normal only
  std::int64_t p90 = 0;     // log-normal only

  // The value the deterministic run uses.
  Duration point() const;
  // The value at quantile `u` in [0, 1) (inverse transform), rounded to whole seconds and
  // clamped to [0, kMaxDuration] (a log-normal's tail is unbounded). Deterministic for a
  // given `u`.
  Duration at_quantile(double u) const;
};

// A duration as written in a file: its point value and, where the file gave a distribution,
// the distribution.
struct UncertainDuration {
  Duration point;
  std::optional<DurationDistribution> spread;
};

// The standard normal quantile function (Acklam's rational approximation refined by one
// Halley step; relative error below 1e-12 on (0, 1)).
double normal_quantile(double p);

}  // namespace msout::model
