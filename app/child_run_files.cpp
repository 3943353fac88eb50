#include "app/child_run_files.hpp"

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "reports/csv_table.hpp"
#include "reports/run_writers.hpp"
#include "vicsim_version.hpp"

namespace vicsim::app {

std::vector<std::string> timeseries_columns() {
  std::ostringstream out;
  reports::write_timeseries_csv(out, {}, {});
  return reports::CsvTable::parse(out.str(), "timeseries.csv").header();
}

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error(p.string() + ": cannot open");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string log_summary(const std::filesystem::path& log) {
  std::ifstream in(log);
  std::string line, last;
  while (std::getline(in, line)) {
    if (line.rfind("error: ", 0) == 0 || line.rfind("internal error: ", 0) == 0) return line;
    if (line.find_first_not_of(" \t\r") != std::string::npos) last = line;
  }
  return last;
}

int open_resumable_directory(const std::filesystem::path& dir, const std::string& manifest_name,
                             const std::string& fingerprint, bool force, const std::string& mismatch,
                             bool& resume) {
  namespace fs = std::filesystem;
  resume = false;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    std::cerr << "error: " << dir.string() << ": exists and is not a directory\n";
    return 2;
  }
  const fs::path manifest_file = dir / manifest_name;
  if (!fs::exists(dir) || fs::is_empty(dir)) return 0;
  if (!fs::exists(manifest_file)) {  // never deleted, not even with --force: it is not ours
    std::cerr << "error: " << dir.string() << ": directory exists, is not empty and holds no "
              << manifest_name << "; use another --out\n";
    return 2;
  }
  if (force) {
    fs::remove_all(dir);
    return 0;
  }
  nlohmann::json old;
  try {
    old = nlohmann::json::parse(read_text(manifest_file));
  } catch (const std::exception& err) {
    std::cerr << "error: " << manifest_file.string() << ": unreadable (" << err.what() << ")\n";
    return 2;
  }
  // Results of two model versions must not mix: the inputs' fingerprint cannot see a rebuilt model.
  if (const std::string begun_by = old.value("git_hash", "unknown"); begun_by != kGitHash) {
    std::cerr
        << "error: " << dir.string() << " was begun by vicsim " << begun_by << " and this is vicsim "
        << kGitHash
        << ": resuming would mix results of two model versions. Use another --out, or --force to discard "
           "it and start over.\n";
    return 2;
  }
  if (old.value("fingerprint", "") != fingerprint) {
    std::cerr << "error: " << dir.string() << " holds " << mismatch << " changed since it began (fingerprint "
              << old.value("fingerprint", "?") << ", now " << fingerprint
              << "). Use another --out, or --force to discard it and start over.\n";
    return 2;
  }
  resume = true;
  return 0;
}

}  // namespace vicsim::app
