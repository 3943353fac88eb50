// Shared apps that member firms pay for (docs/ODD.md 7.66–7.68).
#include "agents/shared_apps.hpp"

#include "test_support.hpp"

using namespace vicsim;

namespace {
double app_payments(const agents::ModelContext& c) {
  return c.ledger.flows()[static_cast<std::size_t>(sim::Sector::Firms)][static_cast<std::size_t>(
      sim::Sector::Platforms)][static_cast<std::size_t>(sim::FlowKind::AppSubscription)];
}
}  // namespace

TEST_CASE(
    "shared_apps: the saving grows with the app stock with diminishing returns, and firms subscribe "
    "only when it beats the fee",
    "[agents]") {
  auto r = test::run(test::load("platform_led.json", {"mechanisms.population.count=600", "ticks=13"}));
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
  f.overhead_factor[member] = 1.0;   // ratio 1: the offline norm
  f.in_plant_platform[member] = -1;  // no in-plant services: the other part of overhead is 1 − s (7.102)
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
    "shared_apps: a subscriber values the apps on the hours it would spend without them, undoing its "
    "current saving",
    "[agents]") {
  auto r = test::run(test::load("platform_led.json", {"mechanisms.population.count=600", "ticks=13"}));
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
  // Its overhead already shows the apps' saving: hours at the norm without apps, (1 − σ) of them with.
  f.overhead_factor[member] = (1.0 - s) + s * (1.0 - sigma);
  // Without apps the coordination part is land · s · 1 per employee, so the apps are worth land · s · σ.
  const double worth = c.world.regions[sim::idx(f.region[member])].land_cost.yuan * s * sigma;
  c.params.apps.fee_per_employee = worth * 0.99;
  f.app_platform[member] = static_cast<std::int32_t>(cosmo);  // subscribed now: it keeps them
  agents::subscribe_to_apps(c);
  CHECK(f.app_platform[member] == static_cast<std::int32_t>(cosmo));
  c.params.apps.fee_per_employee = worth * 1.01;
  f.app_platform[member] = static_cast<std::int32_t>(cosmo);  // above their worth: it drops them
  agents::subscribe_to_apps(c);
  CHECK(f.app_platform[member] == -1);
  // A non-subscriber with the same overhead reads those hours as its own: the apps look worth (1 − σ) less,
  // below the fee (σ > 0.1 above).
  c.params.apps.fee_per_employee = worth * 0.99;
  f.app_platform[member] = -1;
  agents::subscribe_to_apps(c);
  CHECK(f.app_platform[member] == -1);
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
