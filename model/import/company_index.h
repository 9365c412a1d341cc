// CompanyIndex: finds the model's entities run by the company that an imported register
// names — by Legal Entity Identifier where both sides give one, else by a documented name
// match (docs/import.md, "Linking to the model"):
//
//   1. LEI: the provider's LEI equals an entity's `lei`.
//   2. Name: the words of an entity's `company` ("Microsoft"), after normalisation, begin the
//      words of the provider's name ("Microsoft Ireland Operations Limited").
//      Normalisation: letters and digits only, lower case, legal forms (B.V., N.V., Ltd,
//      Inc., GmbH, SE, …) left out. The longest company that matches wins; two different
//      companies of the same length are ambiguous and link nothing.
//
// Only entities with a `company` (or `lei`) take part: msout never matches against an
// entity's display name, which describes a service ("Microsoft Azure West Europe"), not a
// contracting party. A provider is never linked through its parent: a subsidiary's services
// need not run on its parent's (the import uses a parent only for the jurisdiction). Every
// link says how it was found, for the import's summary.
//
//   CompanyIndex index(model);
//   CompanyMatch m = index.find("Microsoft Ireland Operations Limited", "");
//
// Thread-safe after construction (const).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace msout::model {

struct CompanyMatch {
  enum class By { kNone, kLei, kName, kAmbiguous };
  By by = By::kNone;
  std::string company;                  // the model's company name (or LEI) matched
  std::vector<std::uint32_t> entities;  // the company's entities, in model order
  std::vector<std::string> rivals;      // for kAmbiguous: the companies that tie

  bool found() const { return !entities.empty(); }
};

class CompanyIndex {
 public:
  explicit CompanyIndex(const Model& model);

  // The company of the provider called `name` with LEI `lei` (empty when unknown).
  CompanyMatch find(std::string_view name, std::string_view lei) const;

 private:
  struct Company {
    std::string name;                // as the model writes it
    std::vector<std::string> words;  // normalised
    std::vector<std::uint32_t> entities;
  };
  CompanyMatch by_name(std::string_view name) const;

  std::vector<Company> companies_;
  std::vector<std::pair<std::string, std::vector<std::uint32_t>>> by_lei_;
};

// The words of a company name in the normal form above.
std::vector<std::string> company_words(std::string_view name);

}  // namespace msout::model
