// The coupling of the firm model to the SimGrid layer (issue 14 §1): traffic by kind, and what its
// completion times and losses do to order handling, forecasts, dispatch and telemetry
// (docs/ODD.md 7.45–7.48).
#include "agents/infrastructure_feedback.hpp"

#include <algorithm>
#include <cmath>

#include "agents/order_handling.hpp"
#include "agents/supplier_beliefs.hpp"
#include "reports/paired_comparison.hpp"
#include "test_support.hpp"

using namespace vicsim;

namespace {
/** `sets` plus every region of the platform-led world (6 regions) at infrastructure `level`. */
std::vector<std::string> every_region_at(const std::string& level, std::vector<std::string> sets) {
  for (int k = 0; k < 6; ++k) sets.push_back("regions." + std::to_string(k) + ".infrastructure=" + level);
  return sets;
}

/** Mean of a metric over the last 24 months of a run. */
double last_24(const std::vector<sim::TickMetrics>& s, double sim::TickMetrics::*m) {
  double x = 0;
  for (std::size_t t = s.size() - 24; t < s.size(); ++t) x += s[t].*m / 24.0;
  return x;
}
}  // namespace

TEST_CASE("infrastructure_feedback: backlog wait is the fluid queue's mean over the busy hours", "[agents]") {
  CHECK(agents::backlog_wait_s(0.5, 8) == 0.0);
  CHECK(agents::backlog_wait_s(1.0, 8) == 0.0);
  // ρ = 2 for 8 h: the last message waits 8 h, the mean one 4 h.
  CHECK(agents::backlog_wait_s(2.0, 8) == Approx(4 * 3600.0));
}

TEST_CASE("infrastructure_feedback: order handling, freshness, dispatch and telemetry follow the network",
          "[agents]") {
  agents::InfrastructureParams p;  // 3-day coherence, 4-hour dispatch window, 8 busy hours
  CHECK(agents::forecast_freshness(0.0, 3) == 1.0);
  CHECK(agents::forecast_freshness(3.0, 3) == Approx(std::exp(-1.0)));
  CHECK(agents::dispatch_in_time(p, 0.8, 0.2) == 1.0);
  // ρ = 3: requests after (4 h − 0.2 s) / 2 into the 8 busy hours miss the window.
  CHECK(agents::dispatch_in_time(p, 3.0, 0.2) == Approx((4 * 3600.0 - 0.2) / (2 * 8 * 3600.0)));
  CHECK(agents::dispatch_in_time(p, 1.0, 5 * 3600.0) == 0.0);
  CHECK(agents::telemetry_delivered(0.9) == 1.0);
  CHECK(agents::telemetry_delivered(4.0) == Approx(0.25));
}

