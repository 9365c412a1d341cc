#include "model/duration_distribution.h"

#include <cmath>

namespace msout::model {
namespace {

// A draw is never longer than any input may be (a log-normal's tail is unbounded): the
// same 100 years as parse_duration, so a drawn lever time or tolerance is as safe in later
// sums as a written one.
Duration whole_seconds(double seconds) {
  if (!(seconds > 0)) return Duration{0};
  if (seconds >= static_cast<double>(kMaxDuration.seconds)) return kMaxDuration;
  return Duration{static_cast<std::int64_t>(std::llround(seconds))};
}

// z such that P(Z <= z) = 0.9 for a standard normal Z.
constexpr double kZ90 = 1.2815515655446004;

}  // namespace

std::string_view to_string(DistributionKind kind) {
  switch (kind) {
    case DistributionKind::kFixed:
      return "fixed";
    case DistributionKind::kUniform:
      return "uniform";
    case DistributionKind::kTriangular:
      return "triangular";
    case DistributionKind::kLogNormal:
      return "lognormal";
  }
  return "?";
}

std::optional<DistributionKind> distribution_kind_from(std::string_view text) {
  for (auto kind : {DistributionKind::kFixed, DistributionKind::kUniform,
                    DistributionKind::kTriangular, DistributionKind::kLogNormal}) {
    if (to_string(kind) == text) return kind;
  }
  return std::nullopt;
}

Duration DurationDistribution::point() const {
  switch (kind) {
    case DistributionKind::kFixed:
      return Duration{min};
    case DistributionKind::kUniform:
      return Duration{min + (max - min) / 2};
    case DistributionKind::kTriangular:
      return Duration{mode};
    case DistributionKind::kLogNormal:
      return Duration{median};
  }
  return Duration{min};
}

Duration DurationDistribution::at_quantile(double u) const {
  const auto lo = static_cast<double>(min);
  const auto hi = static_cast<double>(max);
  switch (kind) {
    case DistributionKind::kFixed:
      return Duration{min};
    case DistributionKind::kUniform:
      return whole_seconds(lo + u * (hi - lo));
    case DistributionKind::kTriangular: {
      const double width = hi - lo;
      if (width <= 0) return Duration{min};
      const double left = static_cast<double>(mode) - lo;
      const double split = left / width;
      return whole_seconds(u < split ? lo + std::sqrt(u * width * left)
                                     : hi - std::sqrt((1 - u) * width * (hi - mode)));
    }
    case DistributionKind::kLogNormal: {
      const double mu = std::log(static_cast<double>(median));
      const double sigma = (std::log(static_cast<double>(p90)) - mu) / kZ90;
      if (sigma <= 0 || u <= 0) return sigma <= 0 ? Duration{median} : Duration{0};
      return whole_seconds(std::exp(mu + sigma * normal_quantile(u)));
    }
  }
  return Duration{min};
}

double normal_quantile(double p) {
  if (p <= 0) return -INFINITY;
  if (p >= 1) return INFINITY;
  // Acklam's coefficients.
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                 -2.759285104469687e+02, 1.383577518672690e+02,
                                 -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                 -1.556989798598866e+02, 6.680131188771972e+01,
                                 -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                 -2.400758277161838e+00, -2.549732539343734e+00,
                                 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                 2.445134137142996e+00, 3.754408661907416e+00};
  constexpr double kLow = 0.02425;
  double x = 0;
  if (p < kLow) {
    const double q = std::sqrt(-2 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - kLow) {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const double q = std::sqrt(-2 * std::log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  // One Halley step against the exact CDF.
  const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
  const double u = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

}  // namespace msout::model
