// Parsing JSON text with errors a user can act on.
//
// parse_json() reports malformed JSON with line and column (a number too large for a double,
// such as 1e400, is malformed too), and rejects duplicate object keys (which nlohmann::json
// would silently collapse) with their JSON pointer. It takes time and memory linear in the
// text, whatever its nesting or repeats. Also: helpers that build JSON pointers for
// diagnostics.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/diagnostics.h"
#include "model/source_text.h"

namespace msout::model {

// Parses `source`; malformed JSON adds a diagnostic and returns nullopt. Duplicate keys add
// a diagnostic each (the first kMaxErrorsPerFile, then a count) but still return the
// document (the last value wins), so that callers can report the file's other errors as well.
std::optional<nlohmann::json> parse_json(const SourceText& source, Diagnostics& diags);

// `pointer` + "/" + escaped `token` (RFC 6901).
std::string pointer_append(std::string pointer, std::string_view token);
std::string pointer_append(std::string pointer, std::size_t index);

}  // namespace msout::model
