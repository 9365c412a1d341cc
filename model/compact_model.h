// The compact model format: an EntityTable and a FrozenGraph as flat little-endian columns,
// for graphs of millions of entities that JSON serves poorly. Loading is a few large reads
// plus validation; a 10-million-edge graph loads in seconds.
//
// Layout (docs/compact-format.md): magic "MSOUTCG1"; counts; string tables; entity columns
// (kind, jurisdiction, tags, people, id offsets, id bytes); requirement offsets; requirement
// columns (first edge, end edge, k, gate, effect, switchover); edge columns (dependency,
// owner, tolerance, recovery, flags).
//
// The loader trusts nothing in the file: every count is checked against the bytes the file
// has before anything is allocated for it (a small file can never make it allocate much
// more than its own size), every index against its range, and the model against the rules
// of the JSON loader: ids valid and distinct, jurisdiction codes as in JSON, at least one
// entity, a single dependency with exactly one member, an any group with k = 1, 1 <= k <=
// members, durations from 0 to 100 years (model::kMaxDuration), a switchover only on an any
// group, each dependency owned by its requirement's entity.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "model/entity_table.h"
#include "model/frozen_graph.h"

namespace msout::model {

inline constexpr char kCompactMagic[8] = {'M', 'S', 'O', 'U', 'T', 'C', 'G', '1'};

struct CompactModel {
  EntityTable entities;
  FrozenGraph graph;
};

// True if `path` is a readable regular file that starts with the compact format's magic
// bytes. False for anything else — missing, a directory (a JSON model directory), a FIFO or
// a device, which is checked by check_regular_input() and neither read nor waited on — so
// that the caller's other loader reports what is wrong.
bool is_compact_file(const std::filesystem::path& path);

// Writes the file by the rules of model/output_file.h (whole or not at all). Throws IoError.
void write_compact(const std::filesystem::path& path, const EntityTable& entities,
                   const FrozenGraph& graph);

// Throws IoError (missing, unreadable, not a regular file) or InputError (truncated, bad
// magic, a count or index out of range, a rule broken), naming the file and the byte offset
// of the value at fault ("byte 24") with the field ("entity 3: invalid id ...").
CompactModel read_compact(const std::filesystem::path& path);

// The same from bytes in memory; `file` names them in errors.
CompactModel parse_compact(std::string_view bytes, const std::string& file);

}  // namespace msout::model
