// Information asymmetry as a mechanism (docs/ODD.md 7.30–7.33): beliefs, their cost, and the platform's
// transaction-cost advantage coming from observations.
#include "agents/supplier_beliefs.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "agents/cluster_model.hpp"
#include "agents/platform_services.hpp"
#include "agents/simulation_run.hpp"
#include "reports/paired_comparison.hpp"
#include "scenarios/world_builder.hpp"
#include "sim/tie_delivery.hpp"
#include "test_support.hpp"

using namespace vicsim;
using namespace vicsim::agents;

TEST_CASE("supplier_beliefs: Beta–Bernoulli update, variance and forgetting", "[agents]") {
  Belief b = prior_belief(0.8, 2.0);
  CHECK(b.a == Approx(1.6));
  CHECK(b.b == Approx(0.4));
  CHECK(b.mean() == Approx(0.8));
  CHECK(b.variance() == Approx(0.8 * 0.2 / 3.0));
  const Belief prior = b;
  observe(b, 3.0, 5.0);  // 3 on time, 5 late
  CHECK(b.mean() == Approx(4.6 / 10.0));
  CHECK(b.weight() == Approx(10.0));
  CHECK(b.variance() < prior.variance());
  // Forgetting shrinks the evidence beyond the prior, never the prior itself.
  forget(b, prior, 0.5);
  CHECK(b.a == Approx(1.6 + 1.5));
  CHECK(b.b == Approx(0.4 + 2.5));
  forget(b, prior, 0.0);
  CHECK(b.a == Approx(prior.a));
  CHECK(b.b == Approx(prior.b));
}

TEST_CASE(
    "supplier_beliefs: the value-chain trust threshold is half the trust of a fully known average supplier",
    "[agents]") {
  // docs/ODD.md 7.14: after evidence_half deliveries at the population means, trust is ½ · π̄ · (1 − δ̄).
  ModelParams p;
  const auto& ip = p.information;
  CHECK(established_trust(ip, 0.0) == Approx(0.0));
  CHECK(established_trust(ip, ip.evidence_half) == Approx(0.5 * ip.on_time_mean * (1.0 - ip.defect_mean)));
  CHECK(established_trust(ip, 1e6) == Approx(ip.on_time_mean * (1.0 - ip.defect_mean)).epsilon(1e-4));
  REQUIRE(p.stages.chain_trust < 0.0);
  CHECK(resolved_stage_params(p).chain_trust == Approx(established_trust(ip, ip.evidence_half)));
  p.information.evidence_half = 12.0;  // the threshold follows the belief model's parameters
  CHECK(resolved_stage_params(p).chain_trust == Approx(established_trust(p.information, 12.0)));
  p.stages.chain_trust = 0.5;  // an explicit value is used as given
  CHECK(resolved_stage_params(p).chain_trust == 0.5);
}

TEST_CASE("supplier_beliefs: an established tie's trust is the average supplier's at steady evidence",
          "[agents]") {
  InformationParams ip;
  // Forgetting balances one delivery a month at 1 / (1 - memory) deliveries: 20 with the default 0.95.
  CHECK(steady_tie_trust(ip) == Approx(established_trust(ip, 1.0 / (1.0 - ip.belief_memory))));
  CHECK(steady_tie_trust(ip) == Approx(0.85 * 0.95 * 20.0 / 26.0).epsilon(1e-3));
  ip.belief_memory = 1.0;  // nothing forgotten: the population means, fully weighted
  CHECK(steady_tie_trust(ip) == Approx(ip.on_time_mean * (1.0 - ip.defect_mean)));
  ip.belief_memory = 0.0;  // one delivery of evidence
  CHECK(steady_tie_trust(ip) == Approx(established_trust(ip, 1.0)));
}

