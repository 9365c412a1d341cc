#include "model/printable_text.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace msout::model {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 if the byte there does not
// start one (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i, std::uint32_t& code) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  if (lead < 0x80) {
    code = lead;
    return 1;
  }
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code = lead & 0x07u;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xC0u) != 0x80u) return 0;
    code = (code << 6) | (byte(k) & 0x3Fu);
  }
  if ((length == 3 && code < 0x800) || (length == 4 && code < 0x10000) || code > 0x10FFFF ||
      (code >= 0xD800 && code <= 0xDFFF)) {
    return 0;
  }
  return length;
}

void append_hex_byte(std::string& out, unsigned char c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
  out += buffer;
}

// Appends the escaped form of the character at text[i] and returns how many input bytes it
// took.
std::size_t append_escaped(std::string& out, std::string_view text, std::size_t i) {
  std::uint32_t code = 0;
  const std::size_t length = utf8_sequence_length(text, i, code);
  if (length == 0) {
    append_hex_byte(out, static_cast<unsigned char>(text[i]));
    return 1;
  }
  if (length == 1) {
    const char c = text[i];
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\x1b':
        out += "\\e";
        break;
      default:
        if (code < 0x20 || code == 0x7F) {
          append_hex_byte(out, static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
    return 1;
  }
  // C1 controls (U+0080..U+009F) and the line and paragraph separators act on terminals too.
  if ((code >= 0x80 && code <= 0x9F) || code == 0x2028 || code == 0x2029) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "\\u{%04X}", static_cast<unsigned>(code));
    out += buffer;
  } else {
    out.append(text.substr(i, length));
  }
  return length;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  std::uint32_t code = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_sequence_length(text, i, code);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

std::string printable(std::string_view text, std::size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes) + 8);
  std::size_t i = 0;
  while (i < text.size() && out.size() < max_bytes) i += append_escaped(out, text, i);
  if (i < text.size()) out += "… (" + std::to_string(text.size()) + " bytes)";
  return out;
}

std::string quoted(std::string_view text, std::size_t max_bytes) {
  return "\"" + printable(text, max_bytes) + "\"";
}

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) i += append_escaped(out, text, i);
  return out;
}

}  // namespace msout::model
