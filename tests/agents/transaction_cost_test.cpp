#include "agents/transaction_cost.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "agents/knowledge.hpp"

using namespace vicsim::agents;

TEST_CASE("transaction_cost: handling cost rises with distance; lead time adds transport", "[agents]") {
  TradeParams p;
  CHECK(handling_cost_rate(p, 1000) > handling_cost_rate(p, 30));
  // tau doubles at the distance scale
  CHECK(handling_cost_rate(p, p.distance_scale_km) == Approx(2 * handling_cost_rate(p, 0)));
  CHECK(lead_time_days(p, 800) == Approx(p.production_days + 2.0));  // order handling: order_handling.hpp
}

TEST_CASE("transaction_cost: tie hazard reproduces Reisch and Mizuno anchors", "[agents]") {
  TieParams p;
  // An untrusted tie halves in 13 months; a tie at the established trust survives 92% a year.
  constexpr double kEstablished = 0.62;
  CHECK(std::pow(1 - tie_hazard(tie_hazard_rates(p), 0.0, kEstablished), 13.0) == Approx(0.5));
  CHECK(std::pow(1 - tie_hazard(tie_hazard_rates(p), kEstablished, kEstablished), 12.0) == Approx(0.92));
  CHECK(std::pow(1 - tie_hazard(tie_hazard_rates(p), 1.0, 1.0), 12.0) ==
        Approx(0.92));  // collaboration ties: trust 1
}

TEST_CASE("transaction_cost: tie hazard reaches the trusted end at the established trust, not at trust 1",
          "[agents]") {
  TieParams p;
  const double h_trusted = 1.0 - std::pow(p.trusted_tie_annual_survival, 1.0 / 12.0);
  const double h_new = 1.0 - std::pow(0.5, 1.0 / p.new_tie_half_life_months);
  // Half the established trust is halfway between the two hazards; above it the hazard stays trusted.
  CHECK(tie_hazard(tie_hazard_rates(p), 0.31, 0.62) == Approx(0.5 * (h_new + h_trusted)));
  CHECK(tie_hazard(tie_hazard_rates(p), 0.8, 0.62) == Approx(h_trusted));
  CHECK(tie_hazard(tie_hazard_rates(p), 0.0, 0.0) == Approx(h_trusted));  // nothing more to earn: trusted
}

TEST_CASE("transaction_cost: tie hazard at hoisted rates equals the per-tie formula to the last bit",
          "[agents]") {
  // update_and_decay_ties computes the two parameter-only pow()s once a month (tie_hazard_rates); the
  // hazard of every tie must be the bits the per-tie formula gives.
  TieParams p;
  p.new_tie_half_life_months = 9.7;
  p.trusted_tie_annual_survival = 0.873;
  const TieHazardRates h = tie_hazard_rates(p);
  CHECK(h.h_new == 1.0 - std::pow(0.5, 1.0 / 9.7));
  CHECK(h.h_trusted == 1.0 - std::pow(0.873, 1.0 / 12.0));
  for (const double established : {0.0, 0.35, 0.62, 1.0})
    for (double trust = 0.0; trust <= 1.0; trust += 0.0625) {
      const double x = trust >= established ? 1.0 : std::max(0.0, trust / established);
      const double by_hand = (1.0 - x) * (1.0 - std::pow(0.5, 1.0 / p.new_tie_half_life_months)) +
                             x * (1.0 - std::pow(p.trusted_tie_annual_survival, 1.0 / 12.0));
      INFO("trust " << trust << ", established " << established);
      CHECK(tie_hazard(h, trust, established) == by_hand);
    }
}

TEST_CASE("knowledge: spillover weight halves at Keller's distance", "[agents]") {
  KnowledgeParams p;
  CHECK(spillover_weight(p, 0) == Approx(1.0));
  CHECK(spillover_weight(p, 1200) == Approx(0.5));
  CHECK(spillover_weight(p, 2400) == Approx(0.25));
}
