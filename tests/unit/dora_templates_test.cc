// Tests of model/import/dora_templates.h: a register's columns recognised by code (in the
// regulation's numbering or the EBA template's) or by label, and a header that cannot be
// read without guessing refused with its place.
#include "model/import/dora_templates.h"

#include <string>

#include <doctest/doctest.h>

#include "tests/unit/test_support.h"

namespace {

using msout::model::bind_dora_table;
using msout::model::CsvTable;
using msout::model::Diagnostics;
using msout::model::dora_template;
using msout::model::normalise_label;
using msout::model::parse_csv_table;
using msout::testing::dump;
using msout::testing::has;

const std::string kFile = "r/b_05.01.csv";

// Binds a B_05.01 table whose header is `header` and whose one row is `row`.
std::optional<msout::model::DoraTable> providers(const std::string& header, const std::string& row,
                                                 Diagnostics& diags) {
  CsvTable t = parse_csv_table(kFile, header + "\n" + row + "\n", diags);
  return bind_dora_table(dora_template("B_05.01"), std::move(t), diags);
}

}  // namespace

TEST_CASE("DoraTemplates.LabelNormalForm") {
  CHECK(normalise_label(
            "Country of the ICT third-party service provider\xE2\x80\x99s headquarters*") ==
        "country of the ict third party service providers headquarters");
  CHECK(normalise_label("  Rank ") == "rank");
}

TEST_CASE("DoraTemplates.RegulationNumbering") {
  // Every column of the regulation's B_05.01: the name is c0050, the country c0080.
  Diagnostics diags;
  auto t = providers("c0010,c0020,c0030,c0040,c0050,c0060,c0070,c0080,c0090,c0100,c0110,c0120",
                     "L1,LEI,,,Visa Europe Limited,,x212,eba_GA:GB,,,P1,LEI", diags);
  REQUIRE_MESSAGE(t, dump(diags.errors()));
  CHECK(t->cell(0, "provider_name") == "Visa Europe Limited");
  CHECK(t->cell(0, "hq_country") == "eba_GA:GB");
  CHECK(t->cell(0, "parent_id") == "P1");
}

TEST_CASE("DoraTemplates.EbaTemplateNumbering") {
  // The EBA's earlier Excel template: nine columns, the name c0030, the country c0050.
  Diagnostics diags;
  auto t = providers("c0010,c0020,c0030,c0040,c0050,c0060,c0070,c0080,c0090",
                     "L1,LEI,Visa Europe Limited,x212,GB,EUR,100,P1,LEI", diags);
  REQUIRE_MESSAGE(t, dump(diags.errors()));
  CHECK(t->cell(0, "provider_name") == "Visa Europe Limited");
  CHECK(t->cell(0, "hq_country") == "GB");
  CHECK(t->cell(0, "parent_id") == "P1");
}

TEST_CASE("DoraTemplates.RequiredColumnsDecideBetweenNumberings") {
  // c0010..c0050 cannot be the regulation's numbering (no c0080, the country): the EBA
  // template's, where c0050 is the country.
  Diagnostics diags;
  auto t = providers("c0010,c0020,c0030,c0040,c0050", "L1,LEI,Visa Europe Limited,x212,GB", diags);
  REQUIRE_MESSAGE(t, dump(diags.errors()));
  CHECK(t->cell(0, "provider_name") == "Visa Europe Limited");
  CHECK(t->cell(0, "hq_country") == "GB");
}

TEST_CASE("DoraTemplates.LabelsAndRegulationCodes") {
  Diagnostics diags;
  auto t = providers(
      "B_05.01.0010,Type of code to identify the ICT third-party service provider,"
      "c0050 Legal name of the ICT third-party service provider*,"
      "\"Country of the ICT third-party service provider's headquarters\",extra column",
      "L1,LEI,Visa Europe Limited,GB,ignored", diags);
  REQUIRE_MESSAGE(t, dump(diags.errors()));
  CHECK(t->cell(0, "provider_id") == "L1");
  CHECK(t->cell(0, "provider_name") == "Visa Europe Limited");
  CHECK(t->cell(0, "hq_country") == "GB");
  CHECK_FALSE(t->has("parent_id"));
  CHECK(t->cell(0, "parent_id").empty());
}

TEST_CASE("DoraTemplates.AmbiguousCodesAreRefused") {
  // These codes hold every column msout needs in both numberings (the name is c0050 and
  // the country c0080 in one, c0030 and c0050 in the other): msout does not guess.
  Diagnostics diags;
  auto t = providers("c0010,c0020,c0030,c0050,c0080", "L1,LEI,x,y,z", diags);
  CHECK_FALSE(t);
  CHECK_MESSAGE(has(diags.errors(), kFile, "B_05.01 header (line 1)", "fit both"),
                dump(diags.errors()));
}

TEST_CASE("DoraTemplates.HeaderErrors") {
  Diagnostics diags;
  auto t = providers(
      "c0010,Identification code of the ICT third-party service provider,c0080 Rank,B_06.01.0010",
      "a,b,c,d", diags);
  CHECK_FALSE(t);
  const auto& e = diags.errors();
  CHECK_MESSAGE(has(e, kFile,
                    "B_05.01 header (line 1), column 2 \"Identification code of the ICT "
                    "third-party service provider\"",
                    "a second column for"),
                dump(e));
  CHECK_MESSAGE(
      has(e, kFile, "B_05.01 header (line 1), column 4 \"B_06.01.0010\"", "a column of B_06.01"),
      dump(e));
  // "c0080 Rank": a label msout does not know for this table is not used, so the required
  // columns are missing; those are reported once the header has no other error.
  Diagnostics missing;
  CHECK_FALSE(providers("c0010,c0020", "a,b", missing));
  CHECK_MESSAGE(has(missing.errors(), kFile, "B_05.01 header (line 1)",
                    "no column c0050 \"Name of the ICT third-party service provider\""),
                dump(missing.errors()));
}

TEST_CASE("DoraTemplates.CodeAndLabelMustAgree") {
  Diagnostics diags;
  CHECK_FALSE(providers("c0010,c0020,c0060 Name of the ICT third-party service provider,c0080",
                        "a,b,c,d", diags));
  CHECK_MESSAGE(has(diags.errors(), kFile,
                    "B_05.01 header (line 1), column 3 \"c0060 Name of the ICT third-party "
                    "service provider\"",
                    "the code says c0060"),
                dump(diags.errors()));
}
