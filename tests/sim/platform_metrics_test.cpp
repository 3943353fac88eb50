#include "sim/platform_metrics.hpp"

#include <catch2/catch.hpp>

#include "sim/interconnection.hpp"

using namespace vicsim::sim;

TEST_CASE("platform metrics: members from the membership bits, effective fee under a cap, units", "[sim]") {
  World w;
  w.industries = {Industry{"a", {"s"}, 1.0, {}, 1.0, {}}};
  w.regions.resize(1);
  w.platforms.resize(2);
  Platform& a = w.platforms[0];
  a.alive = true;
  a.interconnected = true;
  a.members = 99;  // stale count from earlier in the tick: the bits decide
  a.transaction_fee = 0.04;
  a.entry_fee = Money{5000.0};
  a.cash = Money{-12.5};
  a.revenue = Money{30.0};
  a.cost = Money{20.0};
  a.gmv = 1500.0;
  a.service_latency_s = 0.25;
  a.congestion = 1.5;
  a.telemetry_delivered = 0.6;
  a.traffic_Bps[3] = 1e6;  // telemetry, B/s
  a.telemetry_lost_Bps = 4e5;
  a.congestion_worst = 2.5;
  a.congestion_traffic = 1.8;
  a.pooled_value = 7000.0;
  a.logistics_cost = Money{28.0};
  w.platforms[1].transaction_fee = 0.01;
  // Firm 0 on both platforms, firm 1 on platform 0, firm 2 on platform 1 but exited.
  for (int k = 0; k < 3; ++k) w.add_firm();
  w.firms.platforms[0] = 3u;
  w.firms.platforms[1] = 1u;
  w.firms.platforms[2] = 2u;
  w.firms.alive[2] = 0;

  const auto m = platform_metrics(w, 0.03);
  REQUIRE(m.size() == 2);
  CHECK(m[0].members == 2);
  CHECK(m[1].members == 1);
  CHECK(m[0].alive == 1);
  CHECK(m[0].interconnected == 0);  // flagged, but there is no middle platform (sim::connected_platforms)
  CHECK(m[1].alive == 0);
  CHECK(m[0].transaction_fee == Approx(0.03));  // capped
  CHECK(m[0].posted_transaction_fee == Approx(0.04));
  CHECK(m[1].transaction_fee == Approx(0.01));  // below the cap
  CHECK(m[0].entry_fee_yuan == 5000.0);
  CHECK(m[0].cash_yuan == -12.5);
  CHECK(m[0].revenue_yuan == 30.0);
  CHECK(m[0].cost_yuan == 20.0);
  CHECK(m[0].gmv_yuan == 1500.0);
  CHECK(m[0].service_latency_ms == Approx(250.0));
  CHECK(m[0].congestion == 1.5);
  CHECK(m[0].telemetry_delivered == Approx(0.6));
  CHECK(platform_metrics(w, 1.0)[0].transaction_fee == Approx(0.04));  // no supervision

  // Every column names a distinct member, and the list is in the order the struct declares them.
  const auto& cols = platform_columns();
  CHECK(cols.front().name == "alive");
  CHECK(cols.back().name == "logistics_cost_yuan");
  // Traffic in Mbit/s, congestion and logistics as the platform holds them (7.45–7.48, 7.60).
  CHECK(m[0].traffic_telemetry_mbps == Approx(8.0));
  CHECK(m[0].traffic_orders_mbps == 0.0);
  CHECK(m[0].telemetry_lost_mbps == Approx(3.2));
  CHECK(m[0].congestion_worst == 2.5);
  CHECK(m[0].congestion_traffic_weighted == 1.8);
  CHECK(m[0].logistics_pooled_yuan == 7000.0);
  CHECK(m[0].logistics_cost_yuan == 28.0);
  // `parent` is the one member written by name (the parent platform's), not as a number column.
  CHECK((cols.size() + 1) * sizeof(double) == sizeof(PlatformMetrics));
}

TEST_CASE("platform metrics: a platform counts as connected only while an alive middle platform exists",
          "[sim]") {
  // The flag can outlive the middle platform, or be set by a mandate in a world without one (docs/ODD.md
  // 7.22): the outputs report what the model's reach uses (sim::connected_platforms).
  World w;
  w.industries = {Industry{"a", {"s"}, 1.0, {}, 1.0, {}}};
  w.regions.resize(1);
  w.platforms.resize(2);
  w.platforms[0].alive = true;
  w.platforms[0].interconnected = true;
  w.platforms[1].level = PlatformLevel::Middle;
  w.platforms[1].interconnected = true;
  w.platforms[1].alive = true;
  CHECK(platform_metrics(w, 1.0)[0].interconnected == 1);
  CHECK(connected_platforms(w.platforms) == 3u);
  w.platforms[1].alive = false;  // the middle platform failed
  CHECK(platform_metrics(w, 1.0)[0].interconnected == 0);
  CHECK(connected_platforms(w.platforms) == 0u);
  w.platforms.pop_back();  // no middle platform at all
  CHECK(connected_platforms(w.platforms) == 0u);
}
