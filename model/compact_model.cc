#include "model/compact_model.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/diagnostics.h"
#include "model/duration.h"
#include "model/input_file.h"
#include "model/json_reader.h"
#include "model/output_file.h"
#include "model/printable_text.h"

namespace msout::model {
namespace {

constexpr std::size_t kChunk = 1 << 20;

class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}
  template <class T>
  void value(T v) {
    out_.write(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void bytes(const void* data, std::size_t n) {
    out_.write(static_cast<const char*>(data), static_cast<std::streamsize>(n));
  }
  void string(const std::string& s) {
    value(static_cast<std::uint32_t>(s.size()));
    bytes(s.data(), s.size());
  }
  // Writes get(i) for i in [0, n) as a column of T, in chunks.
  template <class T, class Get>
  void column(std::size_t n, Get get) {
    std::vector<T> buffer;
    buffer.reserve(std::min(n, kChunk));
    for (std::size_t i = 0; i < n; ++i) {
      buffer.push_back(static_cast<T>(get(i)));
      if (buffer.size() == kChunk || i + 1 == n) {
        bytes(buffer.data(), buffer.size() * sizeof(T));
        buffer.clear();
      }
    }
  }

 private:
  std::ostream& out_;
};

// Where the bytes of a compact file come from: an open file or a buffer. Callers never ask
// for more than the size the Reader was given.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual void read(void* data, std::size_t n) = 0;
};

class FileBytes final : public ByteSource {
 public:
  FileBytes(int fd, std::string file) : fd_(fd), file_(std::move(file)) {}
  void read(void* data, std::size_t n) override {
    auto* out = static_cast<char*>(data);
    while (n > 0) {
      const ssize_t got = ::read(fd_, out, n);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) throw IoError(file_ + ": read error: " + std::strerror(errno));
      if (got == 0) throw IoError(file_ + ": the file shrank while it was read");
      out += got;
      n -= static_cast<std::size_t>(got);
    }
  }

 private:
  int fd_;
  std::string file_;
};

class MemoryBytes final : public ByteSource {
 public:
  explicit MemoryBytes(std::string_view bytes) : bytes_(bytes) {}
  void read(void* data, std::size_t n) override {
    std::memcpy(data, bytes_.data() + position_, n);
    position_ += n;
  }

 private:
  std::string_view bytes_;
  std::size_t position_ = 0;
};

// Reads a compact file of known size front to back. Every read is checked against the
// bytes left before anything is allocated for it; errors name the byte offset of the value
// (or of the column) at fault.
class Reader {
 public:
  Reader(ByteSource& source, std::string file, std::uint64_t size)
      : source_(source), file_(std::move(file)), size_(size) {}

  [[noreturn]] void fail(const std::string& message) const {
    throw InputError({{file_, "byte " + std::to_string(place_), message}});
  }
  std::uint64_t left() const { return size_ - offset_; }
  void bytes(void* data, std::size_t n, const char* what) {
    place_ = offset_;
    if (n > left()) fail(std::string("truncated file while reading ") + what);
    if (n > 0) source_.read(data, n);
    offset_ += n;
  }
  template <class T>
  T value(const char* what) {
    T v;
    bytes(&v, sizeof v, what);
    return v;
  }
  std::string string(const char* what) {
    const auto n = value<std::uint32_t>(what);
    if (n > left()) fail(std::string("truncated file while reading ") + what);
    std::string s(n, '\0');
    bytes(s.data(), n, what);
    return s;
  }
  // Reads a column of n values of T, calling put(i, v) for each (fail() then names v's
  // byte offset).
  template <class T, class Put>
  void column(std::size_t n, const char* what, Put put) {
    if (n > left() / sizeof(T)) fail(std::string("truncated file while reading ") + what);
    const std::uint64_t start = offset_;
    std::vector<T> buffer(std::min(n, kChunk));
    for (std::size_t done = 0; done < n;) {
      const std::size_t count = std::min(kChunk, n - done);
      bytes(buffer.data(), count * sizeof(T), what);
      for (std::size_t i = 0; i < count; ++i) {
        place_ = start + (done + i) * sizeof(T);
        put(done + i, buffer[i]);
      }
      done += count;
    }
    place_ = offset_;
  }
  std::uint64_t offset() const { return offset_; }
  // Names the byte at `offset` in the next failure.
  void point_at(std::uint64_t offset) { place_ = offset; }

