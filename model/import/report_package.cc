#include "model/import/report_package.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <limits>
#include <memory>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>
#include <zip.h>

#include "model/diagnostics.h"
#include "model/input_file.h"
#include "model/printable_text.h"

namespace msout::model {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxReportJsonDepth = 3;  // folders above report.json
constexpr std::size_t kMaxPackageEntries = 100'000;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string folder_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash + 1));
}

std::string name_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// One file of the package, before it is read: its path inside the package (with '/'), its
// size as the container states it, and how to read it.
struct Entry {
  std::string path;
  std::uint64_t size = 0;
  std::function<std::string()> read;
};

[[noreturn]] void input_error(const std::string& file, const std::string& message) {
  throw InputError(std::vector<Diagnostic>{Diagnostic{file, "", message}});
}

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using ZipHandle = std::shared_ptr<zip_t>;

std::string read_zip_entry(const ZipHandle& archive, zip_uint64_t index, std::uint64_t size,
                           const std::string& display) {
  zip_file_t* file = zip_fopen_index(archive.get(), index, 0);
  if (file == nullptr) {
    throw IoError(display + ": cannot read it from the archive: " + zip_strerror(archive.get()));
  }
  std::string text(static_cast<std::size_t>(size), '\0');
  const zip_int64_t got = zip_fread(file, text.data(), size);
  // A last read past the end checks that the stated size was not a lie and lets libzip
  // verify the CRC, which it does when the entry has been read to its end.
  char extra = 0;
  const zip_int64_t more = got == static_cast<zip_int64_t>(size) ? zip_fread(file, &extra, 1) : 0;
  std::string problem;
  if (got < 0 || more < 0) problem = zip_file_strerror(file);
  zip_fclose(file);
  if (!problem.empty()) throw IoError(display + ": damaged in the archive: " + problem);
  if (got != static_cast<zip_int64_t>(size) || more != 0) {
    throw IoError(display + ": its size in the archive does not match its content");
  }
  return text;
}

std::vector<Entry> zip_entries(const fs::path& path) {
  check_regular_input(path, std::numeric_limits<std::uintmax_t>::max());
  int code = 0;
  zip_t* raw = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
  if (raw == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw IoError(model::quoted(path.string()) + ": not a readable ZIP archive: " + message);
  }
  ZipHandle archive(raw, ZipCloser{});
  const zip_int64_t count = zip_get_num_entries(raw, 0);
  if (count < 0 || static_cast<std::uint64_t>(count) > kMaxPackageEntries) {
    throw IoError(model::quoted(path.string()) + ": more than " +
                  std::to_string(kMaxPackageEntries) + " files in the archive");
  }
  std::vector<Entry> entries;
  for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(raw, i, 0, &stat) != 0 || (stat.valid & ZIP_STAT_NAME) == 0 ||
        (stat.valid & ZIP_STAT_SIZE) == 0) {
      throw IoError(model::quoted(path.string()) + ": entry " + std::to_string(i) +
                    " of the archive cannot be read");
    }
    std::string name = stat.name;
    if (name.empty() || name.back() == '/') continue;
    const std::string display = path.string() + ":" + name;
    const std::uint64_t size = stat.size;
    entries.push_back(Entry{name, size, [archive, i, size, display] {
                              return read_zip_entry(archive, i, size, display);
                            }});
  }
  return entries;
}

std::vector<Entry> directory_entries(const fs::path& root) {
  std::vector<Entry> entries;
  std::error_code error;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, error);
  if (error)
    throw IoError(model::quoted(root.string()) + ": cannot read the directory: " + error.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (error)
      throw IoError(model::quoted(root.string()) +
                    ": cannot read the directory: " + error.message());
    if (entries.size() == kMaxPackageEntries) {
      throw IoError(model::quoted(root.string()) + ": more than " +
                    std::to_string(kMaxPackageEntries) + " files");
    }
    if (it.depth() > static_cast<int>(kMaxReportJsonDepth)) {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(error)) continue;
    const fs::path file = it->path();
    const std::string relative = fs::relative(file, root, error).generic_string();
    const std::uint64_t size = it->file_size(error);
    entries.push_back(
        Entry{relative, size, [file] { return read_regular_input(file, kMaxPackageFileBytes); }});
  }
  return entries;
}

