// Validation of the adoption rules (agents/adoption.cpp) against analytic results: the Bass (1969) curve
// under full mixing, and the Watts (2002) cascade window on Erdős–Rényi graphs. Both drive the model's
// own adopt_and_join on a 10,000-firm population, with every other mechanism left out.
#include "agents/adoption.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "sim/rng.hpp"
#include "test_support.hpp"

using namespace vicsim;

namespace {

/** A model of about 10,000 firms whose adoption depends on nothing but the rule under test: one region
 * and industry (the peer share is the whole population: full mixing), readiness 1, no platforms. */
agents::ClusterModel adoption_only_model() {
  auto s = test::load("traditional.json", {"mechanisms.population.count=10000", "ticks=1",
                                           "mechanisms.population.warmup_months=0"});
  agents::ClusterModel model = scenarios::build_model(s);
  auto& c = model.mutable_context();
  auto& a = c.params.adoption;
  a.infrastructure_floor = 1.0;  // infrastructure factor 1
  a.size_elasticity = 0.0;       // size factor 1
  a.cost_sensitivity = 0.0;      // cost factor 1
  auto& f = c.world.firms;
  for (sim::FirmIndex i = 0; i < f.size(); ++i) {
    f.region[i] = sim::RegionId{0};
    f.industry[i] = sim::IndustryId{0};
  }
  return model;
}

/** Adopted share of the alive firms. */
double adopted_share(const agents::ModelContext& c) {
  double n = 0, a = 0;
  for (auto i : c.directory.alive()) {
    n += 1;
    a += c.world.firms.on_cloud[i];
  }
  return a / n;
}

/** Runs adopt_and_join for `months` months from nobody on the cloud; returns the adopted share by month. */
std::vector<double> adoption_curve(agents::ClusterModel& model, std::uint64_t seed, int months) {
  auto& c = model.mutable_context();
  c.world.seed = seed;
  for (auto i : c.directory.alive()) c.world.firms.on_cloud[i] = 0;
  std::vector<double> share;
  for (int t = 1; t <= months; ++t) {
    c.world.tick = t;
    agents::adopt_and_join(c);
    share.push_back(adopted_share(c));
  }
  return share;
}

/** Continuous Bass (1969) curve, t in years. */
double bass_continuous(double p, double q, double t) {
  const double e = std::exp(-(p + q) * t);
  return (1.0 - e) / (1.0 + q / p * e);
}

/** The discrete-time Bass map with step dt (years): the expected share under a hazard 1 − exp(−(p + qF)dt)
 * applied to the share at the start of each step, which is what the model draws monthly. */
std::vector<double> bass_discrete(double p, double q, double dt, int steps) {
  std::vector<double> v;
  double x = 0.0;
  for (int t = 0; t < steps; ++t) {
    x += (1.0 - x) * (1.0 - std::exp(-(p + q * x) * dt));
    v.push_back(x);
  }
  return v;
}

/** Largest gap between the discrete map with `substeps` steps per month and the continuous curve. */
double discretisation_error(double p, double q, int months, int substeps) {
  const auto d = bass_discrete(p, q, 1.0 / 12.0 / substeps, months * substeps);
  double e = 0.0;
  for (int t = 1; t <= months; ++t)
    e = std::max(e,
                 std::abs(d[static_cast<std::size_t>(t * substeps - 1)] - bass_continuous(p, q, t / 12.0)));
  return e;
}

}  // namespace