 private:
  ByteSource& source_;
  std::string file_;
  std::uint64_t size_;
  std::uint64_t offset_ = 0;
  std::uint64_t place_ = 0;
};

// Bytes per entity, requirement and dependency in the columns after the string tables
// (docs/compact-format.md), and the fixed part (the two offset columns' extra entry).
constexpr std::uint64_t kEntityBytes = 1 + 2 + 8 + 8 + 4 + 4;
constexpr std::uint64_t kFixedColumnBytes = 4 + 4;
constexpr std::uint64_t kRequirementBytes = 4 + 4 + 4 + 1 + 1 + 8;
constexpr std::uint64_t kDependencyBytes = 4 + 4 + 8 + 8 + 1;

std::string entity_name(std::size_t i) { return "entity " + std::to_string(i); }
std::string requirement_name(std::size_t i) { return "requirement " + std::to_string(i); }
std::string dependency_name(std::size_t i) { return "dependency " + std::to_string(i); }

// The same bound as parse_duration's for JSON models: 0 to 100 years. `what` is "dependency"
// or "requirement", `field` e.g. "tolerance"; the name is built only for an error (this runs
// for every edge of a 10^7-edge file).
void check_duration(Reader& r, std::int64_t seconds, const char* what, std::size_t i,
                    const char* field) {
  if (seconds >= 0 && seconds <= kMaxDuration.seconds) return;
  const std::string name = std::string(what) + " " + std::to_string(i) + ": " + field;
  if (seconds < 0) r.fail(name + " is negative");
  r.fail(name + " is longer than 100 years (" + std::to_string(seconds) + " s)");
}

// A table of distinct strings (jurisdictions or tags), each a u32 length and its bytes.
std::vector<std::string> read_string_table(Reader& r, std::uint32_t count, const char* what,
                                           bool (*valid)(std::string_view),
                                           const char* valid_rule) {
  // Each entry takes at least its 4-byte length.
  if (count > r.left() / 4) r.fail(std::string("truncated file while reading ") + what);
  std::vector<std::string> table;
  table.reserve(count);
  std::unordered_set<std::string> seen;
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::uint64_t at = r.offset();
    std::string s = r.string(what);
    r.point_at(at);
    if (valid != nullptr && !valid(s))
      r.fail(std::string(what) + " " + model::quoted(s) + ": " + valid_rule);
    if (!seen.insert(s).second) r.fail(std::string("duplicate ") + what + " " + model::quoted(s));
    table.push_back(std::move(s));
  }
  return table;
}

bool valid_jurisdiction_entry(std::string_view code) {
  // "" is the jurisdiction of entities that name none, as in a JSON model.
  return code.empty() || is_valid_jurisdiction(code);
}

