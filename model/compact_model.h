// The compact model format: an EntityTable and a FrozenGraph as flat little-endian columns,
// for graphs of millions of entities that JSON serves poorly. Loading is a few large reads
// plus validation; a 10-million-edge graph loads in seconds.
//
// Layout (docs/compact-format.md): magic "MSOUTCG1"; counts; string tables; entity columns
// (kind, jurisdiction, tags, people, id offsets, id bytes); requirement offsets; requirement
// columns (first edge, end edge, k, gate, effect, switchover); edge columns (dependency,
// owner, tolerance, recovery, flags). Every index is checked on load.
#pragma once

#include <filesystem>

#include "model/entity_table.h"
#include "model/frozen_graph.h"

namespace msout::model {

inline constexpr char kCompactMagic[8] = {'M', 'S', 'O', 'U', 'T', 'C', 'G', '1'};

struct CompactModel {
  EntityTable entities;
  FrozenGraph graph;
};

// True if the file starts with the compact format's magic bytes.
bool is_compact_file(const std::filesystem::path& path);

// Writes the file whole or not at all (a temporary beside it, then renamed). Throws IoError.
void write_compact(const std::filesystem::path& path, const EntityTable& entities,
                   const FrozenGraph& graph);

// Throws IoError (unreadable) or InputError (truncated, bad magic, an index out of range),
// naming the file and the place.
CompactModel read_compact(const std::filesystem::path& path);

}  // namespace msout::model
