// Tests of model/json_document.h: parsing with line/column errors, numbers too large for a
// double, and duplicate keys named in linear time with a capped number of diagnostics.
#include "model/json_document.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "model/diagnostics.h"
#include "tests/unit/test_support.h"

namespace {

using msout::model::Diagnostics;
using msout::model::kMaxErrorsPerFile;
using msout::model::parse_json;
using msout::model::SourceText;
using msout::testing::dump;
using msout::testing::has;
using nlohmann::json;

TEST_CASE("JsonDocument.Parse.SameDocumentAsNlohmann") {
  const std::string text = R"({"a": [1, -2, 3.5, true, null, "x\u00eb"], "b": {"c": {}, "d": []},
    "e": [[1, [2, {"f": 18446744073709551615}]]], "g": "", "h": 1e300})";
  Diagnostics diags;
  const auto parsed = parse_json({"t.json", text}, diags);
  REQUIRE(parsed);
  CHECK_FALSE(diags.has_errors());
  CHECK(*parsed == json::parse(text));
  CHECK((*parsed)["e"][0][1][1]["f"].is_number_unsigned());
}

TEST_CASE("JsonDocument.Parse.ScalarAndArrayRoots") {
  Diagnostics diags;
  CHECK(*parse_json({"t.json", "[1, {\"a\": 2}]"}, diags) == json::parse("[1, {\"a\": 2}]"));
  CHECK(*parse_json({"t.json", "7"}, diags) == json(7));
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("JsonDocument.NumberTooLargeForDouble.FileAndLineColumn") {
  for (const std::string& number :
       std::vector<std::string>{"1e400", "-1e400", "1" + std::string(400, '0')}) {
    Diagnostics diags;
    const std::string text = "{\n  \"a\": [1,\n    " + number + "]\n}";
    CHECK_FALSE(parse_json({"big.json", text}, diags));
    INFO(dump(diags.errors()));
    REQUIRE(diags.errors().size() == 1);
    const auto& error = diags.errors().front();
    CHECK(error.file == "big.json");
    CHECK(error.where.starts_with("line 3, column "));
    CHECK(error.message.find("too large") != std::string::npos);
  }
}

TEST_CASE("JsonDocument.DuplicateKey.PointerOfTheRepeatedKey") {
  Diagnostics diags;
  const auto parsed =
      parse_json({"d.json", R"({"a": [0, {"b/c": {"x": 1, "x": 2}}], "a~": 1, "a~": 2})"}, diags);
  REQUIRE(parsed);
  INFO(dump(diags.errors()));
  CHECK(diags.errors().size() == 2);
  CHECK(has(diags.errors(), "d.json", "/a/1/b~1c/x", "duplicate key"));
  CHECK(has(diags.errors(), "d.json", "/a~0", "duplicate key"));
  CHECK((*parsed)["a"][1]["b/c"]["x"] == 2);  // the last value wins
}

// 10^5 nested objects, each repeating its key: the pointer construction was cubic and the
// messages quadratic (48 KB of JSON: 3.6 s and 16 MB of messages).
TEST_CASE("JsonDocument.DuplicateKey.NestedRepeatsLinearAndCapped") {
  constexpr std::size_t kDepth = 100'000;
  std::string text;
  for (std::size_t i = 0; i < kDepth; ++i) text += R"({"k": 1, "k": )";
  text += "1" + std::string(kDepth, '}');
  Diagnostics diags;
  REQUIRE(parse_json({"nested.json", text}, diags));
  const auto& errors = diags.errors();
  REQUIRE(errors.size() == kMaxErrorsPerFile + 1);
  std::size_t bytes = 0;
  for (const auto& error : errors) bytes += error.to_string().size();
  // The first 50 pointers are /k, /k/k, ... at most 100 bytes each, and one summary line.
  CHECK(bytes < 10'000);
  CHECK(errors[0].where == "/k");
  CHECK(errors[1].where == "/k/k");
  CHECK(errors.back().message.find("and " + std::to_string(kDepth - kMaxErrorsPerFile) +
                                   " more errors") != std::string::npos);
}

TEST_CASE("JsonDocument.DuplicateKey.WideRepeatsCapped") {
  std::string text = "{";
  for (int i = 0; i < 100'000; ++i) text += R"("same": 1, )";
  text += R"("same": 2})";
  Diagnostics diags;
  const auto parsed = parse_json({"wide.json", text}, diags);
  REQUIRE(parsed);
  CHECK((*parsed)["same"] == 2);
  REQUIRE(diags.errors().size() == kMaxErrorsPerFile + 1);
  CHECK(diags.errors().back().to_string() ==
        "wide.json: … and 99950 more errors (the first 50 are listed)");
}

}  // namespace