TEST_CASE("infrastructure_feedback: every traffic kind is routed and weak access links lose telemetry",
          "[agents]") {
  // The bundled platform-led world with every region at level 0, no network investment by platforms and four
  // times the seed's devices per member firm: since joining weighs value (issue 13 §2) too few firms join the
  // level-0 world for the calibrated load to overload it (docs/ODD.md 7.49), and this test is about what an
  // overloaded route does. Machinery Point never launches (its launch month is past the horizon): its slot's
  // routes carry nothing, as an unlaunched, failed or empty founding slot's do.
  std::vector<std::string> sets = {"ticks=72", "mechanisms.platform_economy.network_investment=false",
                                   "mechanisms.infrastructure.devices_per_member=1000",
                                   "platforms[3].launch_tick=200"};
  auto s = test::load("platform_led.json", every_region_at("0", sets));
  auto r = test::run(s);
  const auto& w = r.model->world();
  const auto& c = r.model->context();
  bool overloaded = false;
  for (std::size_t p = 0; p < w.platforms.size(); ++p) {
    if (!w.platforms[p].alive || w.platforms[p].members == 0) continue;
    INFO("platform " << p << " congestion " << w.platforms[p].congestion << " telemetry delivered "
                     << w.platforms[p].telemetry_delivered << " order handling "
                     << c.infra.order_handling_days[p] << " days");
    CHECK(c.infra.traffic_bytes[p][static_cast<std::size_t>(agents::TrafficKind::Telemetry)] > 0.0);
    CHECK(c.infra.traffic_bytes[p][static_cast<std::size_t>(agents::TrafficKind::Design)] > 0.0);
    if (w.platforms[p].congestion > 1.0) {
      overloaded = true;
      CHECK(w.platforms[p].telemetry_delivered < 1.0);
      CHECK(c.infra.order_handling_days[p] > 0.01);
    }
  }
  CHECK(overloaded);
  // An e-mail order waits behind its region's access link: the least backlog among the routes that carry
  // traffic. The unlaunched slot carries none; its empty routes do not count.
  const std::size_t R = w.regions.size(), P = w.platforms.size();
  bool an_email_waits = false;
  for (std::size_t q = 0; q < R; ++q) {
    double least = -1.0;
    for (std::size_t p = 0; p < P; ++p)
      if (c.infra.at(q, p).members > 0 && (least < 0 || c.infra.at(q, p).wait_s < least))
        least = c.infra.at(q, p).wait_s;
    INFO("region " << q << ": least wait over routes with members " << least << " s, e-mail wait "
                   << c.infra.least_wait_s[q] << " s");
    // Every route with members carries their telemetry, so it is one of the routes the least is taken over
    // (orders of cross-platform ties may load others); a region whose member routes all wait makes e-mail
    // wait too.
    if (least >= 0) CHECK(c.infra.least_wait_s[q] <= least);
    if (least > 0) CHECK(c.infra.least_wait_s[q] > 0.0);
    an_email_waits |= c.infra.least_wait_s[q] > 0.0;
  }
  CHECK(an_email_waits);
}

TEST_CASE(
    "infrastructure_feedback: low regional infrastructure lengthens lead time, worsens forecasts and "
    "cuts real output",
    "[agents][pattern][pattern_infrastructure]") {
  // Paired: the platform-led world with every region at infrastructure 0 vs 1, common random numbers. Both
  // channels of the level act: firms' readiness to adopt (7.17) and the SimGrid layer (7.45–7.48).
  constexpr int kReps = 8;
  std::vector<double> lead[2], error[2], output[2];
  for (int rep = 0; rep < kReps; ++rep)
    for (int arm = 0; arm < 2; ++arm) {
      auto r = test::run(test::load(
          "platform_led.json",
          every_region_at(arm == 0 ? "0" : "1", {"seed=" + std::to_string(3000 + rep), "ticks=72"})));
      const double l = last_24(r.series, &sim::TickMetrics::lead_time_days);
      const double o = last_24(r.series, &sim::TickMetrics::real_output);
      // Forecast error of the final stage at the last tick: mean |ε| over alive final-stage firms.
      const auto& w = r.model->world();
      const auto& c = r.model->context();
      double e = 0, n = 0;
      for (std::size_t i = 0; i < w.firms.size(); ++i)
        if (w.firms.alive[i] && c.is_final_stage(static_cast<sim::FirmIndex>(i))) {
          e += std::fabs(w.firms.forecast_error[i]);
          n += 1;
        }
      lead[arm].push_back(l);
      output[arm].push_back(o);
      error[arm].push_back(n > 0 ? e / n : 0.0);
    }
  const auto dl = reports::paired_statistics(lead[0], lead[1]);
  const auto de = reports::paired_statistics(error[0], error[1]);
  const auto dy = reports::paired_statistics(output[0], output[1]);
  INFO("high − low infrastructure: lead time "
       << dl.diff << " [" << dl.ci_low << ", " << dl.ci_high << "] days; forecast |error| " << de.diff << " ["
       << de.ci_low << ", " << de.ci_high << "]; real output " << dy.diff << " [" << dy.ci_low << ", "
       << dy.ci_high << "] yuan/month");
  const std::string cmd = "build/tests/vicsim_tests \"[pattern_infrastructure]\" -s";
  test::record({"infrastructure: lead time", "issue 14 §1 (docs/ODD.md 7.45–7.48)",
                "high − low regional infrastructure < 0 (months 49–72)", "paired 95% CI excludes 0, 8 pairs",
                test::num(dl.diff) + " [" + test::num(dl.ci_low) + ", " + test::num(dl.ci_high) + "]",
                dl.ci_high < 0.0, cmd});
  test::record({"infrastructure: forecast error", "issue 14 §1 (docs/ODD.md 7.47)",
                "high − low regional infrastructure < 0 (month 72)", "paired 95% CI excludes 0, 8 pairs",
                test::num(de.diff) + " [" + test::num(de.ci_low) + ", " + test::num(de.ci_high) + "]",
                de.ci_high < 0.0, cmd});
  test::record({"infrastructure: real output", "issue 14 §1 (docs/ODD.md 7.45–7.48)",
                "high − low regional infrastructure > 0 (months 49–72)", "paired 95% CI excludes 0, 8 pairs",
                test::num(dy.diff) + " [" + test::num(dy.ci_low) + ", " + test::num(dy.ci_high) + "]",
                dy.ci_low > 0.0, cmd});
  // Lead time: not met after order handling became one mechanism for both channels (2026-12-02, 7.83: −0.28
  // days [−0.60, +0.03]); met again at the seed's device load (7.91: −0.44 [−0.63, −0.25], 2026-12-02), so
  // CHECK_NOFAIL is removed and it can fail again.
  CHECK(dl.ci_high < 0.0);
  CHECK(de.ci_high < 0.0);
  CHECK(dy.ci_low > 0.0);
}

