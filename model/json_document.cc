#include "model/json_document.h"

#include <unordered_set>
#include <vector>

#include "model/printable_text.h"

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

// Builds the document from nlohmann's SAX events (as its own DOM parser does, the last of
// repeated keys winning) and keeps the JSON pointer of the container being read, so that a
// duplicate key is named in time linear in the input: the pointer grows and shrinks with
// the nesting instead of being rebuilt for each duplicate, and only the first
// kMaxErrorsPerFile duplicates are spelled out (the rest are counted).
class DocumentBuilder {
 public:
  bool null() { return add(nullptr); }
  bool boolean(bool value) { return add(value); }
  bool number_integer(json::number_integer_t value) { return add(value); }
  bool number_unsigned(json::number_unsigned_t value) { return add(value); }
  bool number_float(json::number_float_t value, const json::string_t&) { return add(value); }
  bool string(json::string_t& value) { return add(std::move(value)); }
  bool binary(json::binary_t& value) { return add(std::move(value)); }
  bool start_object(std::size_t) { return open(json::value_t::object, false); }
  bool start_array(std::size_t) { return open(json::value_t::array, true); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(json::string_t& key) {
    Frame& frame = frames_.back();
    if (!frame.keys.insert(key).second) {
      if (duplicates_.size() < kMaxErrorsPerFile) {
        duplicates_.push_back(pointer_append(path_, key));
      } else {
        ++unlisted_duplicates_;
      }
    }
    frame.key = std::move(key);
    slot_ = &(*containers_.back())[frame.key];
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& error) {
    error_position_ = position;
    if (error.id == 406) {
      // The only out_of_range the parser raises: a number beyond the range of a double.
      error_reason_ = "number " + printable(last_token) +
                      " is too large (the largest a JSON number may be here is about 1.8e308)";
    } else {
      error_reason_ = parse_error_reason(error.what());
    }
    return false;
  }

  json& document() { return root_; }
  bool failed() const { return !error_reason_.empty(); }
  std::size_t error_position() const { return error_position_; }
  const std::string& error_reason() const { return error_reason_; }
  const std::vector<std::string>& duplicates() const { return duplicates_; }
  std::size_t unlisted_duplicates() const { return unlisted_duplicates_; }

 private:
  struct Frame {
    bool is_array = false;
    std::size_t next_index = 0;
    std::size_t parent_path_length = 0;  // path_ is cut back to this when the frame closes
    std::string key;
    std::unordered_set<std::string> keys;
  };

  // Places `value` where the next value goes; returns it.
  template <typename Value>
  json* place(Value&& value) {
    if (containers_.empty()) {
      root_ = json(std::forward<Value>(value));
      return &root_;
    }
    if (frames_.back().is_array) {
      containers_.back()->emplace_back(std::forward<Value>(value));
      return &containers_.back()->back();
    }
    *slot_ = json(std::forward<Value>(value));
    return slot_;
  }

  template <typename Value>
  bool add(Value&& value) {
    if (!frames_.empty() && frames_.back().is_array) ++frames_.back().next_index;
    place(std::forward<Value>(value));
    return true;
  }

  bool open(json::value_t type, bool is_array) {
    Frame frame;
    frame.is_array = is_array;
    frame.parent_path_length = path_.size();
    if (!frames_.empty()) {
      Frame& parent = frames_.back();
      if (parent.is_array) {
        path_ = pointer_append(std::move(path_), parent.next_index++);
      } else {
        path_ = pointer_append(std::move(path_), parent.key);
      }
    }
    containers_.push_back(place(type));
    frames_.push_back(std::move(frame));
    return true;
  }

  bool close() {
    path_.resize(frames_.back().parent_path_length);
    frames_.pop_back();
    containers_.pop_back();
    return true;
  }

  json root_;
  std::vector<json*> containers_;  // the open objects and arrays, outermost first
  std::vector<Frame> frames_;      // one per open container
  json* slot_ = nullptr;           // the member of the innermost object the next value fills
  std::string path_;               // JSON pointer of the innermost open container
  std::vector<std::string> duplicates_;
  std::size_t unlisted_duplicates_ = 0;
  std::size_t error_position_ = 0;
  std::string error_reason_;
};

}  // namespace

std::string pointer_append(std::string pointer, std::string_view token) {
  pointer.reserve(pointer.size() + token.size() + 1);
  pointer += '/';
  for (char c : token) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
  return pointer;
}

std::string pointer_append(std::string pointer, std::size_t index) {
  pointer += '/';
  pointer += std::to_string(index);
  return pointer;
}

std::optional<json> parse_json(const SourceText& source, Diagnostics& diags) {
  if (source.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    diags.error(source.name, "", "empty file, expected a JSON object");
    return std::nullopt;
  }
  DocumentBuilder builder;
  json::sax_parse(source.text, &builder);
  if (builder.failed()) {
    diags.error(source.name, line_column(source.text, builder.error_position()),
                "malformed JSON: " + builder.error_reason());
    return std::nullopt;
  }
  // Reported, then checking goes on (with the last value) so that other errors show too.
  for (const std::string& pointer : builder.duplicates()) {
    diags.error(source.name, pointer, "duplicate key");
  }
  diags.unlisted_errors(source.name, builder.unlisted_duplicates());
  return std::move(builder.document());
}

}  // namespace msout::model
