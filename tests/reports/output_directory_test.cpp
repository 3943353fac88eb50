#include "reports/output_directory.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "reports/number_format.hpp"

using namespace vicsim::reports;
namespace fs = std::filesystem;

TEST_CASE("output_directory: nothing appears until commit, and an abandoned run leaves nothing",
          "[reports]") {
  const fs::path base = fs::temp_directory_path() / ("vicsim_od_" + std::to_string(::getpid()));
  fs::remove_all(base);
  const fs::path target = base / "run";
  {
    OutputDirectory d(target, false);
    std::ofstream(d.staging() / "a.txt") << "x";
    CHECK_FALSE(fs::exists(target));
  }  // destroyed without commit
  CHECK_FALSE(fs::exists(target));
  CHECK(fs::is_empty(base));
  {
    OutputDirectory d(target, false);
    std::ofstream(d.staging() / "a.txt") << "first";
    d.commit();
  }
  CHECK(fs::exists(target / "a.txt"));
  CHECK_THROWS_AS(OutputDirectory(target, false), OutputDirectoryError);  // old results are never clobbered
  {
    OutputDirectory d(target, true);
    std::ofstream(d.staging() / "b.txt") << "second";
    CHECK(fs::exists(target / "a.txt"));  // the old run stays until the new one is complete
    d.commit();
  }
  CHECK(fs::exists(target / "b.txt"));
  CHECK_FALSE(fs::exists(target / "a.txt"));
  // --force never deletes an input the command reads: a scenario inside the directory it would replace.
  std::ofstream(target / "scenario.json") << "{}";
  CHECK_THROWS_WITH(OutputDirectory(target, true, {target / "scenario.json"}),
                    Catch::Contains("an input of this command"));
  CHECK(fs::exists(target / "scenario.json"));
  { OutputDirectory d(target, true, {base / "elsewhere.json"}); }  // an input outside it is no obstacle
  fs::remove_all(base);
}

TEST_CASE("output_directory: numbers are written in shortest round-trip form", "[reports]") {
  CHECK(format_number(0.1) == "0.1");
  CHECK(format_number(3.0) == "3");
  CHECK(std::stod(format_number(1.0 / 3.0)) == 1.0 / 3.0);
  CHECK(format_number(std::nan("")) == "NA");
}
