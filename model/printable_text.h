// Printable text: what msout echoes of its inputs (ids, names, paths, option values) on a
// terminal, in error messages and in tables.
//
// Input text is untrusted: an id may hold ESC sequences that retitle a terminal, a newline
// that forges an `error:` line, a NUL, invalid UTF-8, or 200 MB. printable() escapes every
// control character and invalid byte and shortens what is too long, so that one printed
// value is one short, harmless line. Valid UTF-8 beyond ASCII (ë, é, —) is kept as it is.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace msout::model {

// The longest value printed whole, in bytes; longer ones keep their start and say how long
// they were.
inline constexpr std::size_t kPrintableMaxBytes = 120;

// `text` with C0/C1 control characters and DEL written as \n, \t, \e, \xHH or \u{HHHH}
// (a backslash is written as it is), invalid UTF-8 bytes as \xHH, and cut after about
// `max_bytes` of output with "… (N bytes)". Never returns a newline or a control character.
std::string printable(std::string_view text, std::size_t max_bytes = kPrintableMaxBytes);

// printable() of `text` between double quotes: "id".
std::string quoted(std::string_view text, std::size_t max_bytes = kPrintableMaxBytes);

// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or code points above
// U+10FFFF): what an imported cell must be before it is written into JSON.
bool is_valid_utf8(std::string_view text);

// Escapes control characters and invalid bytes like printable() but never shortens: for a
// whole message whose parts were already shortened.
std::string escape_controls(std::string_view text);

}  // namespace msout::model
