// Shared apps that member firms pay for (docs/ODD.md 7.66–7.68).
#include "agents/shared_apps.hpp"

#include "agents/supplier_beliefs.hpp"
#include "test_support.hpp"

using namespace vicsim;

namespace {
double app_payments(const agents::ModelContext& c) {
  return c.ledger.flows()[static_cast<std::size_t>(sim::Sector::Firms)][static_cast<std::size_t>(
      sim::Sector::Platforms)][static_cast<std::size_t>(sim::FlowKind::AppSubscription)];
}

/** A small platform-led world after 13 months: members, subscribers and a year of coordination hours. */
test::RunResult small_platform_led() {
  return test::run(test::load("platform_led.json", {"mechanisms.population.count=600", "ticks=13"}));
}
}  // namespace

TEST_CASE(
    "shared_apps: the saving grows with the app stock with diminishing returns, and firms subscribe "
    "only when it beats the fee",
    "[agents]") {
  auto r = small_platform_led();
  auto& c = r.model->mutable_context();
  auto& ps = c.world.platforms;
  const auto cosmo = test::platform_index(c.world, "COSMO-Appliances");
  ps[cosmo].congestion = 1.0;
  const auto& ap = c.params.apps;
  ps[cosmo].app_stock = 0.0;
  CHECK(agents::app_saving_share(c, cosmo) == 0.0);
  double last = 0.0, last_gain = 1.0;
  for (double a : {50.0, 100.0, 200.0, 400.0}) {
    ps[cosmo].app_stock = a;
    const double sigma = agents::app_saving_share(c, cosmo);
    CHECK(sigma == Approx(ap.saving_max * a / (a + ap.half_apps)));
    CHECK(sigma > last);
    CHECK(sigma - last < last_gain * (a > 50.0 ? 2.0 : 1e9));  // per doubling, the gain shrinks
    last_gain = sigma - last;
    last = sigma;
  }
  ps[cosmo].services.knowledge = false;  // the apps are part of the knowledge and app sharing service
  CHECK(agents::app_saving_share(c, cosmo) == 0.0);
  ps[cosmo].services.knowledge = true;

  // One member of COSMO only: its expected saving is land · s · ratio · σ · employees.
  auto& f = c.world.firms;
  const sim::FirmIndex member = test::sole_member_of(c, cosmo);
  f.unaided_coordination[member] = 1.0;  // ratio 1: the offline norm
  f.in_plant_platform[member] = -1;
  f.app_platform[member] = -1;
  const double s = c.params.information.coordination_share;
  const double per_employee = c.world.regions[sim::idx(f.region[member])].land_cost.yuan * s * last;
  c.params.apps.fee_per_employee = per_employee * 1.01;
  agents::subscribe_to_apps(c);
  CHECK(f.app_platform[member] == -1);
  CHECK(agents::app_fee(c, member) == 0.0);
  c.params.apps.fee_per_employee = per_employee * 0.99;
  agents::subscribe_to_apps(c);
  CHECK(f.app_platform[member] == static_cast<std::int32_t>(cosmo));
  CHECK(agents::app_fee(c, member) == Approx(c.params.apps.fee_per_employee * f.employees[member]));
  CHECK(agents::subscriber_saving(c, member) == Approx(last));
  CHECK(ps[cosmo].app_subscribers >= 1);
  // A firm that leaves the platform keeps no subscription.
  f.platforms[member] = 0;
  CHECK(agents::app_fee(c, member) == 0.0);
  CHECK(agents::subscriber_saving(c, member) == 0.0);
}

TEST_CASE(
    "shared_apps: a firm values the apps on its smoothed hours without them, whatever it subscribed to when",
    "[agents]") {
  auto r = small_platform_led();
  auto& c = r.model->mutable_context();
  auto& ps = c.world.platforms;
  const auto cosmo = test::platform_index(c.world, "COSMO-Appliances");
  ps[cosmo].congestion = 1.0;
  ps[cosmo].app_stock = 400.0;
  const double sigma = agents::app_saving_share(c, cosmo);
  REQUIRE(sigma > 0.1);
  auto& f = c.world.firms;
  const sim::FirmIndex member = test::sole_member_of(c, cosmo);
  f.in_plant_platform[member] = -1;
  const double s = c.params.information.coordination_share;
  // Its hours without apps have run at 1.2 times the offline norm, so the apps are worth land · s · 1.2 · σ
  // per employee.
  const double unaided = 1.2;
  f.unaided_coordination[member] = unaided;
  const double worth = c.world.regions[sim::idx(f.region[member])].land_cost.yuan * s * unaided * sigma;
  auto decides = [&](double fee_share, std::int32_t subscribed, double overhead) {
    c.params.apps.fee_per_employee = worth * fee_share;
    f.app_platform[member] = subscribed;
    f.overhead_factor[member] = overhead;
    agents::subscribe_to_apps(c);
    return f.app_platform[member] == static_cast<std::int32_t>(cosmo);
  };
  const auto on = static_cast<std::int32_t>(cosmo), off = std::int32_t{-1};
  // It subscribed last month: its overhead does not show the saving yet (the last settlement it holds used
  // the subscription of two months ago). Dividing that overhead by 1 − σ read the apps as worth 1/(1 − σ)
  // times more, so it kept them above their worth.
  const double without_saving = (1.0 - s) + s * unaided;
  CHECK(decides(0.99, on, without_saving));
  CHECK_FALSE(decides(1.01, on, without_saving));
  // It dropped them last month after years with them: its overhead still shows the saving. Reading that as
  // its own hours made the apps look worth (1 − σ) less, so it did not come back below their worth.
  const double with_saving = (1.0 - s) + s * unaided * (1.0 - sigma);
  CHECK(decides(0.99, off, with_saving));
  CHECK_FALSE(decides(1.01, off, with_saving));
  // The overhead factor does not enter: subscribed or not, the same unaided hours give the same choice.
  for (const double overhead : {0.5, without_saving, with_saving, 2.0})
    for (const auto now : {on, off}) {
      CHECK(decides(0.99, now, overhead));
      CHECK_FALSE(decides(1.01, now, overhead));
    }
}

