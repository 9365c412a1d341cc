// Tests of the DORA Register of Information import (model/import/dora_register.h,
// dora_overlay.h, company_index.h): every bad register refused with its file, table, row and
// column; the mapping checked claim by claim on a small register; and a run on the patched
// model with hand-checked times.
#include <string>

#include <doctest/doctest.h>

#include "model/import/company_index.h"
#include "model/import/dora_overlay.h"
#include "model/import/dora_register.h"
#include "tests/unit/cascade_fixture.h"
#include "tests/unit/import_support.h"
#include "tests/unit/test_support.h"

namespace {

using msout::cascade::State;
using msout::model::company_words;
using msout::model::CompanyIndex;
using msout::model::CompanyMatch;
using msout::model::DoraRegister;
using msout::model::InputError;
using msout::model::Model;
using msout::model::OrderedJson;
using msout::model::ReportPackage;
using msout::testing::Changes;
using msout::testing::dump;
using msout::testing::has;
using msout::testing::imported_entity;
using msout::testing::inline_model;
using msout::testing::kHour;
using msout::testing::run_imported;

// LEIs with valid check digits (ISO 7064 MOD 97-10), made up for the tests.
const std::string kBank = "7245VOORBEELDBANK088";
const std::string kMicrosoft = "7245MSIRELANDOPS0037";
const std::string kCoreBank = "7245COREBANKCLOUD051";
const std::string kEuroStack = "7245EUROSTACKSAS0033";

// A small register: the bank; Microsoft (IaaS for F1, with EuroStack named as the
// alternative), CoreBank (SaaS for F1 and F2, on Microsoft as its subcontractor) and
// EuroStack; F1 with an RTO of 4 hours, F2 with 2.
struct Tables {
  std::string b_01_01 = "c0010,c0020,c0030\n" + kBank + ",Voorbeeldbank N.V.,eba_GA:NL\n";
  std::string b_05_01 =
      "c0010,c0020,c0030,c0040,c0050,c0060,c0070,c0080,c0090,c0100,c0110,c0120\n" + kMicrosoft +
      ",LEI,,,Microsoft Ireland Operations Limited,,x212,eba_GA:IE,,,,\n" + kCoreBank +
      ",LEI,,,CoreBank Cloud B.V.,,x212,eba_GA:NL,,,,\n" + kEuroStack +
      ",LEI,,,EuroStack Cloud SAS,,x212,eba_GA:FR,,,,\n";
  std::string b_05_02 =
      "c0010,c0020,c0030,c0040,c0050,c0060,c0070\n"
      "CA-2,eba_TA:S19," +
      kMicrosoft + ",LEI,2," + kCoreBank + ",LEI\n";
  std::string b_02_02 =
      "c0010,c0020,c0030,c0040,c0050,c0060,c0180\n"
      "CA-1," +
      kBank + "," + kMicrosoft +
      ",LEI,F1,eba_TA:S17,eba_ZZ:x797\n"
      "CA-2," +
      kBank + "," + kCoreBank +
      ",LEI,F1,eba_TA:S19,eba_ZZ:x797\n"
      "CA-2," +
      kBank + "," + kCoreBank + ",LEI,F2,S19,Low reliance\n";
  std::string b_06_01 =
      "c0010,c0030,c0050,c0080\n"
      "F1,Payments,eba_BT:x28,4\n"
      "F2,Reporting,eba_BT:x29,2\n";
  std::string b_07_01 =
      "c0010,c0020,c0040,c0110,c0120\n"
      "CA-1," +
      kMicrosoft + ",eba_TA:S17,eba_BT:x28,EuroStack Cloud SAS\n";

