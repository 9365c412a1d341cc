#include "model/json_document.h"

#include <set>
#include <vector>

namespace msout::model {
namespace {

using nlohmann::json;

std::string line_column(std::string_view text, std::size_t byte) {
  // nlohmann reports the 1-based position of the byte after the error; clamp to the text.
  const std::size_t end = std::min(byte == 0 ? 0 : byte - 1, text.size());
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Strips nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: "
// prefix: we print our own position.
std::string parse_error_reason(const std::string& what) {
  const std::size_t colon = what.find(": ");
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

// Tracks the JSON pointer of the value being parsed, to name duplicate keys.
class KeyTracker {
 public:
  explicit KeyTracker(std::vector<std::string>* duplicates) : duplicates_(duplicates) {}

  bool on_event(json::parse_event_t event, const json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
        enter_value();
        frames_.push_back({false, 0, {}, {}});
        break;
      case json::parse_event_t::array_start:
        enter_value();
        frames_.push_back({true, 0, {}, {}});
        break;
      case json::parse_event_t::key: {
        Frame& frame = frames_.back();
        frame.key = parsed.get<std::string>();
        if (!frame.keys.insert(frame.key).second) {
          duplicates_->push_back(pointer_append(pointer(frames_.size() - 1), frame.key));
        }
        break;
      }
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        frames_.pop_back();
        break;
      case json::parse_event_t::value:
        enter_value();
        break;
    }
    return true;
  }

 private:
  struct Frame {
    bool is_array;
    std::size_t next_index;
    std::string key;
    std::set<std::string> keys;
  };

  void enter_value() {
    if (!frames_.empty() && frames_.back().is_array) ++frames_.back().next_index;
  }

  // Pointer of the container at depth `depth` (0 = root).
  std::string pointer(std::size_t depth) const {
    std::string p;
    for (std::size_t i = 0; i + 1 <= depth && i < frames_.size(); ++i) {
      const Frame& f = frames_[i];
      p = f.is_array ? pointer_append(p, f.next_index - 1) : pointer_append(p, f.key);
    }
    return p;
  }

  std::vector<Frame> frames_;
  std::vector<std::string>* duplicates_;
};

}  // namespace

std::string pointer_append(std::string_view pointer, std::string_view token) {
  std::string out(pointer);
  out += '/';
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string pointer_append(std::string_view pointer, std::size_t index) {
  return std::string(pointer) + "/" + std::to_string(index);
}

std::optional<json> parse_json(const SourceText& source, Diagnostics& diags) {
  if (source.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    diags.error(source.name, "", "empty file, expected a JSON object");
    return std::nullopt;
  }
  std::vector<std::string> duplicates;
  KeyTracker tracker(&duplicates);
  json document;
  try {
    document = json::parse(source.text, [&tracker](int, json::parse_event_t event, json& parsed) {
      return tracker.on_event(event, parsed);
    });
  } catch (const json::parse_error& e) {
    diags.error(source.name, line_column(source.text, e.byte),
                "malformed JSON: " + parse_error_reason(e.what()));
    return std::nullopt;
  }
  // Reported, then checking goes on (with the last value) so that other errors show too.
  for (const std::string& pointer : duplicates) {
    diags.error(source.name, pointer, "duplicate key");
  }
  return document;
}

}  // namespace msout::model