TEST_CASE(
    "shared_apps: the hours without apps are smoothed like the overhead factor, from the hours before the "
    "saving applied at settlement",
    "[agents]") {
  auto r = small_platform_led();
  auto& c = r.model->mutable_context();
  auto& w = c.world;
  auto& f = w.firms;
  const auto& ip = c.params.information;
  // A buyer with supply ties whose deliveries this month all came on time and sound.
  sim::FirmIndex buyer = sim::Firms::kGone;
  double deliveries = 0.0;
  for (auto i : c.directory.alive()) {
    double n = 0.0;
    for (auto [e, end] = boost::in_edges(i, w.network); e != end; ++e)
      if (w.network[*e].is_supply()) n += 1.0;
    if (n > 0.0) {
      buyer = i;
      deliveries = n;
      break;
    }
  }
  REQUIRE(buyer != sim::Firms::kGone);
  for (auto [e, end] = boost::in_edges(buyer, w.network); e != end; ++e) {
    auto& t = w.network[*e];
    if (!t.is_supply()) continue;
    t.observed = 1;
    t.late = 0;
    t.bad_lots = 0;
  }
  f.in_plant_platform[buyer] = -1;
  // Settled with an app saving of 30%: twice the norm's hours without apps, 1.4 times with them.
  const double lots = c.params.information.lots_per_delivery;
  const double norm =
      deliveries * (1.0 + ip.incident_hours * ((1.0 - ip.on_time_mean) + lots * ip.defect_mean));
  f.unaided_hours[buyer] = 2.0 * norm;
  f.coordination_hours[buyer] = 2.0 * norm * (1.0 - 0.3);
  f.unaided_coordination[buyer] = 1.0;
  f.overhead_factor[buyer] = 1.0;
  agents::learn_from_deliveries(c);
  const double m = ip.belief_memory, s = ip.coordination_share;
  CHECK(f.unaided_coordination[buyer] == Approx(m * 1.0 + (1.0 - m) * 2.0));
  CHECK(f.overhead_factor[buyer] == Approx(m * 1.0 + (1.0 - m) * ((1.0 - s) + s * 1.4)));
}

TEST_CASE(
    "shared_apps: subscribers pay their platform and spend fewer coordination hours, so their overhead "
    "falls",
    "[agents]") {
  // Every platform hosts a large app stock at no cost to it, so most members subscribe from launch and the
  // saving is large enough to see in a short run.
  const std::vector<std::string> base = {"mechanisms.population.count=600", "ticks=30",
                                         "platforms[*].hosted_apps=2000", "mechanisms.apps.cost_per_app=0"};
  auto on = test::run(test::load("platform_led.json", base));
  auto sets = base;
  sets.push_back("mechanisms.apps.enabled=false");
  auto off = test::run(test::load("platform_led.json", sets));
  const auto& c_on = on.model->context();
  const auto& c_off = off.model->context();
  CHECK(app_payments(c_on) > 0.0);
  CHECK(app_payments(c_off) == 0.0);
  CHECK(on.series.back().app_subscriber_share > 0.0);
  CHECK(off.series.back().app_subscriber_share == 0.0);
  // Mean overhead factor of platform members: the apps' saving, not a parameter, moves it.
  auto member_overhead = [](const agents::ModelContext& c) {
    double sum = 0.0, n = 0.0;
    for (auto i : c.directory.alive())
      if (c.world.firms.platforms[i]) {
        sum += c.world.firms.overhead_factor[i];
        n += 1.0;
      }
    return sum / n;
  };
  INFO("members' overhead factor with apps " << member_overhead(c_on) << ", without "
                                             << member_overhead(c_off));
  CHECK(member_overhead(c_on) < member_overhead(c_off) - 0.05);
  // The platform books the fees as revenue and the apps' cost as operating cost.
  double revenue = 0.0, subscribers = 0.0;
  for (const auto& pl : c_on.world.platforms) {
    subscribers += pl.app_subscribers;
    if (pl.alive && pl.services.knowledge && pl.app_stock > 0.0)
      CHECK(agents::app_cost(c_on, pl) == Approx(c_on.params.apps.cost_per_app * pl.app_stock));
    revenue += pl.revenue.yuan;
  }
  CHECK(subscribers > 0.0);
  CHECK(revenue >= app_payments(c_on));
}

TEST_CASE("shared_apps: a platform's declared hosted apps are its app stock at launch", "[agents]") {
  auto s = test::load("platform_led.json", {"mechanisms.population.count=300", "ticks=1"});
  REQUIRE(s.platforms.size() >= 3);
  s.platforms[2].hosted_apps = 400.0;
  const sim::World w = scenarios::build_world(s);
  CHECK(w.platforms[2].app_stock == 400.0);
  CHECK(w.platforms[0].app_stock == 0.0);
}