// Checks report.json and returns the taxonomy module it extends ("" when it names none).
std::string check_report_json(const std::string& display, const std::string& text) {
  const nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded()) input_error(display, "not valid JSON");
  if (!document.is_object() || !document.contains("documentInfo") ||
      !document["documentInfo"].is_object()) {
    input_error(display, "not an xBRL-CSV report: no \"documentInfo\" object");
  }
  const nlohmann::json& info = document["documentInfo"];
  const auto type = info.find("documentType");
  if (type == info.end() || !type->is_string() ||
      type->get<std::string>().find("xbrl-csv") == std::string::npos) {
    input_error(display,
                "not an xBRL-CSV report: documentInfo.documentType is not "
                "\"https://xbrl.org/2021/xbrl-csv\"");
  }
  const auto extends = info.find("extends");
  if (extends != info.end() && extends->is_array() && !extends->empty() &&
      extends->front().is_string()) {
    return extends->front().get<std::string>();
  }
  return "";
}

}  // namespace

std::string ReportPackage::display(std::string_view file_name) const {
  return display_path(reports_dir + std::string(file_name));
}

std::string ReportPackage::display_path(std::string_view path_in_package) const {
  return origin + (archive ? ":" : "/") + std::string(path_in_package);
}

const std::string* ReportPackage::table_text(std::string_view template_code) const {
  const auto found = csv_files.find(lower(template_code) + ".csv");
  return found == csv_files.end() ? nullptr : &found->second;
}

ReportPackage read_report_package(const fs::path& path) {
  std::error_code error;
  const bool is_directory = fs::is_directory(path, error);
  std::vector<Entry> entries = is_directory ? directory_entries(path) : zip_entries(path);

  ReportPackage package;
  package.origin = path.string();
  package.archive = !is_directory;
  while (!package.archive && package.origin.size() > 1 && package.origin.back() == '/') {
    package.origin.pop_back();
  }
  const Entry* report = nullptr;
  for (const Entry& entry : entries) {
    if (name_of(entry.path) != "report.json") continue;
    if (std::count(entry.path.begin(), entry.path.end(), '/') >
        static_cast<std::ptrdiff_t>(kMaxReportJsonDepth)) {
      continue;
    }
    if (report != nullptr) {
      input_error(package.origin, "two report.json files (" + model::quoted(report->path) +
                                      " and " + model::quoted(entry.path) +
                                      "): one package holds one report");
    }
    report = &entry;
  }
  if (report == nullptr) {
    input_error(package.origin,
                std::string("no report.json: an xBRL-CSV report package (the EBA's format for "
                            "the Register of Information) holds one, usually in ") +
                    (is_directory ? "reports/" : "NAME/reports/") + "; is this the right " +
                    (is_directory ? "directory" : "file") + "?");
  }
  package.reports_dir = folder_of(report->path);

  std::uint64_t total = 0;
  const auto read_capped = [&](const Entry& entry) {
    const std::string display = package.display_path(entry.path);
    if (entry.size > kMaxPackageFileBytes) {
      throw IoError(display + ": larger than " + std::to_string(kMaxPackageFileBytes >> 20) +
                    " MiB");
    }
    total += entry.size;
    if (total > kMaxPackageTotalBytes) {
      throw IoError(package.origin + ": more than " + std::to_string(kMaxPackageTotalBytes >> 20) +
                    " MiB of tables");
    }
    return entry.read();
  };
  package.taxonomy = check_report_json(package.display_path(report->path), read_capped(*report));
  for (const Entry& entry : entries) {
    if (folder_of(entry.path) != package.reports_dir) continue;
    const std::string name = lower(name_of(entry.path));
    if (name.size() < 4 || name.compare(name.size() - 4, 4, ".csv") != 0) continue;
    if (package.csv_files.count(name) != 0) {
      input_error(package.origin, "two tables named " + model::quoted(name) + " in " +
                                      model::quoted(package.reports_dir) +
                                      " (file names differ only in case)");
    }
    package.csv_files.emplace(name, read_capped(entry));
  }
  return package;
}

}  // namespace msout::model