TEST_CASE("supplier_beliefs: cost components follow from the belief", "[agents]") {
  ModelParams p;
  const auto& ip = p.information;
  const SupplierBelief prior = prior_of(ip);
  CHECK(evidence(ip, prior) == Approx(0.0));
  const InformationCost k0 = information_cost(p, prior);
  // No evidence: full inspection; expected costs at the population means.
  CHECK(k0.inspection == Approx(ip.inspection_cost));
  CHECK(k0.defects == Approx(ip.defect_mean * ip.rework_cost_share));
  CHECK(k0.lateness == Approx((1 - ip.on_time_mean) * ip.late_days * p.trade.lead_time_cost_per_day));
  CHECK(k0.risk == Approx(ip.risk_aversion * (prior.on_time.variance() + prior.defect.variance())));
  CHECK(screening_cost(ip, prior) == Approx(ip.screening_cost));
  // evidence_half deliveries of a supplier as good as average: inspection and screening halve, the risk
  // premium falls, the expected costs stay.
  SupplierBelief b = prior;
  const double n = ip.evidence_half, lots = ip.lots_per_delivery;
  observe(b.on_time, n * ip.on_time_mean, n * (1 - ip.on_time_mean));
  observe(b.defect, n * lots * ip.defect_mean, n * lots * (1 - ip.defect_mean));
  const InformationCost k1 = information_cost(p, b);
  CHECK(evidence(ip, b) == Approx(n));
  CHECK(k1.inspection == Approx(ip.inspection_cost / 2));
  CHECK(screening_cost(ip, b) == Approx(ip.screening_cost / 2));
  CHECK(k1.risk < k0.risk / 3);
  CHECK(k1.defects == Approx(k0.defects));
  CHECK(k1.lateness == Approx(k0.lateness));
  // A supplier seen delivering defective lots costs more than the prior expects.
  SupplierBelief bad = prior;
  observe(bad.defect, 10, 10);
  CHECK(information_cost(p, bad).defects > k0.defects);
  // Trust is defined from the belief: none without evidence, more with good evidence.
  CHECK(trust_of(ip, prior) == Approx(0.0));
  CHECK(trust_of(ip, b) > 0.3);
}

TEST_CASE("supplier_beliefs: a platform tie sees the supplier's record, weighted by telemetry", "[agents]") {
  ClusterModel model = scenarios::build_model(test::load("platform_led.json", {"ticks=24"}));
  for (int t = 0; t < 24; ++t) model.step();
  ModelContext& c = model.mutable_context();
  const auto& g = c.world.network;
  const auto edge = test::first_edge(g, [&](const sim::Tie& t, sim::FirmIndex) {
    return t.is_supply() && t.channel == sim::TieChannel::Platform && rating_weight(c, t.platform) > 0 &&
           c.world.firms.record[t.supplier].on_time > 1.0;
  });
  const sim::Tie* tie = &g[edge];
  const auto buyer = static_cast<sim::FirmIndex>(boost::target(edge, g));
  const auto s = tie->supplier;
  const SupplierBelief own = stored_belief(*tie), seen = tie_belief(c, *tie);
  const double w = rating_weight(c, tie->platform);
  CHECK(seen.on_time.a == Approx(own.on_time.a + w * c.world.firms.record[s].on_time));
  CHECK(seen.defect.a == Approx(own.defect.a + w * c.world.firms.record[s].bad_lots));
  CHECK(information_cost(c.params, seen).inspection < information_cost(c.params, own).inspection);
  // Half the telemetry delivered: half the record's weight. None: the platform buyer knows what an offline
  // buyer knows, and the tie's cost is the offline formula's.
  sim::Platform& pl = c.world.platforms[tie->platform];
  pl.telemetry_delivered = 0.5;
  CHECK(rating_weight(c, tie->platform) == Approx(w / 2));
  pl.telemetry_delivered = 0.0;
  sim::Tie off = *tie;
  off.channel = sim::TieChannel::Offline;
  off.platform = 0xFF;
  CHECK(tie_cost_rate(c, *tie, buyer) == Approx(tie_cost_rate(c, off, buyer) + commission_rate(c, *tie)));
}

