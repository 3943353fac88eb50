#include "app/cli_support.hpp"

#include <fstream>
#include <iostream>
#include <stdexcept>

namespace vicsim::app {

std::atomic<bool> g_interrupted{false};

void check_interrupted() {
  if (g_interrupted) throw Interrupted{};
}

int report_problems(const scenarios::Diagnostics& problems) {
  for (const auto& p : problems) std::cerr << "error: " << p.format() << "\n";
  std::cerr << problems.size() << " problem" << (problems.size() == 1 ? "" : "s") << " found\n";
  return 2;
}

std::unique_ptr<reports::OutputDirectory> open_output_directory(const std::string& out, bool force) {
  try {
    return std::make_unique<reports::OutputDirectory>(out, force);
  } catch (const reports::OutputDirectoryError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return nullptr;
  }
}

std::filesystem::path scenarios_dir() {
  if (std::filesystem::is_directory("scenarios")) return "scenarios";
  return std::filesystem::path(VICSIM_SOURCE_DIR) / "scenarios";
}

void write_file(const std::filesystem::path& p, const std::function<void(std::ostream&)>& fn) {
  std::ofstream out(p, std::ios::binary);
  fn(out);
  out.flush();
  if (!out) throw std::runtime_error(p.string() + ": write failed");
}

}  // namespace vicsim::app
