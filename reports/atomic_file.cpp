#include "reports/atomic_file.hpp"

#include <unistd.h>

#include <fstream>
#include <stdexcept>

namespace vicsim::reports {

namespace fs = std::filesystem;

void write_file_atomically(const fs::path& path, const std::function<void(std::ostream&)>& fill) {
  const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
  const fs::path tmp = parent / ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()));
  try {
    std::ofstream f(tmp, std::ios::binary);
    if (!f)
      throw std::runtime_error(path.string() + ": cannot create a file there (does the directory exist?)");
    fill(f);
    f.flush();
    if (!f) throw std::runtime_error(path.string() + ": write failed");
  } catch (...) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw;
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw std::runtime_error(path.string() + ": cannot move the file into place: " + ec.message());
  }
}

}  // namespace vicsim::reports
