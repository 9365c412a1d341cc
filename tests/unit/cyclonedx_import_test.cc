// Tests of the CycloneDX import (model/import/cyclonedx_inventory.h, cyclonedx_overlay.h):
// bad inventories refused with file and JSON pointer; the mapping checked claim by claim;
// a run on the patched model with hand-checked times.
#include <string>

#include <doctest/doctest.h>

#include "model/import/cyclonedx_inventory.h"
#include "model/import/cyclonedx_overlay.h"
#include "tests/unit/cascade_fixture.h"
#include "tests/unit/import_support.h"
#include "tests/unit/test_support.h"

namespace {

using msout::cascade::State;
using msout::model::CycloneDxInventory;
using msout::model::InputError;
using msout::model::Model;
using msout::model::OrderedJson;
using msout::model::read_cyclonedx_inventory;
using msout::testing::Changes;
using msout::testing::dump;
using msout::testing::has;
using msout::testing::imported_entity;
using msout::testing::inline_model;
using msout::testing::kMinute;
using msout::testing::run_imported;

const std::string kFile = "clinic.cdx.json";

// A clinic: its booking function needs the booking app (SaaS of "Azure Apps Ltd", not in
// the model: a provider of its own) and the mail (the model's Microsoft 365, by msout:entity);
// the app runs on the model's cloud (dependsOn), which "Contoso hosting" provides.
const std::string kBom = R"({
  "bomFormat": "CycloneDX", "specVersion": "1.6",
  "metadata": {"component": {"bom-ref": "clinic", "name": "Kliniek Oost"}},
  "services": [
    {"bom-ref": "booking", "name": "Appointments",
     "properties": [{"name": "msout:kind", "value": "function"},
                    {"name": "msout:tolerance", "value": "30m"},
                    {"name": "msout:people_served", "value": "40000"},
                    {"name": "other:thing", "value": "ignored"}]},
    {"bom-ref": "app", "name": "Booking app", "provider": {"name": "Booking SaaS B.V.",
     "address": {"country": "NL"}}, "properties": [{"name": "msout:layer", "value": "saas"}]},
    {"bom-ref": "mail", "name": "Mail", "properties": [{"name": "msout:entity", "value": "m365"}]},
    {"bom-ref": "cloud", "name": "Cloud tenant", "provider": {"name": "Microsoft Ireland Ltd"},
     "properties": [{"name": "msout:layer", "value": "infra"}]}
  ],
  "dependencies": [
    {"ref": "booking", "dependsOn": ["app", "mail"]},
    {"ref": "cloud", "provides": ["app"]}
  ]
})";

Model small_model() {
  return inline_model(R"([
    {"id":"region","name":"Region","kind":"provider","jurisdiction":"US","company":"Microsoft"},
    {"id":"m365","name":"M365","kind":"service","jurisdiction":"US","company":"Microsoft",
     "requires":[{"on":"region"}]}])");
}

std::vector<msout::model::Diagnostic> errors_of(const std::string& text) {
  try {
    read_cyclonedx_inventory({kFile, text});
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  FAIL("accepted");
  return {};
}

}  // namespace

TEST_CASE("CycloneDxImport.Inventory.Reads") {
  const CycloneDxInventory inv = read_cyclonedx_inventory({kFile, kBom});
  CHECK(inv.org_name == "Kliniek Oost");
  REQUIRE(inv.items.size() == 4);
  CHECK(inv.items[0].kind == "function");
  CHECK(inv.items[0].tolerance->seconds == 30 * kMinute);
  CHECK(inv.items[0].people_served == 40000u);
  CHECK(inv.items[0].depends_on == std::vector<std::string>{"app", "mail"});
  CHECK(inv.items[1].provider == "Booking SaaS B.V.");
  CHECK(inv.items[1].provider_country == "NL");
  // "cloud provides app": the app depends on the cloud.
  CHECK(inv.items[1].depends_on == std::vector<std::string>{"cloud"});
  CHECK(inv.items[2].entity == "m365");
  CHECK(inv.items[3].pointer == "/services/3");
}