TEST_CASE("adoption: under full mixing the cloud follows the Bass curve (discrete-time map)",
          "[agents][validation][bass]") {
  // Stated tolerances: the replication mean stays within 0.01 of the discrete map every month (binomial
  // noise of 4 × 10,000 firms is below 0.003); the discrete map itself differs from the continuous curve
  // by a first-order discretisation error, measured here and checked to shrink ~10× with 10× finer steps.
  constexpr int kMonths = 120, kReps = 4;
  agents::ClusterModel model = adoption_only_model();
  auto& a = model.mutable_context().params.adoption;
  a.threshold_rule = false;
  a.partner_weight = 0.0;  // the peer share only: every firm sees the whole population
  const std::pair<double, double> cases[] = {{0.03, 0.38}, {0.01, 0.5}, {0.1, 0.3}};
  for (const auto& [p, q] : cases) {
    a.bass_p = p;
    a.bass_q = q;
    std::vector<double> mean(kMonths, 0.0);
    for (int r = 0; r < kReps; ++r) {
      const auto curve = adoption_curve(model, 77000 + static_cast<std::uint64_t>(r), kMonths);
      for (int t = 0; t < kMonths; ++t) mean[t] += curve[t] / kReps;
    }
    const auto map = bass_discrete(p, q, 1.0 / 12.0, kMonths);
    double gap_map = 0.0, gap_curve = 0.0;
    for (int t = 0; t < kMonths; ++t) {
      gap_map = std::max(gap_map, std::abs(mean[t] - map[t]));
      gap_curve = std::max(gap_curve, std::abs(mean[t] - bass_continuous(p, q, (t + 1) / 12.0)));
    }
    const double disc = discretisation_error(p, q, kMonths, 1),
                 fine = discretisation_error(p, q, kMonths, 10);
    INFO("p = " << p << ", q = " << q << ": max |model − discrete map| " << gap_map
                << ", max |model − continuous F(t)| " << gap_curve << ", discretisation error " << disc
                << " (" << fine << " at 1/10 month), F(120) " << mean.back());
    const bool pass = gap_map <= 0.01 && gap_curve <= disc + 0.01 && fine < disc / 5;
    test::record({"bass p=" + test::num(p) + " q=" + test::num(q), "Bass (1969); analytic",
                  "adopted share = discrete Bass map F_{t+1} = F_t + (1−F_t)(1−e^{−(p+qF_t)/12}); "
                  "continuous F(t) within the map's discretisation error",
                  "max gap to the map ≤ 0.01; to F(t) ≤ discretisation error + 0.01",
                  "gap to map " + test::num(gap_map, 2) + ", to F(t) " + test::num(gap_curve, 2) +
                      " (discretisation " + test::num(disc, 2) + ")",
                  pass, "build/tests/vicsim_tests \"[bass]\" -s"});
    CHECK(gap_map <= 0.01);
    CHECK(gap_curve <= disc + 0.01);
    CHECK(fine < disc / 5);
  }
}

namespace {

/** Replaces the network with an Erdős–Rényi G(n, m) graph on the alive firms, m = round(z·n/2), without
 * self-loops or duplicate pairs (the model's partner share counts ties in both directions). */
void erdos_renyi(agents::ModelContext& c, double z, std::uint64_t trial) {
  const auto& alive = c.directory.alive();
  const std::size_t n = alive.size(),
                    m = static_cast<std::size_t>(std::llround(z * static_cast<double>(n) / 2));
  c.world.network = sim::SupplyGraph(c.world.firms.size());
  std::unordered_set<std::uint64_t> pairs;
  sim::Rng rng(c.world.seed, sim::Stream::Rewire, trial, 0);
  while (pairs.size() < m) {
    auto u = rng.below(n), v = rng.below(n);
    if (u == v) continue;
    if (u > v) std::swap(u, v);
    if (pairs.insert(u * n + v).second) boost::add_edge(alive[u], alive[v], sim::Tie{}, c.world.network);
  }
}

/** Watts (2002) analytic frequency of global cascades from one random seed on a Poisson graph of mean
 * degree z with uniform threshold phi: the probability that the seed has a neighbour in the infinite
 * cluster of vulnerable nodes (degree k with 1/k ≥ phi), by generating functions. */
double watts_frequency(double z, double phi) {
  std::vector<double> pk(80);
  for (std::size_t k = 0; k < pk.size(); ++k)
    pk[k] = std::exp(-z + static_cast<double>(k) * std::log(z) - std::lgamma(static_cast<double>(k) + 1));
  double u = 0.0;  // probability an edge does not lead into the infinite vulnerable cluster
  for (int it = 0; it < 5000; ++it) {
    double s = 0.0;
    for (std::size_t k = 1; k < pk.size(); ++k)
      if (1.0 / static_cast<double>(k) >= phi)
        s += static_cast<double>(k) * pk[k] / z * (1.0 - std::pow(u, static_cast<double>(k) - 1.0));
    u = 1.0 - s;
  }
  double g = 0.0;
  for (std::size_t k = 0; k < pk.size(); ++k) g += pk[k] * std::pow(u, static_cast<double>(k));
  return 1.0 - g;
}

}  // namespace

