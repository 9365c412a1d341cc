#include "model/whole_file.h"

#include <fstream>

#include "model/diagnostics.h"

namespace msout::model {

void write_whole_file(const std::filesystem::path& path,
                      const std::function<void(std::ostream&)>& write) {
  const std::filesystem::path temp = path.string() + ".tmp-writing";
  std::error_code ec;
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw IoError(path.string() + ": cannot write");
    write(out);
    out.flush();
    if (!out) {
      out.close();
      std::filesystem::remove(temp, ec);
      throw IoError(path.string() + ": write failed");
    }
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    const std::string reason = ec.message();
    std::filesystem::remove(temp, ec);
    throw IoError(path.string() + ": cannot replace: " + reason);
  }
}

}  // namespace msout::model
