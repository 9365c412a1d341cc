#include "model/import/company_index.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace msout::model {
namespace {

// Legal forms and the like, which registers write and companies' short names leave out.
const std::set<std::string>& legal_forms() {
  static const std::set<std::string> forms = {
      "ab",           "ag",      "as",          "asa",  "bv",      "bvba",     "co",
      "company",      "corp",    "corporation", "gmbh", "holding", "holdings", "inc",
      "incorporated", "limited", "llc",         "llp",  "ltd",     "nv",       "oy",
      "plc",          "pte",     "pty",         "sa",   "sarl",    "sas",      "se",
      "spa",          "srl",     "the",         "kg",   "kgaa",    "ulc",      "lp"};
  return forms;
}

}  // namespace

std::vector<std::string> company_words(std::string_view name) {
  // "B.V." and "S.à r.l." are written with dots: join single letters first.
  std::vector<std::string> raw;
  std::string word;
  const auto flush = [&] {
    if (!word.empty()) raw.push_back(word);
    word.clear();
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (std::isalnum(c)) {
      word.push_back(static_cast<char>(std::tolower(c)));
    } else if (c == '.' || c == '\'') {
      // "B.V." -> "bv": a dot or an apostrophe joins.
    } else if (c >= 0x80) {
      // Letters beyond ASCII (é, à) are kept as they are: names are compared, not shown.
      word.push_back(static_cast<char>(c));
    } else {
      flush();
    }
  }
  flush();
  std::vector<std::string> words;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    // The first word stays even if it looks like a form ("AB InBev"); later forms go.
    if (i > 0 && legal_forms().count(raw[i]) != 0) continue;
    words.push_back(raw[i]);
  }
  return words;
}

CompanyIndex::CompanyIndex(const Model& model) {
  for (std::uint32_t e = 0; e < model.entities.size(); ++e) {
    const Entity& entity = model.entities[e];
    if (!entity.lei.empty()) {
      auto it = std::find_if(by_lei_.begin(), by_lei_.end(),
                             [&](const auto& entry) { return entry.first == entity.lei; });
      if (it == by_lei_.end()) {
        by_lei_.push_back({entity.lei, {e}});
      } else {
        it->second.push_back(e);
      }
    }
    if (entity.company.empty()) continue;
    std::vector<std::string> words = company_words(entity.company);
    if (words.empty()) continue;
    auto it = std::find_if(companies_.begin(), companies_.end(),
                           [&](const Company& c) { return c.words == words; });
    if (it == companies_.end()) {
      companies_.push_back({entity.company, std::move(words), {e}});
    } else {
      it->entities.push_back(e);
    }
  }
}

CompanyMatch CompanyIndex::by_name(std::string_view name) const {
  CompanyMatch match;
  const std::vector<std::string> words = company_words(name);
  std::size_t best = 0;
  for (const Company& company : companies_) {
    if (company.words.size() > words.size() ||
        !std::equal(company.words.begin(), company.words.end(), words.begin())) {
      continue;
    }
    if (company.words.size() > best) {
      best = company.words.size();
      match = CompanyMatch{CompanyMatch::By::kName, company.name, company.entities, {}};
    } else if (company.words.size() == best) {
      match.by = CompanyMatch::By::kAmbiguous;
      match.rivals.push_back(company.name);
    }
  }
  if (match.by == CompanyMatch::By::kAmbiguous) {
    match.rivals.insert(match.rivals.begin(), match.company);
    match.entities.clear();
  }
  return match;
}

CompanyMatch CompanyIndex::find(std::string_view name, std::string_view lei) const {
  if (!lei.empty()) {
    for (const auto& [entity_lei, entities] : by_lei_) {
      if (entity_lei == lei) return CompanyMatch{CompanyMatch::By::kLei, entity_lei, entities, {}};
    }
  }
  return by_name(name);
}

}  // namespace msout::model
