// ReportPackage: the files of an xBRL-CSV report package, the form in which EU financial
// entities report their DORA Register of Information (EBA reporting framework): a ZIP, or
// the directory it unpacks to, holding `report.json` (the report's metadata, naming the
// taxonomy module it extends), `parameters.csv`, `FilingIndicators.csv` and one CSV file per
// template (`b_05.01.csv`, ...), usually under `<name>/reports/`.
//
// read_report_package() finds the one `report.json` (at most three folders deep), checks
// that it is an xBRL-CSV report, and keeps the CSV files beside it. ZIP archives are read
// with libzip, whose CRC checks catch a damaged archive; sizes are capped before anything
// is decompressed, so a ZIP bomb costs nothing. Nothing is ever extracted to disk.
//
//   ReportPackage p = read_report_package("register.zip");
//   if (const std::string* csv = p.table_text("B_05.01")) parse(p.display(...), *csv);
//
// Thread-safe (no shared state); a ReportPackage is a plain value.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace msout::model {

// The largest file and the largest total msout reads from a package (uncompressed).
inline constexpr std::uint64_t kMaxPackageFileBytes = std::uint64_t{64} << 20;
inline constexpr std::uint64_t kMaxPackageTotalBytes = std::uint64_t{256} << 20;

struct ReportPackage {
  std::string origin;       // the path as given: the ZIP or the directory
  bool archive = false;     // a ZIP (files are named "zip:path"), not a directory ("dir/path")
  std::string reports_dir;  // the folder of report.json inside it: "" or "x/reports/"
  std::string taxonomy;     // report.json's documentInfo.extends[0], or "" when absent
  // The CSV files of reports_dir by lower-case file name ("b_05.01.csv"), with their text.
  std::map<std::string, std::string> csv_files;

  // "register.zip:bank/reports/b_05.01.csv" or "register/reports/b_05.01.csv": how
  // diagnostics name a file of the package.
  std::string display(std::string_view file_name) const;
  // The same for any path inside the package ("bank/reports/report.json").
  std::string display_path(std::string_view path_in_package) const;
  // The text of a template's table ("B_05.01" -> b_05.01.csv), or nullptr if absent.
  const std::string* table_text(std::string_view template_code) const;
};

// Reads a package from a ZIP file or a directory. Throws IoError (missing, unreadable, not
// a ZIP, damaged, too large) or InputError (no report.json, two of them, or a report.json
// that is not an xBRL-CSV report), each naming the path and the file inside it.
ReportPackage read_report_package(const std::filesystem::path& path);

}  // namespace msout::model