  ReportPackage package() const {
    ReportPackage p;
    p.origin = "bank.zip";
    p.archive = true;
    p.reports_dir = "reports/";
    p.csv_files = {{"b_01.01.csv", b_01_01}, {"b_05.01.csv", b_05_01}, {"b_05.02.csv", b_05_02},
                   {"b_02.02.csv", b_02_02}, {"b_06.01.csv", b_06_01}, {"b_07.01.csv", b_07_01}};
    return p;
  }
};

std::vector<msout::model::Diagnostic> errors_of(const Tables& t) {
  try {
    msout::model::read_dora_register(t.package());
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  FAIL("the register was accepted");
  return {};
}

const std::string kF = "bank.zip:reports/";

// The model the overlay is for: Microsoft's cloud region (a provider) and its mail (a
// service), with the company and, for the region, Microsoft Ireland's LEI.
Model small_model() {
  return inline_model(R"([
    {"id":"azure-a","name":"Azure A","kind":"provider","jurisdiction":"US",
     "company":"Microsoft","lei":")" +
                      kMicrosoft + R"("},
    {"id":"mail","name":"Mail","kind":"service","jurisdiction":"US","company":"Microsoft",
     "requires":[{"on":"azure-a"}]}])");
}

}  // namespace

TEST_CASE("DoraImport.Register.ReadsTheTables") {
  const DoraRegister reg = msout::model::read_dora_register(Tables{}.package());
  CHECK(reg.entity.lei == kBank);
  CHECK(reg.entity.country == "NL");
  REQUIRE(reg.providers.size() == 3);
  CHECK(reg.providers[0].name == "Microsoft Ireland Operations Limited");
  CHECK(reg.providers[0].hq_country == "IE");
  CHECK(reg.providers[0].id_is_lei);
  REQUIRE(reg.services.size() == 3);
  CHECK(reg.services[0].service_type.code() == "S17");
  CHECK(reg.services[2].reliance == msout::model::Reliance::kLow);
  REQUIRE(reg.functions.size() == 2);
  CHECK(reg.functions[0].rto_hours == 4.0);
  CHECK(reg.functions[0].critical == msout::model::Assessed::kYes);
  REQUIRE(reg.supply_chain.size() == 1);
  CHECK(reg.supply_chain[0].rank == 2);
  REQUIRE(reg.assessments.size() == 1);
  CHECK(reg.assessments[0].alternatives == std::vector<std::string>{"EuroStack Cloud SAS"});
  CHECK(reg.services[0].source.file == "bank.zip:reports/b_02.02.csv");
  CHECK(reg.services[0].source.where == "B_02.02 row 1 (line 2)");
  CHECK(reg.services[0].source.quote.find("\"c0060\" = eba_TA:S17") != std::string::npos);
}

TEST_CASE("DoraImport.Register.EveryErrorWithFileTableRowAndColumn") {
  Tables t;
  t.b_05_01 += kMicrosoft + ",LEI,,,Microsoft again,,x212,IE,,,,\n";      // duplicate key
  t.b_02_02 += "CA-9," + kBank + ",UNKNOWNPROVIDER,LEI,F1,S20,x797\n";    // FK, service type
  t.b_02_02 += "CA-8," + kBank + "," + kCoreBank + ",LEI,F9,S19,x797\n";  // unknown function
  t.b_06_01 += "F3,Other,x28,four hours\n";                               // non-numeric RTO
  const auto e = errors_of(t);
  CHECK_MESSAGE(has(e, kF + "b_05.01.csv", "B_05.01 row 4 (line 5), column \"c0010\"",
                    "duplicate provider: row 1 has the same key"),
                dump(e));
  CHECK_MESSAGE(has(e, kF + "b_02.02.csv", "B_02.02 row 4 (line 5), column \"c0030\"",
                    "provider \"UNKNOWNPROVIDER\" is not in B_05.01"),
                dump(e));
  CHECK_MESSAGE(has(e, kF + "b_02.02.csv", "B_02.02 row 4 (line 5), column \"c0060\"",
                    "unknown type of ICT services \"S20\""),
                dump(e));
  CHECK_MESSAGE(has(e, kF + "b_02.02.csv", "B_02.02 row 5 (line 6), column \"c0050\"",
                    "function \"F9\" is not in B_06.01"),
                dump(e));
  CHECK_MESSAGE(has(e, kF + "b_06.01.csv", "B_06.01 row 3 (line 4), column \"c0080\"",
                    "not a number of hours: \"four hours\""),
                dump(e));
  CHECK(e.size() == 5);
}