TEST_CASE("supplier_beliefs: dispatched units carry their makers' reliability, not the sender's",
          "[agents]") {
  ClusterModel model = scenarios::build_model(test::load("platform_led.json", {"ticks=24"}));
  for (int t = 0; t < 24; ++t) model.step();
  ModelContext& c = model.mutable_context();
  sim::Firms& f = c.world.firms;
  const sim::Tie* tie =
      &c.world.network[test::first_edge(c.world.network, [&](const sim::Tie& t, sim::FirmIndex) {
        return t.is_supply() && f.dispatched_out[t.supplier] > 0.0 && sim::delivered_units(t, f) > 0.0;
      })];
  const auto s = tie->supplier;
  // The mix as realised this tick: own share at the sender's rates, the rest at the receivers' mean.
  const double out = f.dispatched_out[s], share = std::fmin(1.0, out / (f.fill[s] * f.orders[s]));
  const MakerReliability r = delivery_reliability(c, s);
  CHECK(r.defect == Approx((1 - share) * f.defect_rate[s] + share * c.dispatched_defect[s] / out));
  CHECK(r.on_time == Approx((1 - share) * f.on_time_prob[s] + share * c.dispatched_on_time[s] / out));
  // Everything made by receivers that are late 80% of the time and make 90% bad lots: the sender's own
  // (good) rates no longer matter, and the drawn deliveries show the receivers' defects.
  f.dispatched_out[s] = f.fill[s] * f.orders[s];
  c.dispatched_defect[s] = 0.9 * f.dispatched_out[s];
  c.dispatched_on_time[s] = 0.2 * f.dispatched_out[s];
  f.defect_rate[s] = 0.0;
  f.on_time_prob[s] = 1.0;
  CHECK(delivery_reliability(c, s).defect == Approx(0.9));
  CHECK(delivery_reliability(c, s).on_time == Approx(0.2));
  // Settlement draws from odds it gathered before its pass: the same reliability, and the supplier's fill.
  const DeliveryOdds odds = delivery_odds(c, s);
  CHECK(odds.made.defect == delivery_reliability(c, s).defect);
  CHECK(odds.made.on_time == delivery_reliability(c, s).on_time);
  CHECK(odds.fill == f.fill[s]);
  sim::Tie drawn = *tie, from_odds = *tie;
  double bad = 0, lots = 0;
  for (std::uint64_t k = 0; k < 200; ++k) {
    sim::Rng rng(7, sim::Stream::Delivery, s, k), same(7, sim::Stream::Delivery, s, k);
    draw_delivery(c, rng, drawn);
    draw_delivery(odds, c.params.information.lots_per_delivery, same, from_odds);
    REQUIRE(from_odds.late == drawn.late);
    REQUIRE(from_odds.bad_lots == drawn.bad_lots);
    bad += drawn.bad_lots;
    lots += c.params.information.lots_per_delivery;
  }
  CHECK(bad / lots > 0.8);
  // No dispatch: the sender's own rates.
  f.dispatched_out[s] = 0.0;
  CHECK(delivery_reliability(c, s).defect == 0.0);
  CHECK(delivery_reliability(c, s).on_time == 1.0);
}

TEST_CASE("supplier_beliefs: a delivery is late when its uniform draw is at or above on-time x fill (7.30)",
          "[agents]") {
  ClusterModel model =
      scenarios::build_model(test::load("traditional.json", {"mechanisms.population.count=300", "ticks=3"}));
  for (int t = 0; t < 3; ++t) model.step();
  ModelContext& c = model.mutable_context();
  sim::Firms& f = c.world.firms;
  const sim::Tie* tie =
      &c.world.network[test::first_edge(c.world.network, [&](const sim::Tie& t, sim::FirmIndex) {
        return t.is_supply() && sim::delivered_units(t, f) > 0.0 && f.dispatched_out[t.supplier] <= 0.0;
      })];
  const auto s = tie->supplier;
  f.on_time_prob[s] = 0.8;
  f.fill[s] = 0.625;  // on time with probability 0.5
  int late = 0, agree = 0;
  for (std::uint64_t k = 0; k < 400; ++k) {
    sim::Rng rng(11, sim::Stream::Delivery, s, k), copy = rng;
    const double u = copy.uniform();  // the late draw is the delivery's first
    sim::Tie drawn = *tie;
    draw_delivery(c, rng, drawn);
    late += drawn.late;
    agree += (drawn.late != 0) == (u >= 0.5);
  }
  CHECK(agree == 400);  // not u < 1 − π·fill, which has the same probability but other outcomes
  CHECK(late > 150);
  CHECK(late < 250);
}

