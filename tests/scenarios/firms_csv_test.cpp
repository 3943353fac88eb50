#include "scenarios/firms_csv.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "scenarios/csv_table.hpp"
#include "scenarios/scenario_loader.hpp"
#include "scenarios/world_builder.hpp"
#include "test_support.hpp"

using namespace vicsim::scenarios;
namespace fs = std::filesystem;

namespace {

fs::path write_file(const std::string& name, const std::string& text) {
  return vicsim::test::write_temp_file("vicsim_firms_csv_" + name, text);
}

using vicsim::test::has_problem;

/** A scenario with two regions and one industry (default stages), for the reader's name checks. */
const nlohmann::json kWorld =
    nlohmann::json::parse(R"({"regions":[{"name":"A"},{"name":"B"}],"industries":[{"name":"toys"}]})");

}  // namespace

TEST_CASE("firms_csv: rows become register entries, empty optional cells are left to the draws",
          "[scenarios]") {
  Diagnostics d;
  auto p = write_file("ok.csv",
                      "region,industry,stage,employees,productivity,chain_master,digital_maturity\n"
                      "A,toys,assembly,120,0.9,1,0.3\nB,toys,0,8,,,\n");
  auto firms = read_firms_csv(p.string(), kWorld, d);
  INFO(vicsim::test::format_all(d));
  REQUIRE(firms);
  REQUIRE(firms->size() == 2);
  CHECK((*firms)[0]["region"] == "A");
  CHECK((*firms)[0]["employees"] == 120);
  CHECK((*firms)[0]["chain_master"] == 1);
  CHECK((*firms)[1]["stage"] == "0");  // an index stays text: the stage is a name or an index
  CHECK_FALSE((*firms)[1].contains("productivity"));
  CHECK_FALSE((*firms)[1].contains("digital_maturity"));
}

TEST_CASE("firms_csv: every problem names the file, the row and the column", "[scenarios]") {
  Diagnostics d;
  auto p = write_file("bad.csv",
                      "region,industry,stage,employees,digital_maturity,colour\n"
                      "C,toys,assembly,10,,\n"
                      "A,cars,assembly,10,,\n"
                      "A,toys,7,10,,\n"
                      "A,toys,assembly,0,1.5,\n"
                      "A,toys,assembly,ten,,red\n"
                      "A,toys\n");
  CHECK_FALSE(read_firms_csv(p.string(), kWorld, d));
  INFO(vicsim::test::format_all(d));
  CHECK(has_problem(d, "row 2, column 1 (region)", "expected a region of the scenario, got 'C'"));
  CHECK(has_problem(d, "row 3, column 2 (industry)", "expected an industry of the scenario, got 'cars'"));
  CHECK(has_problem(d, "row 4, column 3 (stage)", "(a name or an index 0-3), got '7'"));
  CHECK(has_problem(d, "row 5, column 5 (digital_maturity)", "got 1.5"));
  CHECK(has_problem(d, "row 6, column 4 (employees)", "string \"ten\""));
  CHECK(has_problem(d, "row 6, column 6 (colour)", "unknown key"));
  CHECK(has_problem(d, "row 7", "expected 6 cells as in the header, got 2"));
  for (const auto& x : d) CHECK(x.file == p.string());

  Diagnostics zero;
  auto z = write_file("zero.csv", "region,industry,stage,employees\nA,toys,assembly,0\n");
  CHECK_FALSE(read_firms_csv(z.string(), kWorld, zero));
  CHECK(has_problem(zero, "row 2, column 4 (employees)",
                    "expected more than 0 and at most 1e7 workers, got 0"));
  Diagnostics huge;
  auto hz = write_file("huge.csv", "region,industry,stage,employees\nA,toys,assembly,1e300\n");
  CHECK_FALSE(read_firms_csv(hz.string(), kWorld, huge));
  CHECK(has_problem(huge, "row 2, column 4 (employees)", "at most 1e7 workers, got 1e+300"));

  Diagnostics h;
  auto nohead = write_file("nohead.csv", "region,industry,industry\nA,toys,toys\n");
  CHECK_FALSE(read_firms_csv(nohead.string(), kWorld, h));
  CHECK(has_problem(h, "row 1, column 3 (industry)", "duplicate column"));
  CHECK(has_problem(h, "row 1", "expected a 'stage' column"));
  CHECK(has_problem(h, "row 1", "expected a 'employees' column"));
}

TEST_CASE("firms_csv: the register sets the population count, which must agree if written", "[scenarios]") {
  auto ok = load_scenario(nlohmann::json::parse(R"({"regions":[{"name":"A"}],"industries":[{"name":"toys"}],
      "firms":[{"region":"A","industry":"toys","stage":"assembly","employees":5}]})"),
                          "ok.json");
  INFO(vicsim::test::format_all(ok.problems));
  REQUIRE(ok.scenario);
  CHECK(ok.scenario->mechanisms.population.count == 1);

  auto clash =
      load_scenario(nlohmann::json::parse(R"({"regions":[{"name":"A"}],"industries":[{"name":"toys"}],
      "firms":[{"region":"A","industry":"toys","stage":"assembly","employees":5}],
      "mechanisms":{"population":{"count":50}}})"),
                    "clash.json");
  CHECK(has_problem(clash.problems, "mechanisms.population.count", "expected the firm register's 1 rows"));
  auto unknown =
      load_scenario(nlohmann::json::parse(R"({"regions":[{"name":"A"}],"industries":[{"name":"toys"}],
      "firms":[{"region":"Z","industry":"toys","stage":"assembly","employees":5}]})"),
                    "unknown.json");
  CHECK(has_problem(unknown.problems, "firms[0].region", "got 'Z'"));

  auto both = load_scenario(nlohmann::json::parse(R"({"firms_csv":"x.csv","firms":[]})"), "both.json");
  CHECK(has_problem(both.problems, "firms_csv", "not both"));
}

TEST_CASE("firms_csv: the shipped example starts with exactly its register's firms", "[scenarios]") {
  // Without the warm-up, the model's tick 0 is the population as set up.
  const auto s =
      vicsim::test::load("examples/firms_from_csv.json", {"mechanisms.population.warmup_months=0"});
  REQUIRE(s.firms.size() == 36);
  CHECK(s.mechanisms.population.count == 36);
  std::ifstream in(vicsim::test::bundled("examples/firm_register.csv"));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Diagnostics d;
  const auto rows = parse_csv(text, "firm_register.csv", d);
  REQUIRE(rows);
  REQUIRE(rows->size() == 37);

  const auto model = build_model(s);
  const auto& w = model.world();
  REQUIRE(w.firms.size() == 36);
  int chain_masters = 0;
  for (std::size_t k = 0; k < 36; ++k) {
    const auto& row = (*rows)[k + 1];  // region, industry, stage, employees, productivity, chain_master, ...
    INFO("firm " << k);
    CHECK(w.regions[vicsim::sim::idx(w.firms.region[k])].name == row[0]);
    CHECK(w.industries[vicsim::sim::idx(w.firms.industry[k])].name == row[1]);
    CHECK(w.firms.employees[k] == Approx(std::stod(row[3])));
    if (!row[4].empty()) CHECK(w.firms.productivity[k] == Approx(std::stod(row[4])));
    if (!row[5].empty()) CHECK(static_cast<int>(w.firms.chain_master[k]) == std::stoi(row[5]));
    chain_masters += w.firms.chain_master[k];
  }
  CHECK(chain_masters == 3);  // one per industry, as the register says
}