TEST_CASE("DoraImport.Register.MissingTablesAndColumns") {
  Tables t;
  t.b_06_01.clear();
  ReportPackage p = t.package();
  p.csv_files.erase("b_06.01.csv");
  p.csv_files["b_02.02.csv"] = "c0010,c0030,c0060\nCA-1,x,S17\n";  // no function identifier
  try {
    msout::model::read_dora_register(p);
    FAIL("accepted");
  } catch (const InputError& e) {
    CHECK_MESSAGE(
        has(e.diagnostics(), kF + "b_06.01.csv", "", "missing: the register has no table B_06.01"),
        dump(e.diagnostics()));
    CHECK_MESSAGE(has(e.diagnostics(), kF + "b_02.02.csv", "B_02.02 header (line 1)",
                      "no column c0050 \"Function identifier\""),
                  dump(e.diagnostics()));
  }
}

TEST_CASE("DoraImport.Register.SubcontractorNeedsItsRecipient") {
  Tables t;
  t.b_05_02 += "CA-2,S19," + kEuroStack + ",LEI,3,,\n";
  const auto e = errors_of(t);
  CHECK_MESSAGE(has(e, kF + "b_05.02.csv", "B_05.02 row 2 (line 3), column \"c0060\"",
                    "a subcontractor (rank above 1) names the provider it serves"),
                dump(e));
}

TEST_CASE("DoraImport.CompanyIndex.LeiThenNameNeverDisplayNames") {
  CHECK(company_words("Microsoft Ireland Operations Limited") ==
        std::vector<std::string>{"microsoft", "ireland", "operations"});
  CHECK(company_words("Worldline S.A.") == std::vector<std::string>{"worldline"});
  const Model m = inline_model(R"j([
    {"id":"a","name":"Visa (card scheme)","kind":"provider","company":"Visa"},
    {"id":"b","name":"Amazon cloud","kind":"provider","company":"Amazon Web Services"},
    {"id":"c","name":"Amazon shop","kind":"service","company":"Amazon"},
    {"id":"d","name":"Google Cloud","kind":"provider"}])j");
  const CompanyIndex index(m);
  CHECK(index.find("Visa Europe Limited", "").by == CompanyMatch::By::kName);
  CHECK(index.find("Visabank N.V.", "").by == CompanyMatch::By::kNone);
  // The longest company wins: AWS, not Amazon.
  const CompanyMatch aws = index.find("Amazon Web Services EMEA SARL", "");
  CHECK(aws.company == "Amazon Web Services");
  CHECK(aws.entities == std::vector<std::uint32_t>{1});
  // An entity without `company` is never matched by its display name.
  CHECK_FALSE(index.find("Google Ireland Limited", "").found());
}