TEST_CASE("adoption: the Watts threshold rule shows the cascade window on Erdős–Rényi graphs",
          "[agents][validation][watts]") {
  // N = 10,000, phi = 0.18, one random initial adopter per trial, 30 trials per z. A cascade is global when
  // it reaches 10% of the firms. Stated tolerance: inside the window (z = 2–5) the frequency is within 0.2
  // of the analytic value (binomial sd with 30 trials ≤ 0.09); above it (z ≥ 7) no trial cascades.
  constexpr int kTrials = 30;
  constexpr double kPhi = 0.18;
  agents::ClusterModel model = adoption_only_model();
  auto& c = model.mutable_context();
  auto& a = c.params.adoption;
  a.threshold_rule = true;
  a.threshold_rate = 1.0;  // adopt as soon as the threshold is met: Watts's synchronous update
  a.bass_p = 0.0;          // no spontaneous adopters besides the seed
  auto& f = c.world.firms;
  const auto& alive = c.directory.alive();
  for (auto i : alive) f.adoption_threshold[i] = kPhi;
  for (double z : {2.0, 3.0, 4.0, 5.0, 7.0, 8.0, 10.0}) {
    int global = 0;
    for (int trial = 0; trial < kTrials; ++trial) {
      c.world.seed = 91000 + static_cast<std::uint64_t>(trial) + 1000 * static_cast<std::uint64_t>(z);
      erdos_renyi(c, z, static_cast<std::uint64_t>(trial));
      for (auto i : alive) f.on_cloud[i] = 0;
      sim::Rng pick(c.world.seed, sim::Stream::Adoption, 0, 0);
      f.on_cloud[alive[pick.below(alive.size())]] = 1;
      for (c.world.tick = 1;; ++c.world.tick) {
        c.stats = {};
        agents::adopt_and_join(c);
        if (c.stats.cloud_adoptions == 0) break;
      }
      global += adopted_share(c) >= 0.1;
    }
    const double freq = static_cast<double>(global) / kTrials,
                 analytic = std::max(0.0, watts_frequency(z, kPhi));
    const bool inside = z <= 5.0;
    const bool pass = inside ? std::abs(freq - analytic) <= 0.2 : global == 0;
    INFO("z = " << z << ": global cascades in " << global << " of " << kTrials << " trials (analytic "
                << analytic << ")");
    test::record({"watts z=" + test::num(z),
                  "Watts (2002), phi = 0.18, N = 10^4; generating-function frequency",
                  inside ? "global cascades frequent (analytic " + test::num(analytic, 2) + ")"
                         : "no global cascade (outside the window)",
                  inside ? "|frequency − analytic| ≤ 0.2 over 30 trials" : "0 of 30 trials",
                  test::num(freq, 2) + " (" + std::to_string(global) + "/30)", pass,
                  "build/tests/vicsim_tests \"[watts]\" -s"});
    CHECK(pass);
  }
}

// Platform value learned from realised and observed margins (docs/ODD.md 7.35–7.37).
namespace {

/** One firm with a given monthly margin (profit / revenue). */
void set_margin(sim::Firms& f, sim::FirmIndex i, double margin) {
  f.revenue[i] = sim::Money{1.0e6};
  f.profit[i] = sim::Money{margin * 1.0e6};
}

}  // namespace

