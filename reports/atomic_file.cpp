#include "reports/atomic_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "reports/output_error.hpp"
#include "reports/stale_files.hpp"

namespace vicsim::reports {

namespace fs = std::filesystem;

void write_file_atomically(const fs::path& path, const std::function<void(std::ostream&)>& fill) {
  const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
  const std::string prefix = "." + path.filename().string() + ".tmp-";
  remove_stale_entries(parent, prefix);  // left by a writer that was killed
  const fs::path tmp = parent / (prefix + std::to_string(::getpid()));
  try {
    std::ofstream f(tmp, std::ios::binary);
    if (!f) throw OutputError(path.string() + ": cannot create a file there: " + std::strerror(errno));
    fill(f);
    f.flush();
    if (!f) throw OutputError(path.string() + ": write failed: " + std::strerror(errno));
  } catch (...) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw;
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw OutputError(path.string() + ": cannot move the file into place: " + ec.message());
  }
}

}  // namespace vicsim::reports