TEST_CASE("DoraImport.Overlay.ClaimByClaim") {
  const Model model = small_model();
  const auto out =
      msout::model::dora_overlay(msout::model::read_dora_register(Tables{}.package()), model, {});
  const OrderedJson& doc = out.document;
  CHECK(out.org_id == "voorbeeldbank");
  CHECK(doc["format"] == "msout-overlay/1");

  const OrderedJson& bank = imported_entity(doc, "voorbeeldbank");
  CHECK(bank["kind"] == "organisation");
  CHECK(bank["lei"] == kBank);
  CHECK(bank["evidence"]["source"] == "bank.zip:reports/b_01.01.csv");
  CHECK(bank["evidence"]["confidence"] == "confirmed");

  // Microsoft Ireland: linked by its LEI (confirmed) to the model's only Microsoft provider
  // for its IaaS; the model's company gives the jurisdiction.
  const OrderedJson& ms = imported_entity(doc, "microsoft-ireland-operations");
  CHECK(ms["jurisdiction"] == "IE");  // no parent named: its own headquarters
  REQUIRE(ms["requires"].size() == 1);
  CHECK(ms["requires"][0]["on"] == "azure-a");
  CHECK(ms["requires"][0]["layer"] == "infra");
  CHECK(ms["requires"][0]["evidence"]["confidence"] == "confirmed");

  // CoreBank runs on Microsoft (B_05.02, rank 2): it requires Microsoft, without a layer.
  const OrderedJson& core = imported_entity(doc, "corebank-cloud");
  REQUIRE(core["requires"].size() == 1);
  CHECK(core["requires"][0]["on"] == "microsoft-ireland-operations");
  CHECK_FALSE(core["requires"][0].contains("layer"));
  CHECK(core["requires"][0]["evidence"]["source"] == "bank.zip:reports/b_05.02.csv");

  // F1: the bank by definition; Microsoft or EuroStack (switchover = the 4h RTO); CoreBank.
  const OrderedJson& f1 = imported_entity(doc, "voorbeeldbank-f1-payments");
  CHECK(f1["kind"] == "function");
  CHECK(f1["tags"] == OrderedJson::array({"dora-function", "critical-or-important"}));
  const OrderedJson& req = f1["requires"];
  REQUIRE(req.size() == 3);
  CHECK(req[0]["on"] == "voorbeeldbank");
  CHECK(req[0]["evidence"]["confidence"] == "definition");
  CHECK(req[1]["any"][0]["on"] == "microsoft-ireland-operations");
  CHECK(req[1]["any"][0]["layer"] == "infra");
  CHECK(req[1]["any"][1]["on"] == "eurostack-cloud");
  CHECK(req[1]["switchover"] == "4h");
  CHECK(req[1]["effect"] == "down");
  CHECK(req[1]["evidence"]["source"] == "bank.zip:reports/b_07.01.csv");
  CHECK(req[2]["on"] == "corebank-cloud");
  CHECK(req[2]["layer"] == "saas");
  CHECK(req[2]["effect"] == "down");

  // F2 relies on CoreBank only a little: degraded, not down.
  const OrderedJson& f2 = imported_entity(doc, "voorbeeldbank-f2-reporting");
  CHECK(f2["requires"][1]["effect"] == "degraded");
  CHECK(f2["tags"] == OrderedJson::array({"dora-function"}));
}

TEST_CASE("DoraImport.Overlay.NameMatchIsPresumedAndAChoiceWhenSeveral") {
  // No LEI in the model, two Microsoft providers: a name match, presumed, as a one_of.
  const Model model = inline_model(R"([
    {"id":"azure-a","name":"Azure A","kind":"provider","jurisdiction":"US","company":"Microsoft"},
    {"id":"azure-b","name":"Azure B","kind":"provider","jurisdiction":"US","company":"Microsoft"}])");
  const auto out =
      msout::model::dora_overlay(msout::model::read_dora_register(Tables{}.package()), model, {});
  const OrderedJson& ms = imported_entity(out.document, "microsoft-ireland-operations");
  const OrderedJson& link = ms["requires"][0];
  REQUIRE(link.contains("one_of"));
  CHECK(link["one_of"][0]["on"] == "azure-a");
  CHECK(link["one_of"][1]["on"] == "azure-b");
  CHECK(link["one_of"][0]["weight"] == 1);
  CHECK(link["evidence"]["confidence"] == "presumed");
  // Linked to a company of the model whose jurisdiction the model knows.
  CHECK(ms["jurisdiction"] == "IE");
}

TEST_CASE("DoraImport.Overlay.ParentDecidesTheJurisdiction") {
  Tables t;
  // CoreBank's ultimate parent is EuroStack (FR); Microsoft's is unknown to both sides.
  t.b_05_01 = "c0010,c0020,c0030,c0040,c0050,c0060,c0070,c0080,c0090,c0100,c0110,c0120\n" +
              kMicrosoft +
              ",LEI,,,Microsoft Ireland Operations Limited,,x212,IE,,,7245MSCORPPARENT0092,LEI\n" +
              kCoreBank + ",LEI,,,CoreBank Cloud B.V.,,x212,NL,,," + kEuroStack + ",LEI\n" +
              kEuroStack + ",LEI,,,EuroStack Cloud SAS,,x212,FR,,,,\n";
  const Model empty = inline_model("[]");
  const auto out =
      msout::model::dora_overlay(msout::model::read_dora_register(t.package()), empty, {});
  const OrderedJson& core = imported_entity(out.document, "corebank-cloud");
  CHECK(core["jurisdiction"] == "FR");
  CHECK(core["controlled_by"] == "EuroStack Cloud SAS (FR)");
  const OrderedJson& ms = imported_entity(out.document, "microsoft-ireland-operations");
  CHECK(ms["jurisdiction"] == "IE");
  CHECK(ms["assumptions"][0].get<std::string>().find("understates foreign control") !=
        std::string::npos);
  REQUIRE_FALSE(out.summary.checks.empty());
  CHECK(out.summary.checks.front().find("ultimate parent \"7245MSCORPPARENT0092\" unknown") !=
        std::string::npos);
}

