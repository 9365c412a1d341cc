#include "model/scenario_loader.h"

#include <algorithm>
#include <set>

#include "model/file_format.h"
#include "model/json_document.h"
#include "model/json_reader.h"
#include "model/model_loader.h"
#include "model/printable_text.h"
#include "model/selector_index.h"
#include "model/suggestions.h"

namespace msout::model {
namespace {

using nlohmann::json;

// A scenario's evidence is a source's claim about what happened; confidence "definition" is
// only for a function's requirements in a model (check_definitions, model_loader.h).
void reject_definition(JsonReader& in, const Evidence& evidence, const std::string& pointer,
                       const std::string& what) {
  if (evidence.confidence != Confidence::kDefinition) return;
  in.error(pointer + "/evidence/confidence",
           "confidence \"definition\" is only for a function's requirements in a model, not "
           "for " +
               what + ": a scenario's evidence is a source's claim");
}

Selector read_selector(JsonReader& in, const json& value, const std::string& pointer) {
  Selector s;
  s.place = {in.file(), pointer};
  if (!in.object(value, pointer, {"ids", "kind", "jurisdiction", "tags", "regions", "sector"},
                 {})) {
    return s;
  }
  if (value.empty()) {
    in.error(pointer,
             "empty selector: give at least one of ids, kind, jurisdiction, tags, "
             "regions, sector");
  }
  for (const auto& [key, criterion] : value.items()) {
    if (criterion.is_array() && criterion.empty()) {
      // An empty OR is never true; treating it as "no constraint" would select everything.
      in.error(pointer_append(pointer, key), "empty list: it would select nothing");
    }
  }
  s.ids = in.strings(value, "ids", pointer, true);
  s.ids_is_single = value.contains("ids") && value["ids"].is_string();
  for (const std::string& kind : in.strings(value, "kind", pointer, true)) {
    if (auto parsed = entity_kind_from(kind)) {
      s.kinds.push_back(*parsed);
    } else {
      in.error(pointer_append(pointer, "kind"),
               "unknown kind " + model::quoted(kind) +
                   " (known: provider, service, organisation, function)");
    }
  }
  s.jurisdictions = in.strings(value, "jurisdiction", pointer, true);
  s.tags = in.strings(value, "tags", pointer, true);
  s.regions = in.strings(value, "regions", pointer, true);
  s.sectors = in.strings(value, "sector", pointer, true);
  return s;
}

Lever read_lever(JsonReader& in, const json& value, const std::string& pointer) {
  Lever lever;
  lever.place = {in.file(), pointer};
  if (!in.object(
          value, pointer,
          {"id", "name", "at", "action", "select", "ends", "evidence", "assumptions", "note"},
          {"id", "at", "action", "select"})) {
    return lever;
  }
  lever.id = in.string(value, "id", pointer).value_or("");
  if (value.contains("id") && value["id"].is_string() && !is_valid_id(lever.id)) {
    in.error(pointer_append(pointer, "id"), invalid_id_message(lever.id));
  }
  lever.name = in.single_line(value, "name", pointer).value_or(lever.id);
  if (auto at = in.uncertain_duration(value, "at", pointer)) {
    lever.at = at->point;
    lever.at_spread = at->spread;
  }
  if (auto action = in.string(value, "action", pointer)) {
    if (*action == "down") {
      lever.action = LeverAction::kDown;
    } else if (*action == "degraded") {
      lever.action = LeverAction::kDegraded;
    } else if (*action == "restore") {
      lever.action = LeverAction::kRestore;
    } else {
      in.error(pointer_append(pointer, "action"),
               "unknown action " + model::quoted(*action) + " (known: down, degraded, restore)");
    }
  }
  if (auto it = value.find("select"); it != value.end()) {
    const std::string here = pointer_append(pointer, "select");
    if (it->is_array()) {
      if (it->empty()) in.error(here, "empty selector list");
      for (std::size_t i = 0; i < it->size(); ++i) {
        lever.selectors.push_back(read_selector(in, (*it)[i], pointer_append(here, i)));
      }
    } else {
      lever.selectors.push_back(read_selector(in, *it, here));
    }
  }
  lever.ends = in.strings(value, "ends", pointer);
  if (!lever.ends.empty() && lever.action != LeverAction::kRestore) {
    in.error(pointer_append(pointer, "ends"), "\"ends\" is only meaningful for action \"restore\"");
  }
  lever.evidence = read_evidence(in, value, pointer);
  reject_definition(in, lever.evidence, pointer, "a lever");
  lever.assumptions = in.strings(value, "assumptions", pointer);
  lever.note = in.string(value, "note", pointer).value_or("");
  return lever;
}

// A window ["a", "b"]: two durations, a <= b. Errors at the key's pointer or an element's.
std::optional<TimeWindow> read_window(JsonReader& in, const json& object, std::string_view key,
                                      const std::string& pointer) {
  auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  const std::string here = pointer_append(pointer, key);
  if (!it->is_array() || it->size() != 2) {
    in.error(here, "expected an array of two durations [from, to], e.g. [\"0s\", \"2h\"]");
    return std::nullopt;
  }
  std::optional<Duration> bounds[2];
  for (std::size_t i = 0; i < 2; ++i) {
    const json& bound = (*it)[i];
    const std::string at = pointer_append(here, i);
    if (!bound.is_string()) {
      in.error(at, "expected a duration string such as \"2h\"");
      continue;
    }
    DurationParse parsed = parse_duration(bound.get<std::string>());
    if (!parsed.value) {
      in.error(at, parsed.error);
      continue;
    }
    bounds[i] = parsed.value;
  }
  if (!bounds[0] || !bounds[1]) return std::nullopt;
  if (*bounds[0] > *bounds[1]) {
    in.error(here, "from " + format_duration(*bounds[0]) + " is later than to " +
                       format_duration(*bounds[1]));
    return std::nullopt;
  }
  return TimeWindow{*bounds[0], *bounds[1]};
}

ReportedOutcome read_reported(JsonReader& in, const json& value, const std::string& pointer) {
  ReportedOutcome r;
  r.place = {in.file(), pointer};
  if (!in.object(value, pointer,
                 {"claim", "entity", "expect", "first_between", "recovered_between", "evidence",
                  "known_gap"},
                 {"claim", "entity", "expect", "evidence"})) {
    return r;
  }
  r.claim = in.string(value, "claim", pointer).value_or("");
  if (value.contains("claim") && value["claim"].is_string() && r.claim.empty()) {
    in.error(pointer_append(pointer, "claim"), "empty claim: say what was reported");
  }
  r.entity = in.string(value, "entity", pointer).value_or("");
  if (value.contains("entity") && value["entity"].is_string() && !is_valid_id(r.entity)) {
    in.error(pointer_append(pointer, "entity"), invalid_id_message(r.entity));
    r.entity.clear();
  }
  const bool windows_allowed = [&] {
    auto text = in.string(value, "expect", pointer);
    if (!text) return true;  // reported, or absent (reported by object())
    if (auto expectation = expectation_from(*text)) {
      r.expectation = *expectation;
      return *expectation == Expectation::kDown || *expectation == Expectation::kDegraded;
    }
    in.error(pointer_append(pointer, "expect"), "unknown expectation " + model::quoted(*text) +
                                                    " (known: down, degraded, up, not_down)");
    return true;
  }();
  for (std::string_view key : {"first_between", "recovered_between"}) {
    if (!windows_allowed && value.contains(key)) {
      in.error(pointer_append(pointer, key),
               "\"" + std::string(key) +
                   "\" is only meaningful with expect \"down\" or \"degraded\", not \"" +
                   std::string(to_string(r.expectation)) + "\"");
    }
  }
  if (windows_allowed) {
    r.first_between = read_window(in, value, "first_between", pointer);
    r.recovered_between = read_window(in, value, "recovered_between", pointer);
  }
  r.evidence = read_evidence(in, value, pointer);
  reject_definition(in, r.evidence, pointer, "a reported outcome");
  r.known_gap = in.string(value, "known_gap", pointer);
  if (r.known_gap && r.known_gap->empty()) {
    in.error(pointer_append(pointer, "known_gap"),
             "empty known_gap: say why the model does not reproduce the claim");
  }
  return r;
}

}  // namespace

std::string_view to_string(Expectation expectation) {
  switch (expectation) {
    case Expectation::kDown:
      return "down";
    case Expectation::kDegraded:
      return "degraded";
    case Expectation::kUp:
      return "up";
    case Expectation::kNotDown:
      return "not_down";
  }
  return "?";
}

std::optional<Expectation> expectation_from(std::string_view text) {
  for (Expectation e :
       {Expectation::kDown, Expectation::kDegraded, Expectation::kUp, Expectation::kNotDown}) {
    if (to_string(e) == text) return e;
  }
  return std::nullopt;
}

std::string_view to_string(LeverAction action) {
  switch (action) {
    case LeverAction::kDown:
      return "down";
    case LeverAction::kDegraded:
      return "degraded";
    case LeverAction::kRestore:
      return "restore";
  }
  return "?";
}

bool Selector::matches(const Entity& e) const {
  auto any_of = [](const auto& wanted, const auto& have) {
    return wanted.empty() || std::any_of(wanted.begin(), wanted.end(), [&](const auto& w) {
             return std::find(have.begin(), have.end(), w) != have.end();
           });
  };
  auto one_of = [](const auto& wanted, const auto& value) {
    return wanted.empty() || std::find(wanted.begin(), wanted.end(), value) != wanted.end();
  };
  return one_of(ids, e.id) && one_of(kinds, e.kind) && one_of(jurisdictions, e.jurisdiction) &&
         any_of(tags, e.tags) && any_of(regions, e.regions) && one_of(sectors, e.sector);
}

Scenario build_scenario(const std::string& file, const json& document, Diagnostics& diags) {
  JsonReader in(file, diags);
  Scenario scenario;
  scenario.file = file;
  // The format first: another msout file gets one error that says what it is.
  if (auto problem = format_problem(document, kScenarioFormat)) {
    in.error("/format", *problem);
    return scenario;
  }
  if (!in.object(document, "",
                 {"$schema", "format", "name", "description", "horizon", "levers", "reported"},
                 {"format", "name", "horizon", "levers"})) {
    return scenario;
  }
  in.string(document, "format", "");  // reports a format that is not a string
  in.string(document, "$schema", "");
  scenario.name = in.single_line(document, "name", "").value_or("");
  scenario.description = in.string(document, "description", "").value_or("");
  if (auto horizon = in.duration(document, "horizon", "")) {
    scenario.horizon = *horizon;
    if (horizon->seconds == 0) in.error("/horizon", "horizon must be longer than zero");
  }
  if (document.contains("reported")) {
    if (const json* reported = in.array(document, "reported", "")) {
      for (std::size_t i = 0; i < reported->size(); ++i) {
        scenario.reported.push_back(
            read_reported(in, (*reported)[i], pointer_append("/reported", i)));
      }
    }
  }
  const json* levers = in.array(document, "levers", "");
  if (levers == nullptr) return scenario;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < levers->size(); ++i) {
    Lever lever = read_lever(in, (*levers)[i], pointer_append("/levers", i));
    if (!lever.id.empty() && !seen.insert(lever.id).second) {
      in.error(lever.place.pointer + "/id", "duplicate lever id " + model::quoted(lever.id));
    }
    scenario.levers.push_back(std::move(lever));
  }
  for (const Lever& lever : scenario.levers) {
    for (std::size_t i = 0; i < lever.ends.size(); ++i) {
      if (!seen.contains(lever.ends[i])) {
        in.error(pointer_append(lever.place.pointer + "/ends", i),
                 "unknown lever " + model::quoted(lever.ends[i]));
      }
    }
  }
  return scenario;
}

