#include "agents/tie_dynamics.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "agents/supplier_beliefs.hpp"

using namespace vicsim;
using namespace vicsim::agents;

TEST_CASE(
    "tie_dynamics: a supply tie at the established trust has Mizuno's hazard, a collaboration tie needs "
    "trust 1",
    "[agents]") {
  ModelParams p;
  const double established = steady_tie_trust(p.information);  // 0.621 with the defaults
  const double h_trusted = 1.0 - std::pow(p.ties.trusted_tie_annual_survival, 1.0 / 12.0);
  sim::Tie supply;
  supply.kind = sim::TieKind::Supply;
  supply.trust = established;
  // An established tie with an average supplier survives a year like Mizuno's links (7.101).
  CHECK(std::pow(1.0 - dissolution_hazard(tie_hazard_rates(p.ties), supply, established), 12.0) ==
        Approx(0.92));
  supply.trust = 0.5 * established;  // halfway to established: halfway between the two hazards
  const double h_new = 1.0 - std::pow(0.5, 1.0 / p.ties.new_tie_half_life_months);
  CHECK(dissolution_hazard(tie_hazard_rates(p.ties), supply, established) ==
        Approx(0.5 * (h_new + h_trusted)));
  sim::Tie collaboration = supply;
  collaboration.kind = sim::TieKind::Collaboration;
  collaboration.trust = established;  // collaboration trust grows toward 1, where its hazard is Mizuno's
  CHECK(dissolution_hazard(tie_hazard_rates(p.ties), collaboration, established) > 2.0 * h_trusted);
  collaboration.trust = 1.0;
  CHECK(dissolution_hazard(tie_hazard_rates(p.ties), collaboration, established) == Approx(h_trusted));
}
