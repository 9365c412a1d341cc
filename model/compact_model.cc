#include "model/compact_model.h"

#include <cstring>
#include <fstream>
#include <functional>
#include <string>

#include "model/diagnostics.h"
#include "model/whole_file.h"

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

class Reader {
 public:
  Reader(std::ifstream& in, std::string file, std::uint64_t size)
      : in_(in), file_(std::move(file)), size_(size) {}

  [[noreturn]] void fail(const std::string& message) const {
    throw InputError({{file_, "byte " + std::to_string(offset_), message}});
  }
  void bytes(void* data, std::size_t n, const char* what) {
    if (n > size_ - offset_) fail(std::string("truncated file while reading ") + what);
    in_.read(static_cast<char*>(data), static_cast<std::streamsize>(n));
    if (!in_) throw IoError(file_ + ": read error");
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
    std::string s(n, '\0');
    bytes(s.data(), n, what);
    return s;
  }
  // Reads a column of n values of T, calling put(i, v) for each.
  template <class T, class Put>
  void column(std::size_t n, const char* what, Put put) {
    if (n > (size_ - offset_) / sizeof(T))
      fail(std::string("truncated file while reading ") + what);
    std::vector<T> buffer(std::min(n, kChunk));
    for (std::size_t done = 0; done < n;) {
      const std::size_t count = std::min(kChunk, n - done);
      bytes(buffer.data(), count * sizeof(T), what);
      for (std::size_t i = 0; i < count; ++i) put(done + i, buffer[i]);
      done += count;
    }
  }
  std::uint64_t offset() const { return offset_; }

 private:
  std::ifstream& in_;
  std::string file_;
  std::uint64_t size_;
  std::uint64_t offset_ = 0;
};

}  // namespace

bool is_compact_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[8] = {};
  in.read(magic, sizeof magic);
  return in && std::memcmp(magic, kCompactMagic, sizeof magic) == 0;
}

void write_compact(const std::filesystem::path& path, const EntityTable& t, const FrozenGraph& g) {
  write_whole_file(path, [&](std::ostream& out) {
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
                           [&](std::size_t i) { return edges[i].degraded_propagates ? 1 : 0; });
  });
}

