// Saturating sums: the one way msout adds up counts of people and organisations
// (people_served over functions, `count` over organisation entries) in reports and analyses.
//
// Each input is an unsigned 64-bit count, and a model can have millions of entities, so a
// plain sum could wrap around and print a small number for a huge one. A saturating sum
// stops at kSaturatedSum instead: a total equal to kSaturatedSum means "that many or more",
// and the writers print it as "at least …" (report::total_text), never a wrapped value.
//
//   std::uint64_t people = 0;
//   for (const FunctionOutcome& f : down) people = model::saturating_add(people, f.people);
#pragma once

#include <cstdint>
#include <limits>

namespace msout::model {

// The largest total a sum holds; a sum that reached it stays there.
inline constexpr std::uint64_t kSaturatedSum = std::numeric_limits<std::uint64_t>::max();

// a + b, or kSaturatedSum when that does not fit in 64 bits.
constexpr std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
  return b > kSaturatedSum - a ? kSaturatedSum : a + b;
}

}  // namespace msout::model
