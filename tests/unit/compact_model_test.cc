// Tests of the compact loader (model/compact_model.h) against hostile files: every
// truncation, counts far beyond the file's size, and each rule the JSON loader applies.
#if defined(__GNUC__) && !defined(__clang__)
// The replaced operator new and delete below are a matched malloc/free pair; GCC cannot see
// that through the inlined standard allocators.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
#include "model/compact_model.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <new>
#include <string>
#include <thread>
#include <vector>

#include <sys/stat.h>

#include <doctest/doctest.h>

#include "tests/unit/test_support.h"

// The largest single allocation made while `g_watch_allocations` is set: a small hostile
// file must not make the loader allocate gigabytes. (Replacing the global operator new and
// delete together, every unaligned form, keeps them matched under AddressSanitizer.)
namespace {
std::atomic<bool> g_watch_allocations{false};
std::atomic<std::size_t> g_largest_allocation{0};
}  // namespace

void* operator new(std::size_t size) {
  if (g_watch_allocations.load(std::memory_order_relaxed)) {
    std::size_t seen = g_largest_allocation.load(std::memory_order_relaxed);
    while (size > seen && !g_largest_allocation.compare_exchange_weak(seen, size)) {
    }
  }
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return ::operator new(size); }
// The standard library's temporary buffers (std::stable_sort) use the nothrow forms: they
// must allocate here too, or AddressSanitizer sees its own new freed by this delete.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return ::operator new(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return ::operator new(size, std::nothrow);
}
// The aligned forms too: the graph's large arrays are aligned to huge pages
// (model/huge_page_allocator.h).
void* operator new(std::size_t size, std::align_val_t align) {
  if (g_watch_allocations.load(std::memory_order_relaxed)) {
    std::size_t seen = g_largest_allocation.load(std::memory_order_relaxed);
    while (size > seen && !g_largest_allocation.compare_exchange_weak(seen, size)) {
    }
  }
  const auto alignment = static_cast<std::size_t>(align);
  const std::size_t rounded =
      (std::max<std::size_t>(size, 1) + alignment - 1) / alignment * alignment;
  if (void* p = std::aligned_alloc(alignment, rounded)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size, std::align_val_t align) {
  return ::operator new(size, align);
}
void* operator new(std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
  try {
    return ::operator new(size, align);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
  return ::operator new(size, align, std::nothrow);
}
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace msout::testing {
namespace {

namespace fs = std::filesystem;
using model::InputError;
using model::IoError;

// A compact file spelled out field by field (docs/compact-format.md), so that a test can
// break any one rule. The default is a valid three-entity model: provider "cloud", service
// "app" needing cloud, function "pay" needing any of {cloud, app}.
struct RawCompact {
  std::vector<std::string> jurisdictions{"US", "NL"};
  std::vector<std::string> tags{"critical"};
  std::vector<std::uint8_t> kind{0, 1, 3};
  std::vector<std::uint16_t> jurisdiction{0, 1, 1};
  std::vector<std::uint64_t> tag_bits{0, 0, 1};
  std::vector<std::uint64_t> people{0, 0, 1000};
  std::vector<std::string> ids{"cloud", "app", "pay"};
  std::vector<std::uint32_t> req_offsets{0, 0, 1, 2};
  std::vector<std::uint32_t> first_edge{0, 1};
  std::vector<std::uint32_t> end_edge{1, 3};
  std::vector<std::uint32_t> k{1, 1};
  std::vector<std::uint8_t> gate{0, 1};
  std::vector<std::uint8_t> effect{2, 2};
  std::vector<std::int64_t> switchover{0, 60};
  std::vector<std::uint32_t> dependency{0, 0, 1};
  std::vector<std::uint32_t> owner{1, 2, 2};
  std::vector<std::int64_t> tolerance{0, 3600, 0};
  std::vector<std::int64_t> recovery{0, 0, 600};
  std::vector<std::uint8_t> flags{0, 1, 0};
  // Counts as written; by default those of the columns.
  std::int64_t entities = -1, requirements = -1, dependencies = -1;

  std::string bytes() const {
    std::string out(model::kCompactMagic, sizeof model::kCompactMagic);
    auto put = [&](auto v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); };
    auto put_string = [&](const std::string& s) {
      put(static_cast<std::uint32_t>(s.size()));
      out += s;
    };
    auto put_column = [&](const auto& column) {
      for (auto v : column) put(v);
    };
    std::string blob;
    std::vector<std::uint32_t> id_offsets{0};
    for (const std::string& id : ids) {
      blob += id;
      id_offsets.push_back(static_cast<std::uint32_t>(blob.size()));
    }
    put(static_cast<std::uint64_t>(entities >= 0 ? entities : kind.size()));
    put(static_cast<std::uint64_t>(requirements >= 0 ? requirements : k.size()));
    put(static_cast<std::uint64_t>(dependencies >= 0 ? dependencies : dependency.size()));
    put(static_cast<std::uint64_t>(blob.size()));
    put(static_cast<std::uint32_t>(jurisdictions.size()));
    for (const std::string& s : jurisdictions) put_string(s);
    put(static_cast<std::uint32_t>(tags.size()));
    for (const std::string& s : tags) put_string(s);
    put_column(kind);
    put_column(jurisdiction);
    put_column(tag_bits);
    put_column(people);
    put_column(id_offsets);
    out += blob;
    put_column(req_offsets);
    put_column(first_edge);
    put_column(end_edge);
    put_column(k);
    put_column(gate);
    put_column(effect);
    put_column(switchover);
    put_column(dependency);
    put_column(owner);
    put_column(tolerance);
    put_column(recovery);
    put_column(flags);
    return out;
  }
};

// The message of the error `bytes` are refused with (checking it names the file and a byte).
std::string refusal(const std::string& bytes) {
  try {
    model::parse_compact(bytes, "bad.msout");
  } catch (const InputError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].file == "bad.msout");
    CHECK(e.diagnostics()[0].where.starts_with("byte "));
    return e.diagnostics()[0].message;
  }
  return "(accepted)";
}

#define CHECK_REFUSED(raw, expected)                     \
  do {                                                   \
    const std::string message_ = refusal((raw).bytes()); \
    INFO("message: ", message_);                         \
    CHECK(message_.find(expected) != std::string::npos); \
  } while (false)

TEST_CASE("CompactModel.ValidSmallFileLoads") {
  const model::CompactModel m = model::parse_compact(RawCompact{}.bytes(), "ok.msout");
  CHECK(m.entities.size() == 3);
  CHECK(m.entities.id(2) == "pay");
  CHECK(m.graph.edge_count() == 3);
  CHECK(m.graph.requirement(1).gate == model::Gate::kAny);
  CHECK(m.graph.requirement(1).switchover == 60);
  CHECK(m.graph.edge(1).degraded_propagates());
  // From a file: the same.
  TempDir dir;
  dir.write("ok.msout", RawCompact{}.bytes());
  CHECK(model::is_compact_file(dir.path() / "ok.msout"));
  CHECK(model::read_compact(dir.path() / "ok.msout").entities.size() == 3);
}

// Regression (issue 10, item 6): every prefix of a valid file fails cleanly.
TEST_CASE("CompactModel.EveryTruncationFailsCleanly") {
  const std::string good = RawCompact{}.bytes();
  for (std::size_t length = 0; length < good.size(); ++length) {
    CAPTURE(length);
    const std::string message = refusal(good.substr(0, length));
    CHECK(message.find("truncated") != std::string::npos);
  }
  // Through a file as well, at a few lengths.
  TempDir dir;
  for (std::size_t length : {std::size_t{0}, std::size_t{7}, std::size_t{41}, good.size() - 1}) {
    dir.write("cut.msout", good.substr(0, length));
    CHECK_THROWS_AS(model::read_compact(dir.path() / "cut.msout"), InputError);
  }
  CHECK(refusal(good + "x").find("trailing bytes") != std::string::npos);
}

// Regression (issue 10, item 6): a 48-byte file made the loader allocate 4 GB, a 90-byte one
// 80 GB (uncaught bad_alloc), before any size check.
TEST_CASE("CompactModel.HugeCountsInTinyFileFailWithoutAllocating") {
  const std::uint64_t huge = UINT32_MAX - 2;
  std::vector<std::string> files;
  for (int field = 0; field < 4; ++field) {
    std::string bytes(model::kCompactMagic, 8);
    for (int i = 0; i < 4; ++i) {
      const std::uint64_t count = i == field ? huge : 1;
      bytes.append(reinterpret_cast<const char*>(&count), 8);
    }
    bytes.append(8, '\0');  // no jurisdictions, no tags: 48 bytes
    files.push_back(bytes);
  }
  // A jurisdiction table that claims 65536 entries, and one entry that claims 4 GB.
  std::string many_strings(model::kCompactMagic, 8);
  const std::uint64_t one = 1;
  for (int i = 0; i < 4; ++i) many_strings.append(reinterpret_cast<const char*>(&one), 8);
  const std::uint32_t table = 65536;
  many_strings.append(reinterpret_cast<const char*>(&table), 4);
  std::string long_string = many_strings.substr(0, 40);
  const std::uint32_t count_one = 1, length = UINT32_MAX;
  long_string.append(reinterpret_cast<const char*>(&count_one), 4);
  long_string.append(reinterpret_cast<const char*>(&length), 4);
  files.push_back(many_strings);
  files.push_back(long_string);

  for (const std::string& bytes : files) {
    g_largest_allocation = 0;
    g_watch_allocations = true;
    const std::string message = refusal(bytes);
    g_watch_allocations = false;
    INFO("message: ", message);
    CHECK(message.find("truncated") != std::string::npos);
    CHECK(g_largest_allocation.load() < 4096);
  }
}

// Regression (issue 10, item 6): the JSON loader's rules, each broken once.
TEST_CASE("CompactModel.AppliesTheJsonLoadersRules") {
  RawCompact r;
  SUBCASE("duplicate id") {
    r.ids[1] = "cloud";
    r.ids[2] = "payx";  // keep the id bytes' length
    CHECK_REFUSED(r, "entity 1: duplicate id \"cloud\" (first defined by entity 0)");
  }
  SUBCASE("empty id") {
    r.ids[1] = "";
    r.ids[2] = "payapp";
    CHECK_REFUSED(r, "entity 1: invalid id \"\"");
  }
  SUBCASE("path-like id") {
    r.ids[0] = "x/../y";
    CHECK_REFUSED(r, "entity 0: invalid id \"x/../y\"");
  }
  SUBCASE("upper-case id with a control character") {
    r.ids[0] = "Cl\x1b]0;";
    CHECK_REFUSED(r, "invalid id \"Cl\\e]0;\"");
  }
  SUBCASE("zero entities") {
    RawCompact empty;
    empty.jurisdictions.clear();
    empty.tags.clear();
    empty.kind.clear();
    empty.jurisdiction.clear();
    empty.tag_bits.clear();
    empty.people.clear();
    empty.ids.clear();
    empty.req_offsets = {0};
    empty.first_edge = empty.end_edge = empty.k = {};
    empty.gate = empty.effect = {};
    empty.switchover = {};
    empty.dependency = empty.owner = {};
    empty.tolerance = empty.recovery = {};
    empty.flags = {};
    CHECK_REFUSED(empty, "no entities");
  }
  SUBCASE("single requirement with two members") {
    r.gate[1] = 0;
    CHECK_REFUSED(r, "requirement 1: a single dependency has 2 members");
  }
  SUBCASE("any group with k = 2") {
    r.k[1] = 2;
    CHECK_REFUSED(r, "requirement 1: an any group needs k = 1, found 2");
  }
  SUBCASE("k zero") {
    r.k[0] = 0;
    CHECK_REFUSED(r, "requirement 0: k must be at least 1");
  }
  SUBCASE("k greater than n") {
    r.gate[1] = 2;
    r.switchover[1] = 0;
    r.k[1] = 3;
    CHECK_REFUSED(r, "requirement 1: k = 3 is larger than n = 2 members");
  }
  SUBCASE("empty group") {
    r.end_edge[0] = 0;
    r.first_edge[1] = 0;
    r.owner = {2, 2, 2};
    CHECK_REFUSED(r, "requirement 0: empty group");
  }
  SUBCASE("switchover on a single dependency") {
    r.switchover[0] = 5;
    CHECK_REFUSED(r, "requirement 0: only an any group has a switchover");
  }
  SUBCASE("tolerance longer than 100 years") {
    r.tolerance[1] = model::kMaxDuration.seconds + 1;
    CHECK_REFUSED(r, "dependency 1: tolerance is longer than 100 years");
  }
  SUBCASE("negative recovery") {
    r.recovery[2] = -1;
    CHECK_REFUSED(r, "dependency 2: recovery is negative");
  }
  SUBCASE("owner not the requirement's entity") {
    r.owner[1] = 1;
    CHECK_REFUSED(r, "dependency 1: owner 1 is not its requirement's entity 2");
  }
  SUBCASE("dependency out of range") {
    r.dependency[0] = 3;
    CHECK_REFUSED(r, "dependency 0: entity index 3 out of range");
  }
  SUBCASE("lower-case jurisdiction") {
    r.jurisdictions[0] = "us";
    CHECK_REFUSED(r, "jurisdiction \"us\": use a code in capitals");
  }
  SUBCASE("duplicate jurisdiction") {
    r.jurisdictions[1] = "US";
    CHECK_REFUSED(r, "duplicate jurisdiction \"US\"");
  }
  SUBCASE("duplicate tag") {
    r.tags.push_back("critical");
    CHECK_REFUSED(r, "duplicate tag \"critical\"");
  }
  SUBCASE("jurisdiction index out of range") {
    r.jurisdiction[2] = 2;
    CHECK_REFUSED(r, "entity 2: jurisdiction index out of range");
  }
  SUBCASE("unknown tag bit") {
    r.tag_bits[0] = 2;
    CHECK_REFUSED(r, "entity 0: unknown tag bit");
  }
  SUBCASE("bad kind, gate, effect, flags") {
    RawCompact kind = r, gate = r, effect = r, flags = r;
    kind.kind[1] = 4;
    gate.gate[0] = 3;
    effect.effect[0] = 0;
    flags.flags[0] = 2;
    CHECK_REFUSED(kind, "entity 1: bad kind 4");
    CHECK_REFUSED(gate, "requirement 0: bad gate 3");
    CHECK_REFUSED(effect, "requirement 0: bad effect 0");
    CHECK_REFUSED(flags, "dependency 0: bad flags 2");
  }
  SUBCASE("requirement offsets out of order") {
    r.req_offsets = {0, 1, 0, 2};
    CHECK_REFUSED(r, "requirement offset 2 out of order");
  }
  SUBCASE("requirements that do not cover the dependencies") {
    r.end_edge[1] = 2;
    CHECK_REFUSED(r, "the requirements do not cover the dependencies");
  }
}

TEST_CASE("CompactModel.ErrorNamesTheByteOfTheValue") {
  RawCompact r;
  r.kind[2] = 9;
  try {
    model::parse_compact(r.bytes(), "g.msout");
    FAIL("accepted");
  } catch (const InputError& e) {
    // magic 8, counts 32, jurisdictions 4 + 6 + 6, tags 4 + 12: kinds start at 72.
    CHECK(e.diagnostics()[0].where == "byte 74");
  }
}

// Regression (issue 10, item 7 for compact files): a FIFO or a device is neither read nor
// waited on.
TEST_CASE("CompactModel.NonRegularInputsRefusedWithoutBlocking") {
  TempDir dir;
  const fs::path fifo = dir.path() / "pipe.msout";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_FALSE(model::is_compact_file(fifo));
  CHECK_THROWS_AS(model::read_compact(fifo), IoError);
  CHECK_THROWS_AS(model::read_compact("/dev/zero"), IoError);
  CHECK_FALSE(model::is_compact_file("/dev/zero"));
  CHECK_FALSE(model::is_compact_file(dir.path()));
  CHECK_THROWS_AS(model::read_compact(dir.path()), IoError);
  CHECK_THROWS_AS(model::read_compact(dir.path() / "missing.msout"), IoError);
  dir.write("short", "MSOUT");
  CHECK_FALSE(model::is_compact_file(dir.path() / "short"));
}

}  // namespace
}  // namespace msout::testing