TEST_CASE(
    "infrastructure_feedback: an order's messages cross both partners' routes, so a weak region's pairs wait "
    "longer on the same platform",
    "[agents]") {
  agents::ModelContext c;
  const auto& ip = c.params.infrastructure;
  constexpr auto kOrders = static_cast<std::size_t>(agents::TrafficKind::Orders);
  c.world.platforms.resize(1);
  c.world.regions.resize(2);
  c.infra.platforms = 1;
  c.infra.order_handling_days.assign(1, 0.0);  // the layer has resolved its first tick
  c.infra.route.assign(2, agents::RouteService{});
  c.infra.route[0].kind_s[kOrders] = 0.05;  // region 0: strong access, unloaded
  c.infra.route[1].kind_s[kOrders] = 0.4;   // region 1: weak access, overloaded at ρ = 1.5
  c.infra.route[1].load = 1.5;
  c.infra.route[1].wait_s = agents::backlog_wait_s(1.5, ip.busy_hours_per_day);
  const double strong = 0.05, weak = 0.4 + c.infra.route[1].wait_s;
  // The live rule of lead time (agents/order_handling.cpp: order_message_s, ODD 7.46/7.83).
  CHECK(agents::order_message_s(c, 0, 0, 0) == Approx(2 * strong));
  CHECK(agents::order_message_s(c, 0, 1, 0) == Approx(strong + weak));
  CHECK(agents::order_message_s(c, 1, 0, 0) == Approx(strong + weak));
  CHECK(agents::order_message_s(c, 1, 1, 0) == Approx(2 * weak));
  CHECK(agents::order_message_s(c, 1, 1, 0) > agents::order_message_s(c, 0, 0, 0) + 3600.0);
}

TEST_CASE(
    "infrastructure_feedback: without network investment the seed's device load congests the bundled "
    "platform-led run, MIIT's lower bound does not",
    "[agents][pattern][pattern_infrastructure][congestion_cited]") {
  // docs/ODD.md 7.91: Feixiang per firm served (250 devices per member, the default) and MIIT's national
  // count per firm served (49, a lower bound), platforms that may not invest in the network. Worst route load
  // over all platforms and months of the default seed; loads and levels as the sources give them, not chosen
  // to congest.
  double worst[2] = {0, 0};
  const double devices[2] = {49, 250};
  for (int k = 0; k < 2; ++k) {
    const auto s = test::load("platform_led.json",
                              {"mechanisms.platform_economy.network_investment=false",
                               "mechanisms.infrastructure.devices_per_member=" + test::num(devices[k])});
    auto m = scenarios::build_model(s, 1);
    agents::TickRunner runner(m);
    for (std::int32_t t = 0; t < s.ticks; ++t) {  // every month's routes, not only the last
      runner.step();
      double month_worst = 1.0, region_worst = 1.0;
      for (const auto& pl : m.world().platforms)
        if (pl.alive) month_worst = std::max(month_worst, pl.congestion_worst);
      for (const auto& region : m.world().regions) region_worst = std::max(region_worst, region.access_load);
      // regions.csv's access_load is the same maximum taken by region: it names where the load binds.
      CHECK(region_worst == month_worst);
      worst[k] = std::max(worst[k], month_worst);
    }
  }
  INFO("worst route load at 49 and 250 devices per member: " << worst[0] << ", " << worst[1]);
  CHECK(worst[0] <= 1.0);
  CHECK(worst[1] > 1.2);
}