Scenario load_scenario(const SourceText& source) {
  Diagnostics diags;
  Scenario scenario;
  if (auto document = parse_json(source, diags)) {
    scenario = build_scenario(source.name, *document, diags);
  }
  if (diags.has_errors()) throw InputError(diags.errors());
  return scenario;
}

Scenario load_scenario_path(const std::filesystem::path& path) {
  return load_scenario(read_source(path));
}

std::vector<std::vector<std::uint32_t>> resolve_levers(const Scenario& scenario, const Model& model,
                                                       Diagnostics& diags) {
  std::vector<std::vector<std::uint32_t>> selected(scenario.levers.size());
  const SelectorIndex index(model);  // not every entity for every lever: selector_index.h
  for (std::size_t l = 0; l < scenario.levers.size(); ++l) {
    const Lever& lever = scenario.levers[l];
    bool unknown = false;
    for (const Selector& selector : lever.selectors) {
      const std::string ids_pointer = selector.place.pointer + "/ids";
      for (std::size_t i = 0; i < selector.ids.size(); ++i) {
        if (!model.find(selector.ids[i])) {
          unknown = true;
          diags.error(selector.place.file,
                      selector.ids_is_single ? ids_pointer : pointer_append(ids_pointer, i),
                      "lever " + model::quoted(lever.id) + " selects unknown entity " +
                          model::quoted(selector.ids[i]));
        }
      }
    }
    selected[l] = index.select(lever.selectors);
    if (selected[l].empty() && !unknown) {
      diags.warning(lever.place.file, lever.place.pointer + "/select",
                    "lever " + model::quoted(lever.id) + " selects no entity of the model");
    }
  }
  return selected;
}

std::vector<std::optional<std::uint32_t>> resolve_reported(const Scenario& scenario,
                                                           const Model& model, Diagnostics& diags) {
  std::vector<std::optional<std::uint32_t>> entities;
  std::vector<std::string> known;  // the ids to suggest from, gathered on the first miss
  for (const ReportedOutcome& r : scenario.reported) {
    entities.push_back(model.find(r.entity));
    if (entities.back() || r.entity.empty()) continue;
    if (known.empty()) {
      for (const Entity& e : model.entities) known.push_back(e.id);
    }
    diags.error(r.place.file, r.place.pointer + "/entity",
                "reported outcome names unknown entity " + model::quoted(r.entity) +
                    did_you_mean(r.entity, known));
  }
  return entities;
}

}  // namespace msout::model
