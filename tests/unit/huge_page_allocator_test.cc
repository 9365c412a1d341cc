// model::HugePageAllocator (model/huge_page_allocator.h): large arrays start on a huge-page
// boundary and hold their values like any vector; small ones use ordinary memory.
#include "model/huge_page_allocator.h"

#include <cstdint>
#include <numeric>

#include <doctest/doctest.h>

namespace msout::testing {

TEST_CASE("HugePageAllocator.LargeArraysOnHugePageBoundaries") {
  constexpr std::size_t kHugePage = std::size_t{2} << 20;
  // 10 MiB and a bit: whole huge pages and a tail on small ones.
  model::HugePageVector<std::uint32_t> large(10 * (1u << 18) + 12345);
  CHECK(reinterpret_cast<std::uintptr_t>(large.data()) % kHugePage == 0);
  std::iota(large.begin(), large.end(), 0u);
  std::uint64_t sum = 0;
  for (std::uint32_t v : large) sum += v;
  const std::uint64_t n = large.size();
  CHECK(sum == n * (n - 1) / 2);
  large.resize(large.size() * 2, 7);  // grows like any vector, keeping the values
  CHECK(large[n - 1] == n - 1);
  CHECK(large.back() == 7);

  model::HugePageVector<std::uint32_t> small(1000, 3);
  CHECK(small.size() == 1000);
  CHECK(small[999] == 3);
}

}  // namespace msout::testing