CompactModel read_compact(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw IoError(path.string() + ": cannot read: " + ec.message());
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path.string() + ": cannot open for reading");
  Reader r(in, path.string(), size);
  char magic[8];
  r.bytes(magic, sizeof magic, "the magic bytes");
  if (std::memcmp(magic, kCompactMagic, sizeof magic) != 0)
    r.fail("not an msout compact model (bad magic)");
  const auto n = r.value<std::uint64_t>("the entity count");
  const auto req_count = r.value<std::uint64_t>("the requirement count");
  const auto edge_count = r.value<std::uint64_t>("the edge count");
  const auto blob_size = r.value<std::uint64_t>("the id size");
  if (n >= UINT32_MAX || req_count >= UINT32_MAX || edge_count >= UINT32_MAX ||
      blob_size >= UINT32_MAX) {
    r.fail("counts too large");
  }
  CompactModel m;
  EntityTable& t = m.entities;
  const auto jur_count = r.value<std::uint32_t>("the jurisdiction count");
  if (jur_count > 65535) r.fail("too many jurisdictions");
  for (std::uint32_t i = 0; i < jur_count; ++i)
    t.jurisdictions.push_back(r.string("a jurisdiction"));
  const auto tag_count = r.value<std::uint32_t>("the tag count");
  if (tag_count > EntityTable::kMaxTags) r.fail("more than 64 tags");
  for (std::uint32_t i = 0; i < tag_count; ++i) t.tag_names.push_back(r.string("a tag"));

  t.kind.resize(n);
  r.column<std::uint8_t>(n, "entity kinds", [&](std::size_t i, std::uint8_t v) {
    if (v > 3) r.fail("entity " + std::to_string(i) + ": bad kind " + std::to_string(v));
    t.kind[i] = static_cast<EntityKind>(v);
  });
  t.jurisdiction.resize(n);
  r.column<std::uint16_t>(n, "jurisdictions", [&](std::size_t i, std::uint16_t v) {
    if (v >= jur_count) r.fail("entity " + std::to_string(i) + ": jurisdiction index out of range");
    t.jurisdiction[i] = v;
  });
  t.tags.resize(n);
  r.column<std::uint64_t>(n, "tags", [&](std::size_t i, std::uint64_t v) {
    if (tag_count < 64 && (v >> tag_count) != 0)
      r.fail("entity " + std::to_string(i) + ": unknown tag bit");
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
  t.id_blob.resize(blob_size);
  r.bytes(t.id_blob.data(), blob_size, "the ids");

  std::vector<std::uint32_t> offsets(n + 1);
  r.column<std::uint32_t>(n + 1, "requirement offsets", [&](std::size_t i, std::uint32_t v) {
    if ((i == 0 && v != 0) || (i > 0 && v < offsets[i - 1]) || v > req_count) {
      r.fail("requirement offset " + std::to_string(i) + " out of order");
    }
    offsets[i] = v;
  });
  if (offsets[n] != req_count) r.fail("requirement offsets do not cover the requirements");
  std::vector<FrozenRequirement> reqs(req_count);
  r.column<std::uint32_t>(req_count, "requirement first edges",
                          [&](std::size_t i, std::uint32_t v) { reqs[i].first_edge = v; });
  r.column<std::uint32_t>(req_count, "requirement end edges", [&](std::size_t i, std::uint32_t v) {
    if (v < reqs[i].first_edge || v > edge_count ||
        (i > 0 && reqs[i].first_edge != reqs[i - 1].end_edge) ||
        (i == 0 && reqs[i].first_edge != 0)) {
      r.fail("requirement " + std::to_string(i) + ": edge range out of order");
    }
    reqs[i].end_edge = v;
  });
  if (req_count > 0 && reqs.back().end_edge != edge_count)
    r.fail("requirements do not cover the edges");
  r.column<std::uint32_t>(req_count, "requirement k", [&](std::size_t i, std::uint32_t v) {
    if (v == 0 || v > reqs[i].end_edge - reqs[i].first_edge)
      r.fail("requirement " + std::to_string(i) + ": bad k");
    reqs[i].k = v;
  });
  r.column<std::uint8_t>(req_count, "requirement gates", [&](std::size_t i, std::uint8_t v) {
    if (v > 2) r.fail("requirement " + std::to_string(i) + ": bad gate");
    reqs[i].gate = static_cast<Gate>(v);
  });
  r.column<std::uint8_t>(req_count, "requirement effects", [&](std::size_t i, std::uint8_t v) {
    if (v != 1 && v != 2) r.fail("requirement " + std::to_string(i) + ": bad effect");
    reqs[i].effect = static_cast<Effect>(v);
  });
  r.column<std::int64_t>(req_count, "switchovers", [&](std::size_t i, std::int64_t v) {
    if (v < 0) r.fail("requirement " + std::to_string(i) + ": negative switchover");
    reqs[i].switchover = saturate_seconds(v);
  });
  std::vector<FrozenEdge> edges(edge_count);
  r.column<std::uint32_t>(edge_count, "edge dependencies", [&](std::size_t i, std::uint32_t v) {
    if (v >= n) r.fail("edge " + std::to_string(i) + ": dependency out of range");
    edges[i].dependency = v;
  });
  r.column<std::uint32_t>(edge_count, "edge owners", [&](std::size_t i, std::uint32_t v) {
    if (v >= n) r.fail("edge " + std::to_string(i) + ": owner out of range");
    edges[i].owner = v;
  });
  r.column<std::int64_t>(edge_count, "tolerances", [&](std::size_t i, std::int64_t v) {
    if (v < 0) r.fail("edge " + std::to_string(i) + ": negative tolerance");
    edges[i].tolerance = saturate_seconds(v);
  });
  r.column<std::int64_t>(edge_count, "recoveries", [&](std::size_t i, std::int64_t v) {
    if (v < 0) r.fail("edge " + std::to_string(i) + ": negative recovery");
    edges[i].recovery = saturate_seconds(v);
  });
  r.column<std::uint8_t>(edge_count, "edge flags", [&](std::size_t i, std::uint8_t v) {
    if (v > 1) r.fail("edge " + std::to_string(i) + ": bad flags");
    edges[i].degraded_propagates = v == 1;
  });
  if (r.offset() != size) r.fail("trailing bytes after the last column");
  // Each requirement's edges belong to its entity.
  for (std::uint32_t v = 0; v < n; ++v) {
    for (std::uint32_t q = offsets[v]; q < offsets[v + 1]; ++q) {
      for (std::uint32_t e = reqs[q].first_edge; e < reqs[q].end_edge; ++e) {
        if (edges[e].owner != v)
          r.fail("edge " + std::to_string(e) + ": owner is not its requirement's entity");
      }
    }
  }
  m.graph = FrozenGraph::from_parts(std::move(offsets), std::move(reqs), std::move(edges));
  return m;
}

}  // namespace msout::model