TEST_CASE("adoption: a firm's own realised gain is its smoothed margin as a member minus before joining",
          "[agents][adoption]") {
  agents::AdoptionParams ap;
  ap.margin_smoothing = 0.5;
  ap.min_history = 3;
  sim::Firms f;
  const auto i = f.add();
  for (int m = 0; m < 12; ++m) {
    set_margin(f, i, 0.05);
    agents::track_margins(ap, f, i);
  }
  CHECK_FALSE(agents::realised_gain(ap, f, i).has_value());  // not a member: no after-period
  f.platforms[i] = 1u;
  for (int m = 0; m < 2; ++m) {
    set_margin(f, i, 0.09);
    agents::track_margins(ap, f, i);
  }
  CHECK_FALSE(agents::realised_gain(ap, f, i).has_value());  // 2 < min_history months as a member
  set_margin(f, i, 0.09);
  agents::track_margins(ap, f, i);
  REQUIRE(agents::realised_gain(ap, f, i).has_value());
  CHECK(*agents::realised_gain(ap, f, i) == Approx(0.04));
  // Leaving ends the after-period: the next membership is measured afresh.
  f.platforms[i] = 0u;
  set_margin(f, i, 0.05);
  agents::track_margins(ap, f, i);
  CHECK(f.months_on[i] == 0);
  CHECK(f.margin_off[i] == Approx(0.05));
  // A member's own investment return (7.106) is taken out of its member margin, not its pre-join margin:
  // 30,000 yuan of its own net saving on 1e6 of revenue is not the platform's 3 points.
  agents::track_margins(ap, f, i, 30000.0);
  CHECK(f.margin_off[i] == Approx(0.05));
  f.platforms[i] = 1u;
  set_margin(f, i, 0.09);
  agents::track_margins(ap, f, i, 30000.0);
  CHECK(f.margin_on[i] == Approx(0.06));
  set_margin(f, i, 0.09);
  agents::track_margins(ap, f, i, -20000.0);  // a purchase not yet paying off does not count against it
  CHECK(f.margin_on[i] == Approx(0.06 + 0.5 * (0.11 - 0.06)));
}

TEST_CASE("adoption: adaptive expectations move the expected platform value toward the signal",
          "[agents][adoption]") {
  agents::AdoptionParams ap;
  ap.value_learning_rate = 0.25;
  sim::Firms f;
  const auto i = f.add();
  f.platform_value[i] = 0.0;
  agents::learn_value(ap, f, i, 0.04);
  CHECK(f.platform_value[i] == Approx(0.01));
  agents::learn_value(ap, f, i, std::nullopt);  // no signal: unchanged
  CHECK(f.platform_value[i] == Approx(0.01));
  for (int m = 0; m < 60; ++m) agents::learn_value(ap, f, i, -0.02);
  CHECK(f.platform_value[i] == Approx(-0.02).margin(1e-6));  // a bad experience is learned too
}

TEST_CASE("adoption: the join choice is a logit of the expected value", "[agents][adoption]") {
  CHECK(agents::join_probability(0.0, 0.02) == Approx(0.5));
  CHECK(agents::join_probability(0.02, 0.02) == Approx(1.0 / (1.0 + std::exp(-1.0))));
  CHECK(agents::join_probability(-0.1, 0.02) < 0.01);
  CHECK(agents::join_probability(0.1, 0.02) > 0.99);
}

TEST_CASE("adoption: firms join the 1+N platforms, never the middle platform itself", "[agents][adoption]") {
  // one_plus_n.json launches the middle platform at month 36 and connects every platform from month 60; by
  // month 72 the other platforms have members and firms have weighed the middle platform for three years.
  const auto r = test::run(test::load("one_plus_n.json", {"mechanisms.population.count=1500", "ticks=72"}));
  auto& c = r.model->mutable_context();
  std::size_t middle = c.world.platforms.size(), members_elsewhere = 0;
  for (std::size_t p = 0; p < c.world.platforms.size(); ++p)
    if (c.world.platforms[p].level == sim::PlatformLevel::Middle) middle = p;
  REQUIRE(middle < c.world.platforms.size());
  REQUIRE(c.world.platforms[middle].alive);
  sim::FirmIndex outsider = sim::Firms::kGone;
  for (auto i : c.directory.alive()) {
    CHECK_FALSE(c.world.firms.member_of(i, middle));
    members_elsewhere += c.world.firms.platforms[i] != 0;
    if (c.world.firms.platforms[i] == 0) outsider = i;
  }
  CHECK(members_elsewhere > 50);
  // Nor can an experiment put a firm on it.
  REQUIRE(outsider != sim::Firms::kGone);
  r.model->force_join(outsider, middle);
  CHECK_FALSE(c.world.firms.member_of(outsider, middle));
}