TEST_CASE(
    "infrastructure_feedback: at infrastructure level 0 the cited load congests the platform-led world, "
    "against a congestion-free load",
    "[agents][pattern][pattern_infrastructure][congestion_weak]") {
  // docs/ODD.md 7.87, 7.91: every region at level 0 (below any cited region), no network investment (7.92
  // invests it away), paired over seeds: the seed's device load (250 per member firm) against 5 (no route
  // overloaded), months 49–72. Telemetry changes
  // nothing but route loads, so the difference is the congestion's own effect. Checked: congestion rises.
  // Printed: what it does to lead time and real output (not significant in 7.87's 10 pairs).
  constexpr int kReps = 6;
  std::vector<double> cong[2], lead[2], output[2];
  for (int rep = 0; rep < kReps; ++rep)
    for (int arm = 0; arm < 2; ++arm) {
      const auto r = test::run(
          test::load("platform_led.json",
                     every_region_at("0", {"seed=" + std::to_string(3000 + rep), "ticks=72",
                                           "mechanisms.platform_economy.network_investment=false",
                                           std::string("mechanisms.infrastructure.devices_per_member=") +
                                               (arm == 0 ? "5" : "250")})));
      const double c = last_24(r.series, &sim::TickMetrics::max_congestion);
      const double l = last_24(r.series, &sim::TickMetrics::lead_time_days);
      const double o = last_24(r.series, &sim::TickMetrics::real_output);
      cong[arm].push_back(c);
      lead[arm].push_back(l);
      output[arm].push_back(o);
    }
  const auto dc = reports::paired_statistics(cong[0], cong[1]);
  const auto dl = reports::paired_statistics(lead[0], lead[1]);
  const auto dy = reports::paired_statistics(output[0], output[1]);
  INFO("cited − congestion-free load at level 0: max_congestion "
       << dc.diff << " [" << dc.ci_low << ", " << dc.ci_high << "]; lead time " << dl.diff << " ["
       << dl.ci_low << ", " << dl.ci_high << "] days; real output " << dy.diff << " [" << dy.ci_low << ", "
       << dy.ci_high << "] yuan/month");
  CHECK(dc.ci_low > 0.0);
  test::record({"infrastructure: congestion at level 0", "issue 14 §1 (docs/ODD.md 7.87)",
                "cited − congestion-free load, max_congestion > 0 (months 49–72)",
                "paired 95% CI excludes 0, 6 pairs",
                test::num(dc.diff) + " [" + test::num(dc.ci_low) + ", " + test::num(dc.ci_high) + "]",
                dc.ci_low > 0.0, "build/tests/vicsim_tests \"[congestion_weak]\" -s"});
}

