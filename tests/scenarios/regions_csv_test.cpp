#include "scenarios/regions_csv.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "scenarios/scenario_loader.hpp"
#include "test_support.hpp"

using namespace vicsim::scenarios;
namespace fs = std::filesystem;

namespace {

fs::path write_csv(const std::string& name, const std::string& text) {
  return vicsim::test::write_temp_file("vicsim_regions_csv_" + name + ".csv", text);
}

using vicsim::test::has_problem;

}  // namespace

TEST_CASE("regions_csv: parse_csv handles quotes, CRLF, a BOM and blank lines", "[scenarios]") {
  Diagnostics d;
  auto rows = parse_csv("\xEF\xBB\xBFname,x\r\n\"A, \"\"big\"\" one\",1\r\n\r\nB,2", "t.csv", d);
  REQUIRE(rows);
  REQUIRE(rows->size() == 4);
  CHECK((*rows)[0] == std::vector<std::string>{"name", "x"});
  CHECK((*rows)[1] == std::vector<std::string>{"A, \"big\" one", "1"});
  CHECK((*rows)[2].empty());
  CHECK((*rows)[3] == std::vector<std::string>{"B", "2"});
  CHECK_FALSE(parse_csv("name\n\"open", "t.csv", d));
  CHECK(has_problem(d, "row 2", "not closed"));
}

TEST_CASE("regions_csv: rows become regions, empty cells keep defaults", "[scenarios]") {
  Diagnostics d;
  auto p = write_csv("ok", "name,x_km,infrastructure,endowment.a\nr1,10,0.7,0.9\nr2,,0.2,\n");
  auto regions = read_regions_csv(p.string(), d);
  INFO(vicsim::test::format_all(d));
  REQUIRE(regions);
  REQUIRE(regions->size() == 2);
  CHECK((*regions)[0]["x_km"] == 10);
  CHECK((*regions)[0]["endowment"]["a"] == 0.9);
  CHECK_FALSE((*regions)[1].contains("x_km"));
  CHECK_FALSE((*regions)[1].contains("endowment"));
}

TEST_CASE("regions_csv: every problem names the file, the row and the column", "[scenarios]") {
  Diagnostics d;
  auto p = write_csv("bad", "name,x_km,infrastructure,infrastucture_x\nr1,ten,1.5,1\nr2,1\n");
  CHECK_FALSE(read_regions_csv(p.string(), d));
  INFO(vicsim::test::format_all(d));
  CHECK(has_problem(d, "row 2, column 2 (x_km)", "expected a number"));
  CHECK(has_problem(d, "row 2, column 2 (x_km)", "string \"ten\""));
  CHECK(has_problem(d, "row 2, column 3 (infrastructure)", "expected a number in [0, 1], got 1.5"));
  CHECK(has_problem(d, "row 2, column 4 (infrastucture_x)", "unknown key"));
  CHECK(has_problem(d, "row 3", "expected 4 cells as in the header, got 2"));
  for (const auto& x : d) CHECK(x.file == p.string());

  Diagnostics h;
  auto nohead = write_csv("noname", "x_km,x_km\n1,2\n");
  CHECK_FALSE(read_regions_csv(nohead.string(), h));
  CHECK(has_problem(h, "row 1, column 2 (x_km)", "duplicate column"));
  CHECK(has_problem(h, "row 1", "expected a 'name' column"));

  // A number too large for a double is a bad cell, not an uncaught exception.
  Diagnostics o;
  auto overflow = write_csv("overflow", "name,x_km\nr1,1e999\n");
  CHECK_FALSE(read_regions_csv(overflow.string(), o));
  CHECK(has_problem(o, "row 2, column 2 (x_km)", "string \"1e999\""));
}

TEST_CASE("regions_csv: the shipped example loads with its three regions", "[scenarios]") {
  const auto s = vicsim::test::load("examples/regions_from_csv.json");
  REQUIRE(s.regions.size() == 3);
  CHECK(s.regions[2].name == "Xi'an");
  CHECK(s.regions[0].endowment.at("electronics") == Approx(0.95));
  CHECK(s.regions[1].infrastructure == Approx(0.4));
  CHECK(s.industries.size() == 3);  // from traditional.json

  auto both = load_scenario(nlohmann::json::parse(R"({"regions_csv":"x.csv","regions":[]})"), "both.json");
  CHECK(has_problem(both.problems, "regions_csv", "not both"));
  auto missing = load_scenario(nlohmann::json::parse(R"({"regions_csv":"nowhere.csv"})"), "m.json");
  REQUIRE_FALSE(missing.problems.empty());
  CHECK(missing.problems[0].file == "nowhere.csv");
}

TEST_CASE("regions_csv: a problem found in the regions read from a table names the table's row",
          "[scenarios]") {
  // Duplicate names and unknown endowment industries are checked on the whole scenario; they are in the CSV.
  const auto csv = write_csv("dup", "name,x_km,endowment.toys\nA,1,0.5\nA,2,0.5\n");
  const auto json = vicsim::test::write_temp_file(
      "vicsim_regions_csv_dup.json", R"({"extends": ")" + vicsim::test::bundled("traditional.json") +
                                         R"(", "regions_csv": ")" + csv.filename().string() + R"("})");
  const auto r = load_scenario_file(json.string());
  INFO(vicsim::test::format_all(r.problems));
  REQUIRE_FALSE(r.problems.empty());
  bool duplicate = false, endowment = false;
  for (const auto& p : r.problems) {
    CHECK(p.file == csv.string());
    duplicate =
        duplicate || (p.path == "row 3 (name)" && p.message.find("duplicate name 'A'") != std::string::npos);
    endowment = endowment || p.path == "row 2 (endowment.toys)";
  }
  CHECK(duplicate);
  CHECK(endowment);
}