namespace {
/** Month of the information check: the flagship comparison's month (docs/ODD.md 7.31). */
constexpr int kInfoMonth = 120;

/** Unit-weighted inspection rate and evidence over supply ties at the last tick; transaction cost per unit
 * of purchased input as timeseries.csv computes it, and its parts (yuan per unit). */
struct InfoState {
  double inspection = 0, evidence = 0, tc_per_unit = 0;
  sim::TransactionCostParts parts;
};
InfoState info_state(const std::string& scenario, int seed, const std::string& visibility) {
  auto s = test::load(scenario, {"seed=" + std::to_string(seed), "ticks=" + std::to_string(kInfoMonth),
                                 "mechanisms.information.rating_visibility=" + visibility});
  ClusterModel model = scenarios::build_model(s);
  for (int t = 0; t < kInfoMonth; ++t) model.step();
  const auto& c = model.context();
  double units = 0;
  InfoState st;
  const auto& g = c.world.network;
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    const sim::Tie& t = g[*e];
    if (!t.is_supply()) continue;  // a collaboration tie's supplier field names no firm
    const double delivered = sim::delivered_units(t, c.world.firms);
    if (delivered <= 0 || !c.world.firms.alive[boost::target(*e, g)]) continue;
    const SupplierBelief b = tie_belief(c, t);
    st.inspection += delivered * information_cost(c.params, b).inspection;
    st.evidence += delivered * evidence(c.params.information, b);
    units += delivered;
  }
  st.inspection /= units;
  st.evidence /= units;
  const sim::Firms& f = c.world.firms;
  double tc = 0, bought = 0;
  for (sim::FirmIndex i = 0; i < f.size(); ++i) {
    if (!f.alive[i] && f.exit_tick[i] != c.world.tick) continue;
    tc += f.transaction_cost[i].yuan;
    bought += f.inputs_bought[i];
  }
  // The parts as settlement summed them, per chunk of firm slots (what the metrics add).
  for (const auto& chunk : c.transaction_cost_parts) sim::add_parts(st.parts, chunk);
  constexpr std::size_t n = sizeof(sim::TransactionCostParts) / sizeof(double);
  auto* sum = reinterpret_cast<double*>(&st.parts);
  st.tc_per_unit = tc / bought;
  for (std::size_t k = 0; k < n; ++k) sum[k] /= bought;
  return st;
}
}  // namespace

