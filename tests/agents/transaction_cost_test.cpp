#include "agents/transaction_cost.hpp"

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
  // An untrusted tie halves in 13 months; a fully trusted one survives 92% a year.
  CHECK(std::pow(1 - tie_hazard(p, 0.0), 13.0) == Approx(0.5));
  CHECK(std::pow(1 - tie_hazard(p, 1.0), 12.0) == Approx(0.92));
}

TEST_CASE("knowledge: spillover weight halves at Keller's distance", "[agents]") {
  KnowledgeParams p;
  CHECK(spillover_weight(p, 0) == Approx(1.0));
  CHECK(spillover_weight(p, 1200) == Approx(0.5));
  CHECK(spillover_weight(p, 2400) == Approx(0.25));
}