TEST_CASE(
    "infrastructure_feedback: platform order traffic is two messages per round of the order-handling rule, "
    "and "
    "the reported handling time is that rule's",
    "[agents]") {
  // docs/ODD.md 7.91: an order's messages are its rounds n(B) (7.83), a request and a reply each, not a fixed
  // count; InfrastructureOutcome::order_handling_days is the mean of tie_handling_days over the platform's
  // supply ties (one source of truth). A 400-firm platform-led world after 36 months, resolved once more so
  // that the ratings the traffic read and those lead time reads are the same.
  auto s = test::load("platform_led.json", {"mechanisms.population.count=400", "ticks=36"});
  auto r = test::run(s);
  agents::ModelContext& c = r.model->mutable_context();
  agents::resolve_service_times(c);
  const auto& ip = c.params.infrastructure;
  const auto& g = c.world.network;
  const std::size_t P = c.world.platforms.size();
  std::vector<double> rounds(P, 0.0), handling(P, 0.0), ties(P, 0.0);
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    const sim::Tie& t = g[*e];
    if (!t.is_supply() || t.channel != sim::TieChannel::Platform || t.platform >= P) continue;
    const auto b = static_cast<sim::FirmIndex>(boost::target(*e, g));
    if (!c.world.firms.alive[b] || !c.world.firms.alive[t.supplier]) continue;
    rounds[t.platform] +=
        agents::order_rounds(c.params.trade, c.params.information, agents::tie_belief(c, t));
    handling[t.platform] += agents::tie_handling_days(c, t, b);
    ties[t.platform] += 1;
  }
  const double busy_s = ip.busy_hours_per_day * 3600.0;
  const double per_round =
      ip.orders_per_tie_month * 2.0 * ip.order_bytes / (ip.working_days_per_month * busy_s) * ip.window_s;
  constexpr auto kOrders = static_cast<std::size_t>(agents::TrafficKind::Orders);
  int checked = 0;
  for (std::size_t p = 0; p < P; ++p) {
    if (ties[p] == 0) continue;
    ++checked;
    INFO("platform " << p << ": " << ties[p] << " ties, mean rounds " << rounds[p] / ties[p]);
    // Each order crosses the supplier's and the buyer's access link: both routes carry its bytes.
    CHECK(c.infra.traffic_bytes[p][kOrders] == Approx(2.0 * per_round * rounds[p]).epsilon(1e-9));
    CHECK(rounds[p] / ties[p] < 1.0 + c.params.trade.quote_rounds);
    CHECK(c.infra.order_handling_days[p] == Approx(handling[p] / ties[p]).epsilon(1e-9));
    // The rule's days (approval and replies), not only the network's seconds.
    CHECK(c.infra.order_handling_days[p] > 2.0);
  }
  CHECK(checked > 0);
}

namespace {
constexpr std::int32_t kCongestionTicks = 120, kCongestionFrom = 96;
/** Means over months (from, ticks] of one platform-led run: the worst route load over all platforms' member
 * routes, the telemetry lost (Mbit/s, all platforms), the member-weighted worst platform congestion, lead
 * time and real output. */
struct CongestionRun {
  double worst_route = 0, telemetry_lost = 0, congestion = 0, lead = 0, output = 0;
};
CongestionRun congestion_run(const std::vector<std::string>& sets, std::int32_t from) {
  const auto s = test::load("platform_led.json", sets);
  auto m = scenarios::build_model(s, 1);
  agents::TickRunner runner(m);
  CongestionRun out;
  const double months = s.ticks - from;
  for (std::int32_t t = 1; t <= s.ticks; ++t) {
    const auto k = runner.step();
    if (t <= from) continue;
    double worst = 1.0, lost = 0.0;
    for (const auto& pl : m.world().platforms)
      if (pl.alive) {
        worst = std::max(worst, pl.congestion_worst);
        lost += pl.telemetry_lost_Bps * 8e-6;
      }
    out.worst_route += worst / months;
    out.telemetry_lost += lost / months;
    out.congestion += k.max_congestion / months;
    out.lead += k.lead_time_days / months;
    out.output += k.real_output / months;
  }
  return out;
}
}  // namespace

