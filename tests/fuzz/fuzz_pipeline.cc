// libFuzzer harness: the whole pipeline. The input is JSON texts separated by NUL bytes: the
// model's files, then the scenario (the last part); when both load, the model is frozen, run at 1
// and at 2 threads, and both runs must give the same report, rendered as a table and as JSON and
// written through the output writer. A difference between the thread counts aborts (a finding).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/frozen_graph.h"
#include "model/model_loader.h"
#include "model/output_file.h"
#include "model/scenario_loader.h"
#include "sim/cascade/cascade_run.h"
#include "sim/render/text_renderer.h"
#include "sim/report/json_report.h"
#include "sim/report/report.h"
#include "sim/report/report_document.h"

namespace {

namespace model = msout::model;

std::string json_of_run(const model::Model& m, const model::FrozenGraph& graph,
                        const model::Scenario& scenario,
                        const std::vector<std::vector<std::uint32_t>>& selected, int threads,
                        std::string* table) {
  const msout::cascade::CascadeRun run =
      msout::cascade::run_cascade(graph, scenario, selected, scenario.horizon.seconds, threads);
  const msout::report::Report report = msout::report::build_report(m, graph, scenario, run);
  if (table != nullptr) *table = msout::render::render_text(msout::report::report_document(report));
  return msout::report::json_report(report);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t last = input.rfind('\0');
  if (last == std::string_view::npos) return 0;
  std::vector<model::SourceText> model_files;
  for (std::size_t start = 0; start <= last;) {
    const std::size_t end = input.find('\0', start);
    model_files.push_back({"model-" + std::to_string(model_files.size()) + ".json",
                           std::string(input.substr(start, end - start))});
    start = end + 1;
  }
  try {
    const model::Model m = model::load_model(model_files);
    const model::Scenario scenario =
        model::load_scenario({"scenario.json", std::string(input.substr(last + 1))});
    model::Diagnostics diags;
    const auto selected = model::resolve_levers(scenario, m, diags);
    if (diags.has_errors()) return 0;
    const model::FrozenGraph graph = model::FrozenGraph::freeze(m);
    std::string table;
    const std::string one = json_of_run(m, graph, scenario, selected, 1, &table);
    const std::string two = json_of_run(m, graph, scenario, selected, 2, nullptr);
    if (one != two) std::abort();  // results must not depend on the thread count
    model::write_output_file("/dev/null", table);
    model::write_output_file("/dev/null", one);
  } catch (const model::InputError& e) {
    for (const auto& d : e.diagnostics()) (void)d.to_string();
  } catch (const model::IoError&) {
  }
  return 0;
}
