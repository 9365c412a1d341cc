// Tests of model/diagnostics.h: the per-file cap on listed diagnostics and the printed form.
#include "model/diagnostics.h"

#include <string>

#include <doctest/doctest.h>

#include "tests/unit/test_support.h"

namespace {

using msout::model::Diagnostic;
using msout::model::Diagnostics;
using msout::model::kDiagnosticMaxBytes;
using msout::model::kMaxErrorsPerFile;
using msout::testing::dump;

TEST_CASE("Diagnostics.Cap.FiftyErrorsPerFileThenOneSummary") {
  Diagnostics diags;
  for (int i = 0; i < 1000; ++i) diags.error("a.json", "/" + std::to_string(i), "bad");
  diags.error("b.json", "/x", "bad too");
  INFO(dump(diags.errors()));
  REQUIRE(diags.errors().size() == kMaxErrorsPerFile + 2);
  CHECK(diags.errors()[kMaxErrorsPerFile - 1].where == "/49");
  CHECK(diags.errors()[kMaxErrorsPerFile].to_string() ==
        "a.json: … and 950 more errors (the first 50 are listed)");
  CHECK(diags.errors().back().file == "b.json");  // another file has its own 50
  CHECK_FALSE(diags.lists_more_errors("a.json"));
  CHECK(diags.lists_more_errors("b.json"));
}

TEST_CASE("Diagnostics.Cap.OneMoreErrorIsSingular") {
  Diagnostics diags;
  for (std::size_t i = 0; i <= kMaxErrorsPerFile; ++i) diags.error("a.json", "", "bad");
  CHECK(diags.errors().back().message == "… and 1 more error (the first 50 are listed)");
}

TEST_CASE("Diagnostics.Cap.UnlistedErrorsJoinTheSummary") {
  Diagnostics diags;
  diags.unlisted_errors("a.json", 0);
  CHECK_FALSE(diags.has_errors());
  for (std::size_t i = 0; i < kMaxErrorsPerFile; ++i) diags.error("a.json", "", "bad");
  diags.unlisted_errors("a.json", 7);
  diags.error("a.json", "", "bad");
  REQUIRE(diags.errors().size() == kMaxErrorsPerFile + 1);
  CHECK(diags.errors().back().message.starts_with("… and 8 more errors"));
}

TEST_CASE("Diagnostics.Cap.AppendKeepsTheCapsAndCounts") {
  Diagnostics first;
  Diagnostics second;
  for (int i = 0; i < 40; ++i) first.error("a.json", "", "first");
  for (int i = 0; i < 70; ++i) second.error("a.json", "", "second");
  for (int i = 0; i < 60; ++i) second.warning("a.json", "", "warned");
  first.append(second);
  // 40 + 70 = 110 errors: 50 listed, 60 counted.
  REQUIRE(first.errors().size() == kMaxErrorsPerFile + 1);
  CHECK(first.errors().back().message.starts_with("… and 60 more errors"));
  REQUIRE(first.warnings().size() == kMaxErrorsPerFile + 1);
  CHECK(first.warnings().back().message.starts_with("… and 10 more warnings"));
}

TEST_CASE("Diagnostics.ToString.LongPlaceShortenedMessageKept") {
  const Diagnostic d{"m.json", "/" + std::string(100'000, 'k'), "unknown key"};
  const std::string text = d.to_string();
  CHECK(text.size() < kDiagnosticMaxBytes);
  CHECK(text.ends_with(": unknown key"));
}

TEST_CASE("Diagnostics.ToString.ControlCharactersEscaped") {
  const Diagnostic d{"m.json", "/entities/0/id", "invalid id \"a\nerror: forged\x1b]0;x\x07\""};
  const std::string text = d.to_string();
  CHECK(text.find('\n') == std::string::npos);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("\\nerror: forged\\e]0;x\\x07") != std::string::npos);
}

}  // namespace