TEST_CASE(
    "infrastructure_feedback: at the seed's device load the platform-led world's worst route congests "
    "without edge investment, and less with it",
    "[agents][pattern][pattern_infrastructure][congestion_invest]") {
  // docs/ODD.md 7.92: the bundled platform-led world (regions at their bundled levels, 250 devices per
  // member, 7.91), paired over seeds 3100–3105: platforms that may not invest in the network against the
  // default (edge gateways where a region's access binds). Checked: without investment the worst route is
  // overloaded (mean load > 1, CI above 1), and investment lowers it (paired CI below 0). Printed and
  // recorded: what that does to telemetry lost, member-weighted congestion, lead time and real output.
  constexpr int kReps = 6;
  const std::vector<std::string> world = {"ticks=" + std::to_string(kCongestionTicks)};
  std::vector<double> worst[2], lost[2], cong[2], lead[2], output[2];
  for (int rep = 0; rep < kReps; ++rep)
    for (int arm = 0; arm < 2; ++arm) {
      auto sets = world;
      sets.push_back("seed=" + std::to_string(3100 + rep));
      sets.push_back(std::string("mechanisms.platform_economy.network_investment=") +
                     (arm == 0 ? "false" : "true"));
      const auto r = congestion_run(sets, kCongestionFrom);
      worst[arm].push_back(r.worst_route);
      lost[arm].push_back(r.telemetry_lost);
      cong[arm].push_back(r.congestion);
      lead[arm].push_back(r.lead);
      output[arm].push_back(r.output);
    }
  const auto none = reports::paired_statistics(std::vector<double>(kReps, 1.0), worst[0]);
  const auto dw = reports::paired_statistics(worst[0], worst[1]);
  const auto dt = reports::paired_statistics(lost[0], lost[1]);
  const auto dc = reports::paired_statistics(cong[0], cong[1]);
  const auto dl = reports::paired_statistics(lead[0], lead[1]);
  const auto dy = reports::paired_statistics(output[0], output[1]);
  auto ci = [](const auto& d) {
    return test::num(d.diff) + " [" + test::num(d.ci_low) + ", " + test::num(d.ci_high) + "]";
  };
  INFO("without investment, worst route load − 1: "
       << ci(none) << "; with − without: worst route " << ci(dw) << ", telemetry lost " << ci(dt)
       << " Mbit/s, max_congestion " << ci(dc) << ", lead time " << ci(dl) << " days, real output " << ci(dy)
       << " yuan/month");
  // Not met since 2026-12-05 (dividends in the warm-up, docs/ODD.md 7.92 and section 10 row 88): with
  // fewer members the worst route without investment is 0.095 [-0.04, 0.23] above its window, not
  // significantly overloaded, so investment has little to relieve. Recorded as failed; not widened.
  CHECK_NOFAIL(none.ci_low > 0.0);
  CHECK_NOFAIL(dw.ci_high < 0.0);
  test::record({"infrastructure: edge investment where access binds", "issue 14 §1 (docs/ODD.md 7.92)",
                "worst route load without investment > 1; with − without < 0 (paired)",
                "paired 95% CIs exclude 0, 6 pairs",
                "load − 1 " + ci(none) + "; with − without " + ci(dw) + "; real output " + ci(dy) +
                    "; lead time " + ci(dl),
                none.ci_low > 0.0 && dw.ci_high < 0.0,
                "build/tests/vicsim_tests \"[congestion_invest]\" -s"});
}

TEST_CASE("infrastructure_feedback: a platform's backbone latencies follow its host region when it changes",
          "[agents]") {
  // A founded platform takes an empty slot whose placeholder host is region 0 (docs/ODD.md 7.23, 7.50): its
  // routes must carry its own host's distances. One byte from each region to platform 0 takes the access,
  // backbone and uplink latencies plus a negligible transfer; moving the host changes only the backbone.
  auto r = test::run(test::load("platform_led.json", {"ticks=1", "mechanisms.population.count=300"}));
  auto& c = r.model->mutable_context();
  auto& w = c.world;
  const std::size_t R = w.regions.size(), P = w.platforms.size();
  const auto one_byte = [&] {
    sim::InfrastructureDemand d;
    d.kind_bytes.assign(1, std::vector<std::vector<double>>(R, std::vector<double>(P, 0.0)));
    for (std::size_t q = 0; q < R; ++q) d.kind_bytes[0][q][0] = 1.0;
    d.flops.assign(P, 0.0);
    return c.infrastructure->resolve(d).kind_transfer_s[0];
  };
  agents::push_infrastructure(c);
  const auto before = one_byte();
  const std::size_t from = sim::idx(w.platforms[0].host_region), to = (from + 1) % R;
  w.platforms[0].host_region = static_cast<sim::RegionId>(to);
  agents::push_infrastructure(c);
  const auto after = one_byte();
  const double km_per_s = c.params.infrastructure.fibre_km_per_ms * 1000.0;
  for (std::size_t q = 0; q < R; ++q) {
    INFO("region " << q << ": " << before[q][0] << " s before, " << after[q][0] << " s after");
    CHECK(after[q][0] - before[q][0] ==
          Approx((w.distance_km[q][to] - w.distance_km[q][from]) / km_per_s).margin(1e-9));
  }
}