TEST_CASE("DoraImport.Register.NamesBecomeOneLine") {
  Tables t;
  t.b_06_01 = "c0010,c0030,c0050,c0080\nF1,\"Pay\nments\xC2\x85 now\",x28,4\nF2,Reporting,x29,2\n";
  const DoraRegister reg = msout::model::read_dora_register(t.package());
  CHECK(reg.functions[0].name == "Pay ments  now");
}

TEST_CASE("DoraImport.Overlay.AnAlternativeNamedTwiceJoinsOnce") {
  Tables t;
  t.b_07_01 = "c0010,c0020,c0040,c0120\nCA-1," + kMicrosoft + ",S17,EuroStack Cloud SAS; " +
              kEuroStack + "\n";
  const auto out =
      msout::model::dora_overlay(msout::model::read_dora_register(t.package()), small_model(), {});
  const OrderedJson& group =
      imported_entity(out.document, "voorbeeldbank-f1-payments")["requires"][1];
  REQUIRE(group.contains("any"));
  CHECK(group["any"].size() == 2);
}

TEST_CASE("DoraImport.Overlay.OrgIdTakenIsAnError") {
  msout::model::ImportOptions options;
  options.org_id = "azure-a";
  CHECK_THROWS_AS(msout::model::dora_overlay(msout::model::read_dora_register(Tables{}.package()),
                                             small_model(), options),
                  InputError);
}

TEST_CASE("DoraImport.Run.HandChecked") {
  // azure-a down for good at 1h. Microsoft Ireland (on azure-a) goes down at 1h, and CoreBank
  // with it (its subcontractor). F1: its Microsoft group switches over to EuroStack in 4h
  // (the RTO), but CoreBank stays down, so F1 is down from 1h to the end. F2 relies on
  // CoreBank a little: degraded from 1h.
  const Model model = small_model();
  const OrderedJson overlay =
      msout::model::dora_overlay(msout::model::read_dora_register(Tables{}.package()), model, {})
          .document;
  const auto changes = [&](const std::string& id) {
    return run_imported(model, overlay, "azure-a", "1h", id);
  };
  CHECK(changes("microsoft-ireland-operations") == Changes{{kHour, State::kDown}});
  CHECK(changes("corebank-cloud") == Changes{{kHour, State::kDown}});
  CHECK(changes("voorbeeldbank-f1-payments") == Changes{{kHour, State::kDown}});
  CHECK(changes("voorbeeldbank-f2-reporting") == Changes{{kHour, State::kDegraded}});
  CHECK(changes("eurostack-cloud").empty());
}

TEST_CASE("DoraImport.Run.AlternativeTakesOverAfterTheRto") {
  // Without CoreBank, F1 needs only Microsoft or EuroStack: down from 1h, up again after the
  // 4h switchover, at 5h.
  Tables t;
  t.b_02_02 = "c0010,c0030,c0050,c0060,c0180\nCA-1," + kMicrosoft + ",F1,S17,x797\n";
  t.b_05_02 = "c0010,c0020,c0030,c0050\n";
  const Model model = small_model();
  const OrderedJson overlay =
      msout::model::dora_overlay(msout::model::read_dora_register(t.package()), model, {}).document;
  CHECK(run_imported(model, overlay, "azure-a", "1h", "voorbeeldbank-f1-payments") ==
        Changes{{kHour, State::kDown}, {5 * kHour, State::kUp}});
}
