// The documented bounds on the numbers of msout input files (docs/model-format.md, "Limits").
//
// Every number a loader reads is checked against its bound with the file and JSON pointer, so
// that no later sum or product can wrap: 10^5 entities × 10^10 people stay far below 2^64.
#pragma once

#include <cstdint>

namespace msout::model {

// people_served of one entity: more than the world's population.
inline constexpr std::uint64_t kMaxPeopleServed = 10'000'000'000;
// count (the real-world members one entity stands for).
inline constexpr std::uint64_t kMaxEntityCount = 10'000'000'000;
// An index into an entity's "requires" (an overlay's "requirement").
inline constexpr std::uint64_t kMaxRequirementIndex = 1'000'000;
// k of a k-of-n group (it must also be at most n).
inline constexpr std::uint64_t kMaxGroupK = 1'000'000;
// A weight of a one_of member.
inline constexpr double kMaxChoiceWeight = 1e12;

}  // namespace msout::model
