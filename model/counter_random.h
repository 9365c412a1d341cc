// Counter-based random numbers: a draw is a pure function of (seed, replication, stream,
// index), so a Monte Carlo replication gives the same numbers whichever thread or process
// runs it, in whatever order (docs/uncertainty.md). No state, thread-safe.
//
//   double u = uniform01(seed, replication, stream_id("claim:" + key), 0);
#pragma once

#include <cstdint>
#include <string_view>

namespace msout::model {

// SplitMix64's finaliser: a bijection on 64 bits with full avalanche.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// 64 random bits for the counter (replication, stream, index) under `seed`.
constexpr std::uint64_t counter_bits(std::uint64_t seed, std::uint64_t replication,
                                     std::uint64_t stream, std::uint64_t index) {
  std::uint64_t h = mix64(seed + 0x9e3779b97f4a7c15ULL);
  h = mix64(h ^ (replication + 0x632be59bd9b4e019ULL));
  h = mix64(h ^ stream);
  return mix64(h ^ (index * 0xd1b54a32d192ed03ULL + 1));
}

// A uniform double in [0, 1) with 53 random bits.
constexpr double uniform01(std::uint64_t seed, std::uint64_t replication, std::uint64_t stream,
                           std::uint64_t index) {
  return static_cast<double>(counter_bits(seed, replication, stream, index) >> 11) * 0x1.0p-53;
}

// A stable stream id for a name (FNV-1a, then mixed): the same name gives the same stream
// in every model that has it, so adding a claim elsewhere does not change this one's draws.
constexpr std::uint64_t stream_id(std::string_view name) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return mix64(h);
}

}  // namespace msout::model