TEST_CASE(
    "supplier_beliefs: with platform information precision set to the offline one, the platform's "
    "information advantage disappears",
    "[agents][validation][pattern][pattern_information]") {
  // Paired over seeds (common random numbers): traditional vs platform-led at month 120, with ratings
  // (rating_visibility = 1) and without (0: a platform buyer knows only its own trades and referrals).
  constexpr int kReps = 8;
  std::vector<double> trad, plat, trad0, plat0, tc_trad, tc_plat, tc_trad0, tc_plat0;
  constexpr std::size_t n = sizeof(sim::TransactionCostParts) / sizeof(double);
  std::vector<std::vector<double>> part_trad0(n), part_plat0(n);
  for (int r = 0; r < kReps; ++r) {
    const InfoState a = info_state("traditional.json", 4000 + r, "1");
    const InfoState b = info_state("platform_led.json", 4000 + r, "1");
    const InfoState a0 = info_state("traditional.json", 4000 + r, "0");
    const InfoState b0 = info_state("platform_led.json", 4000 + r, "0");
    trad.push_back(a.inspection);
    plat.push_back(b.inspection);
    trad0.push_back(a0.inspection);
    plat0.push_back(b0.inspection);
    tc_trad.push_back(a.tc_per_unit);
    tc_plat.push_back(b.tc_per_unit);
    tc_trad0.push_back(a0.tc_per_unit);
    tc_plat0.push_back(b0.tc_per_unit);
    const auto* pa = reinterpret_cast<const double*>(&a0.parts);
    const auto* pb = reinterpret_cast<const double*>(&b0.parts);
    for (std::size_t k = 0; k < n; ++k) {
      part_trad0[k].push_back(pa[k]);
      part_plat0[k].push_back(pb[k]);
    }
  }
  const auto with = reports::paired_statistics(trad, plat);
  const auto without = reports::paired_statistics(trad0, plat0);
  const auto tc = reports::paired_statistics(tc_plat0, tc_plat);
  const auto gap = reports::paired_statistics(tc_trad, tc_plat);
  const auto gap0 = reports::paired_statistics(tc_trad0, tc_plat0);
  INFO("inspection rate platform − traditional, ratings on: " << with.diff << " [" << with.ci_low << ", "
                                                              << with.ci_high << "]");
  INFO("ratings off: " << without.diff << " [" << without.ci_low << ", " << without.ci_high << "]");
  INFO("platform-led TC/unit, ratings on − off: " << tc.diff << " [" << tc.ci_low << ", " << tc.ci_high
                                                  << "]");
  INFO("TC/unit platform − traditional, ratings on: " << gap.diff << " [" << gap.ci_low << ", " << gap.ci_high
                                                      << "]; ratings off: " << gap0.diff << " ["
                                                      << gap0.ci_low << ", " << gap0.ci_high << "]");
  static const char* names[] = {
      "handling",        "inspection",       "commission",          "rework",
      "lateness",        "search",           "spot_premium",        "spot_information",
      "marketplace_fee", "dispatch_premium", "dispatch_inspection", "dispatch_fee",
      "logistics_fee"};
  static_assert(sizeof(names) / sizeof(names[0]) == n);
  for (std::size_t k = 0; k < n; ++k) {
    const auto d = reports::paired_statistics(part_trad0[k], part_plat0[k]);
    UNSCOPED_INFO("ratings off, " << names[k] << " platform − traditional: " << d.diff << " [" << d.ci_low
                                  << ", " << d.ci_high << "]");
  }
  // With ratings, platform-led buyers inspect less (more evidence per supplier).
  CHECK(with.ci_high < 0.0);
  // Without them the advantage is gone: no more than a tenth of it remains (measured: the sign reverses,
  // platform-led buyers inspect slightly more, docs/ODD.md 7.31), and the two CIs do not overlap.
  CHECK(without.diff > -0.1 * std::fabs(with.diff));
  CHECK(without.ci_low > with.ci_high);
  // Issue 13's check: with platform information equal to offline the transaction-cost advantage disappears
  // (its CI reaches zero or above). Measured on the flagship seeds (10 pairs, docs/ODD.md 7.33): −78 yuan,
  // [−168, +11]; on these seeds +6 [−63, +76]. The point estimate left is digital maturity's rework saving
  // and spot purchases, not information. With dispatch's anonymous sourcing free (before 7.33) it fails:
  // −163 [−209, −116].
  // The check has a premise: an advantage with ratings that could disappear. Without one (the gap's CI
  // reaches 0) "it disappears" says nothing, and the test says so instead of passing on it.
  if (gap.ci_high < 0.0)
    CHECK(gap0.ci_high >= 0.0);
  else
    WARN("no transaction-cost advantage with ratings ("
         << gap.diff << " [" << gap.ci_low << ", " << gap.ci_high
         << "]): the 'disappears without ratings' check is moot");
  const std::string cmd = "build/tests/vicsim_tests \"[pattern_information]\" -s";
  const auto ci = [](const reports::PairedRow& d) {
    return test::num(d.diff) + " [" + test::num(d.ci_low) + ", " + test::num(d.ci_high) + "]";
  };
  test::record({"information: inspection with ratings", "docs/ODD.md 7.31 (issue 13)",
                "inspection rate platform − traditional, ratings on, month 120", "paired 95% CI < 0, 8 pairs",
                ci(with), with.ci_high < 0.0, cmd});
  test::record({"information: inspection without ratings", "docs/ODD.md 7.31 (issue 13)",
                "inspection rate platform − traditional, ratings off (rating_visibility 0)",
                "> −0.1 × |with| and CI above the with-ratings CI", ci(without),
                without.diff > -0.1 * std::fabs(with.diff) && without.ci_low > with.ci_high, cmd});
  test::record({"information: transaction cost with ratings", "docs/ODD.md 7.33 (issue 13)",
                "transaction_cost_per_unit platform − traditional, ratings on",
                "paired 95% CI < 0 (CHECK_NOFAIL)", ci(gap), gap.ci_high < 0.0, cmd});
  test::record({"information: transaction cost, ratings on − off", "docs/ODD.md 7.33 (issue 13)",
                "platform-led transaction_cost_per_unit, ratings on − off",
                "paired 95% CI < 0 (CHECK_NOFAIL)", ci(tc), tc.ci_high < 0.0, cmd});
  // With ratings the platform path's cost per unit is lower, and lower than without them. Not asserted
  // strictly: on the flagship seeds the gap is −94 [−168, −19] and ratings carry only about 16 yuan of it
  // (7.33). On these seeds both are met by small margins (−73 [−142, −5]; ratings on − off −80 [−159, −0.9]);
  // at month 60 on the previous model the second was not (+21 [−36, +79]). Reported in docs/ODD.md §8.
  CHECK_NOFAIL(gap.ci_high < 0.0);
  CHECK_NOFAIL(tc.ci_high < 0.0);
}

