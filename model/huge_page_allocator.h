// HugePageAllocator: a std::allocator for the graph's and the engine's big arrays that asks
// the kernel for transparent huge pages (2 MiB) where the system leaves that to the program
// (transparent_hugepage = madvise, Debian's default).
//
//   HugePageVector<FrozenEdge> edges(count);  // std::vector<FrozenEdge, HugePageAllocator<...>>
//
// Why: those arrays are read at random, one cache line per record, as a cascade moves. With
// 4 KiB pages a first touch costs a page fault every 4 KiB (on a virtual machine about as
// much as the zeroing itself) and nearly every access a TLB miss; 2 MiB pages remove most of
// both. Small arrays (under 4 MiB) use plain operator new. Where madvise is refused or
// unknown, the memory is ordinary memory: only the speed differs.
#pragma once

#include <cstddef>
#include <new>
#include <vector>

#include <sys/mman.h>

namespace msout::model {

template <class T>
class HugePageAllocator;

// A vector whose storage, once large, lies on huge pages.
template <class T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;

template <class T>
class HugePageAllocator {
 public:
  using value_type = T;

  HugePageAllocator() = default;
  template <class U>
  explicit HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(std::size_t n) {
    if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
    const std::size_t bytes = n * sizeof(T);
    if (bytes < kHugeThreshold) return static_cast<T*>(::operator new(bytes));
    void* p = ::operator new (bytes, std::align_val_t{kHugePage});
#ifdef MADV_HUGEPAGE
    // Whole huge pages only: the tail stays on small pages, so that no memory is resident
    // beyond the array's end. Advice only: ignored where unsupported.
    madvise(p, bytes / kHugePage * kHugePage, MADV_HUGEPAGE);
#endif
    return static_cast<T*>(p);
  }

  void deallocate(T* p, std::size_t n) {
    if (n * sizeof(T) < kHugeThreshold) {
      ::operator delete(p);
    } else {
      ::operator delete (p, std::align_val_t{kHugePage});
    }
  }

  template <class U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }

 private:
  static constexpr std::size_t kHugePage = std::size_t{2} << 20;
  static constexpr std::size_t kHugeThreshold = std::size_t{4} << 20;
};

}  // namespace msout::model
