#include "reports/pilot_effect.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>

using namespace vicsim;
using reports::RegionPanelRow;

namespace {
const reports::PilotEffect& find(const std::vector<reports::PilotEffect>& v, const std::string& name) {
  for (const auto& e : v)
    if (e.outcome == name) return e;
  throw std::runtime_error("no outcome " + name);
}
}  // namespace

TEST_CASE("pilot effect: post-start differences averaged per region, then per group", "[reports]") {
  // Two regions (0 treated, 1 control), ticks 1..4, pilot from tick 3.
  std::vector<RegionPanelRow> with, without;
  for (std::int32_t t = 1; t <= 4; ++t)
    for (std::size_t r = 0; r < 2; ++r) {
      sim::RegionMetrics base;
      base.adoption_share = 0.1 * t;
      base.output = 100.0;
      sim::RegionMetrics treated = base;
      if (t >= 3 && r == 0) treated.adoption_share += 0.2 * (t - 2);  // +0.2 at tick 3, +0.4 at tick 4
      if (t >= 3 && r == 1) treated.output -= 10.0;                   // spill-over on the control
      with.push_back({t, r, r == 0, treated});
      without.push_back({t, r, r == 0, base});
    }
  const auto e = reports::pilot_effects(with, without, 3);
  CHECK(find(e, "adoption_share").treated == Approx(0.3));
  CHECK(find(e, "adoption_share").control == Approx(0.0));
  CHECK(find(e, "output").control == Approx(-10.0));
  CHECK(find(e, "output").treated_regions == 1);
  CHECK(find(e, "output").control_regions == 1);
  CHECK(find(e, "adoption_share").treated_total == Approx(0.3));
  // Inputs are not outcomes; adopting firms are derived (adoption share × firms: firms are 0 here).
  for (const auto& x : e) CHECK(x.outcome != "infrastructure");
  CHECK(find(e, "adopters").treated == Approx(0.0));
  // Over replications: the mean and a paired t interval; one replication has no interval.
  const std::vector<reports::PilotReplication> reps = {{1, 100.0, e}, {2, 300.0, e}};
  const auto s = reports::summarise_pilot_effects(reps);
  CHECK(s.front().replications == 2);
  CHECK(s.front().extra_spend.mean == Approx(200.0));
  CHECK(std::isnan(reports::summarise_pilot_effects({reps.front()}).front().treated.low));

  without.pop_back();
  CHECK_THROWS_AS(reports::pilot_effects(with, without, 3), std::invalid_argument);
}