TEST_CASE("supplier_beliefs: referral_beliefs gives each supplier the belief of a walk for it alone",
          "[agents]") {
  // The reference: b's distinct partners in the order of their first tie with b (out-ties, then in-ties);
  // each partner p other than s tells b, once, what the first supply tie s → p in s's out-ties holds.
  ClusterModel model = scenarios::build_model(test::load("platform_led.json", {"ticks=24"}));
  for (int t = 0; t < 24; ++t) model.step();
  const ModelContext& c = model.context();
  const auto& g = c.world.network;
  const auto& ip = c.params.information;
  const SupplierBelief prior = prior_of(ip);
  auto walk = [&](sim::FirmIndex s, sim::FirmIndex b) {
    SupplierBelief r = prior;
    std::vector<sim::FirmIndex> partners;
    for (auto [e, end] = boost::out_edges(b, g); e != end; ++e)
      partners.push_back(static_cast<sim::FirmIndex>(boost::target(*e, g)));
    for (auto [e, end] = boost::in_edges(b, g); e != end; ++e)
      partners.push_back(static_cast<sim::FirmIndex>(boost::source(*e, g)));
    std::vector<sim::FirmIndex> told;
    for (const auto p : partners) {
      if (p == s || std::find(told.begin(), told.end(), p) != told.end()) continue;
      told.push_back(p);
      for (auto [e, end] = boost::out_edges(s, g); e != end; ++e) {
        if (boost::target(*e, g) != p || !g[*e].is_supply()) continue;
        const double w = ip.referral_weight;
        observe(r.on_time, w * (g[*e].on_time_a - prior.on_time.a), w * (g[*e].on_time_b - prior.on_time.b));
        observe(r.defect, w * (g[*e].defect_a - prior.defect.a), w * (g[*e].defect_b - prior.defect.b));
        break;
      }
    }
    return r;
  };
  std::size_t buyers = 0, heard = 0;
  for (sim::FirmIndex b = 0; b < boost::num_vertices(g) && buyers < 300; ++b) {
    if (!c.world.firms.alive[b] || boost::out_degree(b, g) + boost::in_degree(b, g) == 0) continue;
    ++buyers;
    // Candidates: the suppliers of b's partners (they have something to tell), b's own partners and b.
    std::vector<sim::FirmIndex> cand{b};
    for (auto [e, end] = boost::out_edges(b, g); e != end; ++e) {
      const auto p = static_cast<sim::FirmIndex>(boost::target(*e, g));
      cand.push_back(p);
      for (auto [f, fend] = boost::in_edges(p, g); f != fend; ++f)
        cand.push_back(static_cast<sim::FirmIndex>(boost::source(*f, g)));
    }
    for (auto [e, end] = boost::in_edges(b, g); e != end; ++e)
      cand.push_back(static_cast<sim::FirmIndex>(boost::source(*e, g)));
    std::sort(cand.begin(), cand.end());
    cand.erase(std::unique(cand.begin(), cand.end()), cand.end());
    std::vector<SupplierBelief> out(cand.size());
    referral_beliefs(c, cand, b, out);
    for (std::size_t k = 0; k < cand.size(); ++k) {
      const SupplierBelief want = walk(cand[k], b);
      INFO("supplier " << cand[k] << " buyer " << b);
      // The identical doubles: a search's choice must not change.
      CHECK(out[k].on_time.a == want.on_time.a);
      CHECK(out[k].on_time.b == want.on_time.b);
      CHECK(out[k].defect.a == want.defect.a);
      CHECK(out[k].defect.b == want.defect.b);
      heard += want.on_time.a != prior.on_time.a;
    }
  }
  CHECK(buyers == 300);
  CHECK(heard > 0);
}

