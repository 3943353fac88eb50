#include "app/child_run_files.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "reports/csv_table.hpp"
#include "reports/run_writers.hpp"

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

}  // namespace vicsim::app