CompactModel read_columns(ByteSource& source, const std::string& file, std::uint64_t size) {
  Reader r(source, file, size);
  char magic[8];
  r.bytes(magic, sizeof magic, "the magic bytes");
  if (std::memcmp(magic, kCompactMagic, sizeof magic) != 0) {
    r.fail("not an msout compact model (bad magic)");
  }
  const auto n = r.value<std::uint64_t>("the entity count");
  const auto req_count = r.value<std::uint64_t>("the requirement count");
  const auto edge_count = r.value<std::uint64_t>("the dependency count");
  const auto blob_size = r.value<std::uint64_t>("the id size");
  r.point_at(8);
  if (n == 0) r.fail("no entities: a model needs at least one");
  // Indexes are 32 bits wide.
  if (n >= UINT32_MAX || req_count >= UINT32_MAX || edge_count >= UINT32_MAX ||
      blob_size >= UINT32_MAX) {
    r.fail("counts too large (each must be below 2^32 - 1)");
  }
  CompactModel m;
  EntityTable& t = m.entities;
  const auto jur_count = r.value<std::uint32_t>("the jurisdiction count");
  if (jur_count > 65536) r.fail("more than 65536 jurisdictions");
  t.jurisdictions = read_string_table(r, jur_count, "jurisdiction", valid_jurisdiction_entry,
                                      "use a code in capitals such as US, NL, EU, CN");
  const auto tag_count = r.value<std::uint32_t>("the tag count");
  if (tag_count > EntityTable::kMaxTags) r.fail("more than 64 tags");
  t.tag_names = read_string_table(r, tag_count, "tag", nullptr, "");

  // Every column's size follows from the counts: check them against the file before
  // allocating anything for the columns (the counts are below 2^32: no overflow).
  const std::uint64_t expected = n * kEntityBytes + kFixedColumnBytes + blob_size +
                                 req_count * kRequirementBytes + edge_count * kDependencyBytes;
  if (expected != r.left()) {
    r.point_at(r.offset());
    r.fail(std::string(expected > r.left() ? "truncated file" : "trailing bytes") +
           ": the counts (" + std::to_string(n) + " entities, " + std::to_string(req_count) +
           " requirements, " + std::to_string(edge_count) + " dependencies, " +
           std::to_string(blob_size) + " id bytes) need " + std::to_string(expected) +
           " bytes after the string tables, the file has " + std::to_string(r.left()));
  }
  if (req_count > FrozenEdge::kMaxRequirements) {  // an edge keeps its requirement in 31 bits
    r.point_at(16);
    r.fail("too many requirements (" + std::to_string(req_count) + "; at most 2^31 - 1)");
  }

  t.kind.resize(n);
  r.column<std::uint8_t>(n, "entity kinds", [&](std::size_t i, std::uint8_t v) {
    if (v > 3) r.fail(entity_name(i) + ": bad kind " + std::to_string(v));
    t.kind[i] = static_cast<EntityKind>(v);
  });
  t.jurisdiction.resize(n);
  r.column<std::uint16_t>(n, "jurisdictions", [&](std::size_t i, std::uint16_t v) {
    if (v >= jur_count) r.fail(entity_name(i) + ": jurisdiction index out of range");
    t.jurisdiction[i] = v;
  });
  t.tags.resize(n);
  r.column<std::uint64_t>(n, "tags", [&](std::size_t i, std::uint64_t v) {
    if (tag_count < 64 && (v >> tag_count) != 0) r.fail(entity_name(i) + ": unknown tag bit");
    t.tags[i] = v;
  });
  t.people.resize(n);
  r.column<std::uint64_t>(n, "people", [&](std::size_t i, std::uint64_t v) { t.people[i] = v; });
  t.id_offsets.assign(n + 1, 0);
  r.column<std::uint32_t>(n + 1, "id offsets", [&](std::size_t i, std::uint32_t v) {
    if ((i == 0 && v != 0) || (i > 0 && v < t.id_offsets[i - 1]) || v > blob_size) {
      r.fail("id offset " + std::to_string(i) + " out of order");
    }
    t.id_offsets[i] = v;
  });
  if (t.id_offsets[n] != blob_size) r.fail("id offsets do not cover the ids");
  const std::uint64_t ids_at = r.offset();
  t.id_blob.resize(blob_size);
  r.bytes(t.id_blob.data(), blob_size, "the ids");
  // The JSON loader's rules for ids: the same syntax, no duplicates.
  std::unordered_map<std::string_view, std::uint32_t> first_of;
  first_of.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::string_view id = t.id(i);
    r.point_at(ids_at + t.id_offsets[i]);
    if (!is_valid_id(id)) {
      r.fail(entity_name(i) + ": invalid id " + model::quoted(id) +
             " (use lower-case letters, digits, '.', '_', '-')");
    }
    if (auto [it, inserted] = first_of.emplace(id, i); !inserted) {
      r.fail(entity_name(i) + ": duplicate id " + model::quoted(id) + " (first defined by " +
             entity_name(it->second) + ")");
    }
  }

  IndexArray offsets(n + 1);
  r.column<std::uint32_t>(n + 1, "requirement offsets", [&](std::size_t i, std::uint32_t v) {
    if ((i == 0 && v != 0) || (i > 0 && v < offsets[i - 1]) || v > req_count) {
      r.fail("requirement offset " + std::to_string(i) + " out of order");
    }
    offsets[i] = v;
  });
  if (offsets[n] != req_count) r.fail("requirement offsets do not cover the requirements");
  RequirementArray reqs(req_count);
  r.column<std::uint32_t>(req_count, "requirement first edges",
                          [&](std::size_t i, std::uint32_t v) { reqs[i].first_edge = v; });
  r.column<std::uint32_t>(req_count, "requirement end edges", [&](std::size_t i, std::uint32_t v) {
    if (v < reqs[i].first_edge || v > edge_count ||
        (i > 0 && reqs[i].first_edge != reqs[i - 1].end_edge) ||
        (i == 0 && reqs[i].first_edge != 0)) {
      r.fail(requirement_name(i) + ": dependency range out of order");
    }
    if (v == reqs[i].first_edge) r.fail(requirement_name(i) + ": empty group: needs a member");
    reqs[i].end_edge = v;
  });
  if ((req_count > 0 ? reqs.back().end_edge : 0) != edge_count) {
    r.fail("the requirements do not cover the dependencies");
  }
  r.column<std::uint32_t>(req_count, "requirement k", [&](std::size_t i, std::uint32_t v) {
    const std::uint32_t members = reqs[i].end_edge - reqs[i].first_edge;
    if (v == 0) r.fail(requirement_name(i) + ": k must be at least 1");
    if (v > members) {
      r.fail(requirement_name(i) + ": k = " + std::to_string(v) +
             " is larger than n = " + std::to_string(members) + " members");
    }
    reqs[i].k = v;
  });
  r.column<std::uint8_t>(req_count, "requirement gates", [&](std::size_t i, std::uint8_t v) {
    const std::uint32_t members = reqs[i].end_edge - reqs[i].first_edge;
    if (v > 2) r.fail(requirement_name(i) + ": bad gate " + std::to_string(v));
    const auto gate = static_cast<Gate>(v);
    if (gate == Gate::kSingle && members != 1) {
      r.fail(requirement_name(i) + ": a single dependency has " + std::to_string(members) +
             " members");
    }
    if (gate == Gate::kAny && reqs[i].k != 1) {
      r.fail(requirement_name(i) + ": an any group needs k = 1, found " +
             std::to_string(reqs[i].k));
    }
    reqs[i].gate = gate;
  });
  r.column<std::uint8_t>(req_count, "requirement effects", [&](std::size_t i, std::uint8_t v) {
    if (v != 1 && v != 2) r.fail(requirement_name(i) + ": bad effect " + std::to_string(v));
    reqs[i].effect = static_cast<Effect>(v);
  });
  r.column<std::int64_t>(req_count, "switchovers", [&](std::size_t i, std::int64_t v) {
    check_duration(r, v, "requirement", i, "switchover");
    if (v != 0 && reqs[i].gate != Gate::kAny) {
      r.fail(requirement_name(i) + ": only an any group has a switchover");
    }
    reqs[i].switchover = saturate_seconds(v);
  });
  EdgeArray edges(edge_count);
  r.column<std::uint32_t>(edge_count, "edge dependencies", [&](std::size_t i, std::uint32_t v) {
    if (v >= n) {
      r.fail(dependency_name(i) + ": entity index " + std::to_string(v) + " out of range (" +
             std::to_string(n) + " entities)");
    }
    edges[i].dependency = v;
  });
  // Requirements are in entity order and their dependencies in requirement order: walk both
  // alongside the dependencies to know whose each one is.
  std::uint32_t owner = 0;
  std::uint32_t requirement = 0;
  r.column<std::uint32_t>(edge_count, "edge owners", [&](std::size_t i, std::uint32_t v) {
    while (reqs[requirement].end_edge <= i) ++requirement;
    while (offsets[owner + 1] <= requirement) ++owner;
    if (v != owner) {
      r.fail(dependency_name(i) + ": owner " + std::to_string(v) + " is not its requirement's " +
             entity_name(owner));
    }
    edges[i].owner = v;
  });
  r.column<std::int64_t>(edge_count, "tolerances", [&](std::size_t i, std::int64_t v) {
    check_duration(r, v, "dependency", i, "tolerance");
    edges[i].tolerance = saturate_seconds(v);
  });
  r.column<std::int64_t>(edge_count, "recoveries", [&](std::size_t i, std::int64_t v) {
    check_duration(r, v, "dependency", i, "recovery");
    edges[i].recovery = saturate_seconds(v);
  });
  r.column<std::uint8_t>(edge_count, "edge flags", [&](std::size_t i, std::uint8_t v) {
    if (v > 1) r.fail(dependency_name(i) + ": bad flags " + std::to_string(v));
    edges[i].set_degraded_propagates(v == 1);
  });
  m.graph = FrozenGraph::from_parts(std::move(offsets), std::move(reqs), std::move(edges));
  return m;
}