TEST_CASE("supplier_beliefs: initial firms' hidden reliability is drawn at their digital maturity",
          "[agents]") {
  // With no noise the drift's stationary value is its target, so an initial firm must sit exactly at
  // logit(on_time_mean) + maturity_gain · m (docs/ODD.md 7.1, 7.7): drawn at m = 0 it would start below and
  // only drift toward it.
  const auto s = test::load("traditional.json",
                            {"mechanisms.population.count=200", "mechanisms.information.reliability_sd=0"});
  auto model = scenarios::build_model(s, 1);
  const auto& c = model.context();
  const auto& f = c.world.firms;
  const auto& ip = c.params.information;
  std::size_t checked = 0;
  for (auto i : c.directory.alive()) {
    // Entrants start at maturity 0, and nobody goes on the cloud in the warm-up, so these are initial firms.
    if (f.digital_maturity[i] < 0.05) continue;  // a visible maturity term
    INFO("firm " << i << " maturity " << f.digital_maturity[i]);
    CHECK(agents::logit(f.on_time_prob[i]) ==
          Approx(agents::logit(ip.on_time_mean) + ip.maturity_gain * f.digital_maturity[i]).epsilon(1e-9));
    CHECK(agents::logit(f.defect_rate[i]) ==
          Approx(agents::logit(ip.defect_mean) - ip.maturity_gain * f.digital_maturity[i]).epsilon(1e-9));
    ++checked;
  }
  CHECK(checked > 50);
}

TEST_CASE("supplier_beliefs: a partner tells once, through its supply tie from the supplier", "[agents]") {
  // docs/ODD.md 7.31: partner p, tied to buyer b by a supply and a collaboration tie, tells b once what its
  // supply tie from s holds, although a collaboration tie s → p was formed before that supply tie.
  ClusterModel model =
      scenarios::build_model(test::load("traditional.json", {"mechanisms.population.count=200"}));
  ModelContext& c = model.mutable_context();
  auto& g = c.world.network;
  const auto& ip = c.params.information;
  const SupplierBelief prior = prior_of(ip);
  const auto& alive = c.directory.alive();
  REQUIRE(alive.size() >= 3);
  const sim::FirmIndex s = alive[0], p = alive[1],
                       b = alive[2];  // ascending: collaboration ties go low → high
  for (auto v : {s, p, b}) boost::clear_vertex(v, g);
  sim::Tie collaboration;
  collaboration.kind = sim::TieKind::Collaboration;
  boost::add_edge(s, p, collaboration, g);  // formed first
  sim::Tie supply;                          // p's experience of s: 10 on-time deliveries beyond the prior
  supply.supplier = s;
  supply.on_time_a = prior.on_time.a + 10.0;
  supply.on_time_b = prior.on_time.b;
  supply.defect_a = prior.defect.a;
  supply.defect_b = prior.defect.b;
  boost::add_edge(s, p, supply, g);
  sim::Tie p_supplies_b;
  p_supplies_b.supplier = p;
  boost::add_edge(p, b, p_supplies_b, g);
  boost::add_edge(p, b, collaboration, g);  // p is b's partner on two ties
  const SupplierBelief heard = referral_belief(c, s, b);
  CHECK(heard.on_time.a == Approx(prior.on_time.a + ip.referral_weight * 10.0));
  CHECK(heard.on_time.b == Approx(prior.on_time.b));
  // A second supplier of p with no collaboration tie: p still tells once, not once per tie it has with b.
  REQUIRE(alive.size() >= 14);
  const sim::FirmIndex s2 = alive[13];
  boost::clear_vertex(s2, g);
  supply.supplier = s2;
  boost::add_edge(s2, p, supply, g);
  CHECK(referral_belief(c, s2, b).on_time.a == Approx(prior.on_time.a + ip.referral_weight * 10.0));
  // The same when s has so many customers that referral_beliefs walks b's partners instead (a hub supplier).
  for (std::size_t k = 3; k < 13; ++k) {
    sim::Tie more;
    more.supplier = s;
    boost::add_edge(s, alive[k], more, g);
  }
  REQUIRE(boost::out_degree(s, g) > 4 * (boost::out_degree(b, g) + boost::in_degree(b, g)));
  const SupplierBelief hub = referral_belief(c, s, b);
  CHECK(hub.on_time.a == Approx(prior.on_time.a + ip.referral_weight * 10.0));
  CHECK(hub.on_time.b == Approx(prior.on_time.b));
}