TEST_CASE("CycloneDxImport.Inventory.EveryErrorWithItsPointer") {
  CHECK(has(errors_of(R"({"bomFormat": "SPDX"})"), kFile, "/bomFormat", "not a CycloneDX BOM"));
  const auto e = errors_of(R"({
    "bomFormat": "CycloneDX", "specVersion": "2.0",
    "metadata": {"component": {"bom-ref": "x", "name": "X"}},
    "services": [
      {"bom-ref": "a", "name": "A", "properties": [{"name": "msout:tolerance", "value": "soon"},
                                                    {"name": "msout:kinds", "value": "function"}]},
      {"bom-ref": "a", "name": ""}],
    "dependencies": [{"ref": "a", "dependsOn": ["ghost"]}, {"ref": "nobody"}]
  })");
  CHECK_MESSAGE(has(e, kFile, "/specVersion", "not a version msout reads"), dump(e));
  CHECK_MESSAGE(has(e, kFile, "/services/0/properties/0/value", "msout:tolerance:"), dump(e));
  CHECK_MESSAGE(has(e, kFile, "/services/0/properties/1/name", "unknown property \"msout:kinds\""),
                dump(e));
  CHECK_MESSAGE(
      has(e, kFile, "/services/1/bom-ref", "bom-ref \"a\" is already used at /services/0"),
      dump(e));
  CHECK_MESSAGE(has(e, kFile, "/services/1/name", "a name (one line of text) is required"),
                dump(e));
  CHECK_MESSAGE(
      has(e, kFile, "/dependencies/0/dependsOn/0", "no component or service has bom-ref \"ghost\""),
      dump(e));
  CHECK_MESSAGE(
      has(e, kFile, "/dependencies/1/ref", "no component or service has bom-ref \"nobody\""),
      dump(e));
  CHECK(e.size() == 7);
}

TEST_CASE("CycloneDxImport.Overlay.ClaimByClaim") {
  const Model model = small_model();
  const auto out =
      msout::model::cyclonedx_overlay(read_cyclonedx_inventory({kFile, kBom}), model, {});
  const OrderedJson& doc = out.document;
  CHECK(out.org_id == "kliniek-oost");
  const OrderedJson& booking = imported_entity(doc, "kliniek-oost-appointments");
  CHECK(booking["kind"] == "function");
  CHECK(booking["people_served"] == 40000);
  const OrderedJson& req = booking["requires"];
  REQUIRE(req.size() == 3);
  CHECK(req[0]["on"] == "kliniek-oost");
  CHECK(req[0]["evidence"]["confidence"] == "definition");
  CHECK(req[1]["on"] == "booking-app");
  CHECK(req[1]["layer"] == "saas");
  CHECK(req[1]["tolerance"] == "30m");
  CHECK(req[1]["evidence"]["source"] == kFile);
  CHECK(req[2]["on"] == "m365");  // msout:entity: the model's own entity, not a new one
  // The app: its provider is not in the model (a provider of its own, NL), and it runs on the
  // cloud tenant ("provides").
  const OrderedJson& app = imported_entity(doc, "booking-app");
  CHECK(app["requires"][0]["on"] == "booking-saas");
  CHECK(app["requires"][1]["on"] == "cloud-tenant");
  CHECK(app["requires"][1]["layer"] == "infra");
  CHECK(imported_entity(doc, "booking-saas")["jurisdiction"] == "NL");
  // The tenant's provider is Microsoft by name: presumed, on the model's provider (infra).
  const OrderedJson& cloud = imported_entity(doc, "cloud-tenant");
  CHECK(cloud["requires"][0]["on"] == "region");
  CHECK(cloud["requires"][0]["evidence"]["confidence"] == "presumed");
}

TEST_CASE("CycloneDxImport.Overlay.UnknownModelEntityIsAnError") {
  std::string bom = kBom;
  bom.replace(bom.find("\"m365\""), 6, "\"nothing\"");
  CHECK_THROWS_AS(
      msout::model::cyclonedx_overlay(read_cyclonedx_inventory({kFile, bom}), small_model(), {}),
      InputError);
}

TEST_CASE("CycloneDxImport.Run.HandChecked") {
  // The region down at 1h: the tenant and M365 at 1h, the app at 1h (it runs on the tenant);
  // the appointments tolerate 30m: down at 1h30m.
  const Model model = small_model();
  const OrderedJson overlay =
      msout::model::cyclonedx_overlay(read_cyclonedx_inventory({kFile, kBom}), model, {}).document;
  CHECK(run_imported(model, overlay, "region", "1h", "kliniek-oost-appointments") ==
        Changes{{90 * kMinute, State::kDown}});
}
