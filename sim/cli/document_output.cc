#include "sim/cli/document_output.h"

#include <filesystem>
#include <iostream>
#include <utility>

#include "model/output_file.h"
#include "sim/cli/command_output.h"
#include "sim/cli/commands.h"
#include "sim/cli/option_values.h"
#include "sim/render/csv_renderer.h"
#include "sim/render/dot_renderer.h"
#include "sim/render/html_renderer.h"
#include "sim/render/text_renderer.h"

namespace msout::cli {
namespace {

std::string extension(std::string_view format) {
  if (format == "table") return ".txt";
  return "." + std::string(format);
}

std::filesystem::path out_dir(const boost::program_options::variables_map& vm) {
  const std::filesystem::path dir = vm["out-dir"].as<std::string>();
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw model::IoError(dir.string() + ": not a directory");
  }
  return dir;
}

std::string rendered(const Result& result, std::string_view format) {
  if (!result.text.empty() || format == "json") return result.text;
  if (format == "html") return render::render_html(result.document);
  if (format == "dot") return render::render_dot(result.document);
  return render::render_text(result.document);
}

void write_csv(const boost::program_options::variables_map& vm,
               const std::vector<Result>& results) {
  if (vm.count("out-dir") != 0) {
    const std::filesystem::path dir = out_dir(vm);
    std::vector<std::pair<std::filesystem::path, std::string>> files;
    for (const Result& result : results) {
      for (render::CsvFile& file : render::render_csv(result.document)) {
        files.emplace_back(dir / (result.name + "-" + file.name + ".csv"), std::move(file.text));
      }
    }
    for (const auto& [path, text] : files) model::write_output_file(path, text);
    return;
  }
  // One table fits one file: the first (the main one); the others are named, not dropped
  // silently.
  const std::vector<render::CsvFile> files = render::render_csv(results.front().document);
  if (files.empty()) throw UsageError("this result has no table to write as CSV");
  write_result(vm, files.front().text);
  if (files.size() > 1) {
    std::string others;
    for (std::size_t i = 1; i < files.size(); ++i) others += (i > 1 ? ", " : "") + files[i].name;
    std::cerr << "note: wrote the table \"" << files.front().name << "\"; the other tables ("
              << others << ") are written with --out-dir DIR, one file each\n";
  }
}

}  // namespace

std::string format_help(std::initializer_list<std::string_view> formats) {
  std::string text;
  std::size_t i = 0;
  for (std::string_view f : formats) {
    text += (i == 0 ? "" : i + 1 == formats.size() ? " or " : ", ") + std::string(f);
    ++i;
  }
  return text + " (docs/report-format.md: the tables of csv, the page of html)";
}

std::string report_format(const boost::program_options::variables_map& vm,
                          std::initializer_list<std::string_view> formats) {
  return one_of(vm, "format", formats);
}

void write_results(const boost::program_options::variables_map& vm,
                   const std::vector<Result>& results, std::string_view format) {
  if (results.empty()) return;
  if (format == "dot") {
    for (const Result& result : results) {
      if (!result.document.graph) {
        throw UsageError(
            "--format dot draws a graph, and this result has none: msout run (the entities "
            "that failed and their cause chains) and msout analyze cut-sets --function F (its "
            "dependency tree) draw one");
      }
    }
  }
  // Render everything before writing anything: a result that cannot be rendered must not
  // leave the others written.
  if (format == "csv") {
    write_csv(vm, results);
    return;
  }
  std::vector<std::string> texts;
  for (const Result& result : results) texts.push_back(rendered(result, format));
  if (vm.count("out-dir") != 0) {
    const std::filesystem::path dir = out_dir(vm);
    for (std::size_t i = 0; i < results.size(); ++i) {
      model::write_output_file(dir / (results[i].name + extension(format)), texts[i]);
    }
    return;
  }
  if (texts.size() > 1 && format != "table") {
    throw UsageError("several " + std::string(format) +
                     " results need --out-dir (one file per scenario)");
  }
  std::string all;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) all += "\n" + std::string(100, '=') + "\n\n";
    all += texts[i];
  }
  write_result(vm, all);
}

}  // namespace msout::cli
