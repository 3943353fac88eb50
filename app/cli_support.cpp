#include "app/cli_support.hpp"

#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstring>
#include <fstream>
#include <iostream>
#include <stdexcept>

namespace vicsim::app {

std::atomic<bool> g_interrupted{false};

namespace {
extern "C" void on_signal(int) { g_interrupted = true; }
}  // namespace

void install_interrupt_handlers() {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
}

void check_interrupted() {
  if (g_interrupted) throw Interrupted{};
}

CLI::Validator seed_validator() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        std::uint64_t v = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (s.empty() || ec != std::errc{} || end != s.data() + s.size())
          return "expected an integer from 0 to 18446744073709551615, got '" + s + "'";
        return "";
      },
      "SEED");
}

int report_problems(const scenarios::Diagnostics& problems) {
  for (const auto& p : problems) std::cerr << "error: " << p.format() << "\n";
  std::cerr << problems.size() << " problem" << (problems.size() == 1 ? "" : "s") << " found\n";
  return 2;
}

std::unique_ptr<reports::OutputDirectory> open_output_directory(
    const std::string& out, bool force, const std::vector<std::filesystem::path>& inputs) {
  try {
    return std::make_unique<reports::OutputDirectory>(out, force, inputs);
  } catch (const reports::OutputError& e) {
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
  if (!out) throw reports::OutputError(p.string() + ": cannot create the file: " + std::strerror(errno));
  fn(out);
  out.flush();
  if (!out) throw reports::OutputError(p.string() + ": write failed: " + std::strerror(errno));
}

}  // namespace vicsim::app
