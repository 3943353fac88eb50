#include "agents/demography.hpp"

#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace vicsim;

TEST_CASE("demography: runaway entry stops at the hard firm cap instead of exhausting memory", "[agents]") {
  // The parameter set of issue 16 (each inside its documented range): 2,000 firms grew to 1,085,490 by
  // tick 9.
  const std::vector<std::string> runaway = {
      "mechanisms.population.count=400", "ticks=24", "mechanisms.market.markup=3.75",
      "mechanisms.demography.shrink_below=5.7", "mechanisms.demography.entry_rate=0.34"};
  auto capped = runaway;
  capped.push_back("mechanisms.demography.max_firm_growth=5");
  const auto s = test::load("traditional.json", capped);
  CHECK(agents::firm_cap(s.mechanisms) == 2000);
  try {
    // The warm-up (docs/ODD.md 7.1a) runs entry too, so the cap may already stop the model's construction.
    auto model = scenarios::build_model(s, 1);
    agents::run_simulation(model, s.ticks, {});
    FAIL("the firm count never reached the cap");
  } catch (const agents::FirmLimitExceeded& e) {
    CHECK(std::string(e.what()).find("over 2000") != std::string::npos);
  }
}

TEST_CASE("demography: the cap is the smaller of max_firms and max_firm_growth x count", "[agents]") {
  agents::ModelParams p;
  p.population.count = 1000;
  CHECK(agents::firm_cap(p) == 50000);
  p.demography.max_firms = 20000;
  CHECK(agents::firm_cap(p) == 20000);
}