// Opens `path` for reading after check_regular_input's checks (never blocks on a FIFO) and
// checks through the descriptor that it is the regular file of that size.
int open_regular(const std::filesystem::path& path, std::uint64_t& size) {
  size = check_regular_input(path, UINTMAX_MAX);
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    throw IoError(printable(path.string()) + ": cannot open for reading: " + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw IoError(printable(path.string()) + ": is not a regular file");
  }
  size = static_cast<std::uint64_t>(st.st_size);
  return fd;
}

// Closes the descriptor on every way out.
struct Closer {
  int fd;
  ~Closer() { ::close(fd); }
};

}  // namespace

bool is_compact_file(const std::filesystem::path& path) {
  std::uint64_t size = 0;
  int fd = -1;
  try {
    fd = open_regular(path, size);
  } catch (const IoError&) {
    return false;  // not a readable regular file: the caller's other loader says why
  }
  const Closer file{fd};
  if (size < sizeof kCompactMagic) return false;
  char magic[sizeof kCompactMagic] = {};
  FileBytes(file.fd, printable(path.string())).read(magic, sizeof magic);
  return std::memcmp(magic, kCompactMagic, sizeof magic) == 0;
}

void write_compact(const std::filesystem::path& path, const EntityTable& t, const FrozenGraph& g) {
  write_output_file(path, [&](std::ostream& out) {
    Writer w(out);
    const std::size_t n = t.size();
    const auto reqs = g.all_requirements();
    const auto edges = g.all_edges();
    w.bytes(kCompactMagic, sizeof kCompactMagic);
    w.value<std::uint64_t>(n);
    w.value<std::uint64_t>(reqs.size());
    w.value<std::uint64_t>(edges.size());
    w.value<std::uint64_t>(t.id_blob.size());
    w.value<std::uint32_t>(static_cast<std::uint32_t>(t.jurisdictions.size()));
    for (const std::string& s : t.jurisdictions) w.string(s);
    w.value<std::uint32_t>(static_cast<std::uint32_t>(t.tag_names.size()));
    for (const std::string& s : t.tag_names) w.string(s);
    w.column<std::uint8_t>(n, [&](std::size_t i) { return static_cast<std::uint8_t>(t.kind[i]); });
    w.column<std::uint16_t>(n, [&](std::size_t i) { return t.jurisdiction[i]; });
    w.column<std::uint64_t>(n, [&](std::size_t i) { return t.tags[i]; });
    w.column<std::uint64_t>(n, [&](std::size_t i) { return t.people[i]; });
    w.column<std::uint32_t>(n + 1, [&](std::size_t i) { return t.id_offsets[i]; });
    w.bytes(t.id_blob.data(), t.id_blob.size());
    const auto offsets = g.requirement_offsets();
    w.column<std::uint32_t>(n + 1, [&](std::size_t i) { return offsets[i]; });
    w.column<std::uint32_t>(reqs.size(), [&](std::size_t i) { return reqs[i].first_edge; });
    w.column<std::uint32_t>(reqs.size(), [&](std::size_t i) { return reqs[i].end_edge; });
    w.column<std::uint32_t>(reqs.size(), [&](std::size_t i) { return reqs[i].k; });
    w.column<std::uint8_t>(reqs.size(),
                           [&](std::size_t i) { return static_cast<std::uint8_t>(reqs[i].gate); });
    w.column<std::uint8_t>(
        reqs.size(), [&](std::size_t i) { return static_cast<std::uint8_t>(reqs[i].effect); });
    w.column<std::int64_t>(reqs.size(), [&](std::size_t i) { return reqs[i].switchover; });
    w.column<std::uint32_t>(edges.size(), [&](std::size_t i) { return edges[i].dependency; });
    w.column<std::uint32_t>(edges.size(), [&](std::size_t i) { return edges[i].owner; });
    w.column<std::int64_t>(edges.size(), [&](std::size_t i) { return edges[i].tolerance; });
    w.column<std::int64_t>(edges.size(), [&](std::size_t i) { return edges[i].recovery; });
    w.column<std::uint8_t>(edges.size(),
                           [&](std::size_t i) { return edges[i].degraded_propagates() ? 1 : 0; });
  });
}

CompactModel read_compact(const std::filesystem::path& path) {
  std::uint64_t size = 0;
  const Closer file{open_regular(path, size)};
  const std::string name = printable(path.string());
  FileBytes bytes(file.fd, name);
  return read_columns(bytes, name, size);
}

CompactModel parse_compact(std::string_view bytes, const std::string& file) {
  MemoryBytes source(bytes);
  return read_columns(source, file, bytes.size());
}

}  // namespace msout::model