TEST_CASE("adoption: with adoption switched off, a launch owner on the cloud still grows its maturity",
          "[agents][adoption]") {
  // docs/ODD.md 7.15, 7.16: the switch stops going on the cloud and joining, not maturing on the cloud; the
  // chain-master owners joined at launch are on the cloud and pay for it.
  auto r = test::run(test::load("platform_led.json", {"mechanisms.population.count=400", "ticks=13",
                                                      "mechanisms.adoption.enabled=false"}));
  auto& c = r.model->mutable_context();
  auto& f = c.world.firms;
  std::vector<sim::FirmIndex> on_cloud;
  for (auto i : c.directory.alive())
    if (f.on_cloud[i]) on_cloud.push_back(i);
  REQUIRE_FALSE(on_cloud.empty());
  const double gain = c.params.adoption.maturity_gain;
  REQUIRE(gain > 0.0);
  for (auto i : on_cloud) f.digital_maturity[i] = 0.25;
  agents::adopt_and_join(c);
  for (auto i : on_cloud) CHECK(f.digital_maturity[i] == Approx(0.25 + gain * 0.75));
}

TEST_CASE("adoption: a partners-only platform admits only its chain-master owner's partners",
          "[agents][adoption]") {
  // docs/ODD.md 7.17, 7.51: with partners_only, only firms with a tie to the owner (either direction, any
  // kind) may join (`eligible`). Declared here on platform_led.json's Machinery Point, which by default
  // admits every machinery firm.
  auto s = test::load("platform_led.json", {"mechanisms.population.count=600", "ticks=13"});
  for (auto& ps : s.platforms)
    if (ps.name == "Machinery Point") ps.partners_only = true;
  auto r = test::run(s);
  auto& c = r.model->mutable_context();
  auto& w = c.world;
  auto& fs = w.firms;
  const auto p = test::platform_index(w, "Machinery Point");
  const sim::Platform& pl = w.platforms[p];
  REQUIRE(pl.partners_only);
  REQUIRE(pl.alive);
  REQUIRE(pl.owner_firm >= 0);
  const sim::FirmIndex owner = fs.slot_of(static_cast<std::uint64_t>(pl.owner_firm));
  REQUIRE(owner != sim::Firms::kGone);
  std::unordered_set<sim::FirmIndex> partners;
  for (auto [e, end] = boost::in_edges(owner, w.network); e != end; ++e)
    partners.insert(static_cast<sim::FirmIndex>(boost::source(*e, w.network)));
  for (auto [e, end] = boost::out_edges(owner, w.network); e != end; ++e)
    partners.insert(static_cast<sim::FirmIndex>(boost::target(*e, w.network)));
  // Every firm becomes aware of every platform it may join and wants to join it; nobody leaves.
  auto& ap = c.params.adoption;
  ap.join_p = 1e6;
  ap.decision_noise = 1e-9;
  ap.leave_rate = 0.0;
  std::vector<sim::FirmIndex> candidates;  // machinery firms with sales, not yet members
  for (auto i : c.directory.alive()) {
    fs.platform_value[i] = 1.0;
    if (!fs.member_of(i, p) && fs.revenue[i].yuan > 0.0 &&
        sim::admits_industry(pl, static_cast<std::int32_t>(sim::idx(fs.industry[i]))) &&
        fs.digital_maturity[i] >= pl.min_digital_maturity)
      candidates.push_back(i);
  }
  agents::adopt_and_join(c);
  int partners_joined = 0, others_joined = 0, others = 0;
  for (auto i : candidates) {
    const bool partner = partners.count(i) > 0;
    others += !partner;
    (partner ? partners_joined : others_joined) += fs.member_of(i, p);
  }
  INFO(candidates.size() << " candidates, " << others << " of them not partners of the owner; joined: "
                         << partners_joined << " partners, " << others_joined << " others");
  REQUIRE(others > 0);
  CHECK(partners_joined > 0);
  CHECK(others_joined == 0);
}
