// Synthetic graphs and the compact format: deterministic, shaped as documented, round-trip
// exactly through the compact file, and a damaged file is refused with the place named.
#include "model/synthetic_graph.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "model/compact_model.h"
#include "model/model_graph.h"
#include "model/model_loader.h"
#include "tests/unit/test_support.h"

namespace msout::testing {
namespace {

std::string json_of(const model::SyntheticGraph& g) {
  std::ostringstream out;
  model::write_model_json(out, g);
  return out.str();
}

std::string bytes_of(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("Synthetic.SameSeedSameGraph") {
  const model::SyntheticOptions options{2000, 8, 7};
  CHECK(json_of(model::generate_synthetic(options)) == json_of(model::generate_synthetic(options)));
  CHECK(json_of(model::generate_synthetic(options)) !=
        json_of(model::generate_synthetic({2000, 8, 8})));
}

TEST_CASE("Synthetic.ShapedAsDocumented") {
  const model::SyntheticGraph g = model::generate_synthetic({20000, 10, 1});
  CHECK(g.entities.size() == 20000);
  // About `degree` dependencies per entity.
  const double degree = static_cast<double>(g.graph.edge_count()) / 20000.0;
  CHECK(degree > 7);
  CHECK(degree < 13);
  // Every gate occurs; the providers' identity cycles are there.
  int any = 0, k_of_n = 0;
  for (const auto& r : g.graph.all_requirements()) {
    any += r.gate == model::Gate::kAny;
    k_of_n += r.gate == model::Gate::kKOfN;
  }
  CHECK(any > 0);
  CHECK(k_of_n > 0);
  // The generated JSON is a valid model, with the cycles among providers.
  const model::Model m = model::load_model({{"synthetic.json", json_of(g)}});
  CHECK(m.entities.size() == 20000);
  CHECK(model::dependency_cycles(m).size() >= 6);
  // Heavy-tailed fan-in: the most depended-on platform has far more dependents than the median.
  std::vector<std::size_t> fan_in;
  for (std::uint32_t v = 0; v < g.graph.node_count(); ++v) {
    if (g.entities.id(v).starts_with("pl")) fan_in.push_back(g.graph.dependents_of(v).size());
  }
  std::sort(fan_in.begin(), fan_in.end());
  CHECK(fan_in.back() > 20 * std::max<std::size_t>(1, fan_in[fan_in.size() / 2]));
}

TEST_CASE("CompactFormat.RoundTripIsExact") {
  TempDir dir;
  const model::SyntheticGraph g = model::generate_synthetic({3000, 6, 3});
  const auto path = dir.path() / "g.msout";
  model::write_compact(path, g.entities, g.graph);
  CHECK(model::is_compact_file(path));
  const model::CompactModel back = model::read_compact(path);
  CHECK(json_of({back.entities, back.graph}) == json_of(g));
  // Writing it again gives the same bytes.
  const auto again = dir.path() / "again.msout";
  model::write_compact(again, back.entities, back.graph);
  CHECK(bytes_of(path) == bytes_of(again));
}

TEST_CASE("CompactFormat.DamagedFilesAreRefusedWithThePlace") {
  TempDir dir;
  const model::SyntheticGraph g = model::generate_synthetic({500, 4, 1});
  const auto path = dir.path() / "g.msout";
  model::write_compact(path, g.entities, g.graph);
  const std::string good = bytes_of(path);
  auto refused = [&](const std::string& bytes, const std::string& message) {
    dir.write("bad.msout", bytes);
    try {
      model::read_compact(dir.path() / "bad.msout");
      FAIL("accepted a damaged file: ", message);
    } catch (const model::InputError& e) {
      CHECK(e.diagnostics().at(0).file.ends_with("bad.msout"));
      CHECK(e.diagnostics().at(0).where.starts_with("byte "));
      CHECK(e.diagnostics().at(0).message.find(message) != std::string::npos);
    }
  };
  refused("NOTMSOUT" + good.substr(8), "bad magic");
  refused(good.substr(0, good.size() / 2), "truncated");
  refused(good + "x", "trailing bytes");
  // An edge whose dependency points past the last entity: the dependency column sits just
  // before the owner column at the end; corrupt the first dependency.
  std::string bad = good;
  const std::size_t edges = g.graph.edge_count();
  const std::size_t dependency_column = good.size() - edges * (4 + 4 + 8 + 8 + 1);
  bad[dependency_column + 3] = '\x7f';
  refused(bad, "dependency 0: entity index");
}

}  // namespace msout::testing
