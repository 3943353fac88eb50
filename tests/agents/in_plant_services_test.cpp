// Paid in-plant digital services (docs/ODD.md 7.102).
#include "agents/in_plant_services.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "agents/platform_services.hpp"
#include "agents/supplier_beliefs.hpp"
#include "agents/trade.hpp"
#include "test_support.hpp"

using namespace vicsim;

namespace {
/** This month's in_plant_service flow, firms to platforms (yuan). */
double in_plant_payments(const agents::ModelContext& c) {
  using sim::Sector;
  const auto at = [](auto e) { return static_cast<std::size_t>(e); };
  return c.ledger.flows()[at(Sector::Firms)][at(Sector::Platforms)][at(sim::FlowKind::InPlantService)];
}

}  // namespace

TEST_CASE(
    "in_plant_services: a member buys only when its expected saving beats the price, a non-member never, "
    "and the effect phases in and is lost when it stops",
    "[agents]") {
  auto r = test::run(test::load("platform_led.json", {"mechanisms.population.count=600", "ticks=13"}));
  auto& c = r.model->mutable_context();
  auto& f = c.world.firms;
  const auto cosmo = test::platform_index(c.world, "COSMO-Appliances");
  const sim::FirmIndex m = test::sole_member_of(c, cosmo, 20.0);
  // A firm without a system: an installed one's level moves what a new one would save (its own effect on
  // overhead and defects), so the saving is read after the purchase is undone.
  f.in_plant_platform[m] = -1;
  f.in_plant_level[m] = 0.0;
  const double saving = agents::in_plant_saving(c, m);
  REQUIRE(saving > 0.0);
  const double devices = c.params.infrastructure.devices_per_member;

  // A new system is weighed by the ramp ahead (7.106): the saving it delivers over the horizon, discounted.
  const double ramp = agents::in_plant_ramp_factor(c, m, 0.0);
  REQUIRE(ramp < 0.7);
  // Priced just above the ramp-weighed saving: nobody with this saving buys, though the price is well below
  // the saving at full effect.
  c.params.in_plant.fee_per_device = ramp * saving * 1.01 / devices;
  f.in_plant_platform[m] = -1;
  agents::buy_in_plant_services(c);
  CHECK(f.in_plant_platform[m] == -1);
  CHECK(agents::in_plant_fee(c, m) == 0.0);
  CHECK(agents::in_plant_effect(c, m) == 0.0);

  // Just below: it buys from its platform and pays the price per device.
  c.params.in_plant.fee_per_device = ramp * saving * 0.99 / devices;
  agents::buy_in_plant_services(c);
  REQUIRE(f.in_plant_platform[m] == static_cast<std::int32_t>(cosmo));
  CHECK(agents::in_plant_fee(c, m) == Approx(ramp * saving * 0.99));
  // What the purchase earned the firm this month, as it estimates it: its own, not the platform's (7.106).
  // Without the mechanisms' lags it is the level times the saving, minus the price; with them, less.
  const double price = ramp * saving * 0.99;
  const double lagged_return = agents::in_plant_own_return(c, m);
  auto& info = c.params.information;
  const double memory = info.belief_memory, persistence = info.reliability_persistence;
  info.belief_memory = info.reliability_persistence = 0.0;
  // The own return is the firm's cost saving: the customers' orders are not in it (7.107).
  const double cost_saving = agents::in_plant_saving(c, m) - agents::in_plant_days_value(c, m);
  CHECK(agents::in_plant_own_return(c, m) == Approx(agents::in_plant_effect(c, m) * cost_saving - price));
  info.belief_memory = memory, info.reliability_persistence = persistence;
  CHECK(lagged_return > -price);
  CHECK(lagged_return < agents::in_plant_effect(c, m) * cost_saving - price);
  const double T = c.params.in_plant.ramp_months;
  CHECK(agents::in_plant_effect(c, m) == Approx(1.0 / T));
  for (int k = 2; k <= 6; ++k) {
    agents::buy_in_plant_services(c);
    CHECK(agents::in_plant_effect(c, m) == Approx(1.0 - std::pow(1.0 - 1.0 / T, k)));
  }
  CHECK(agents::in_plant_effect(c, m) < 0.5);  // phases in, does not jump

  // An installed system keeps its level: at a price a new buyer would refuse, the firm keeps buying once the
  // ramp is behind it, and stops when the price passes what the rest of the ramp delivers.
  const double level = f.in_plant_level[m];
  const double ahead = agents::in_plant_ramp_factor(c, m, level);
  REQUIRE(ahead > ramp);
  c.params.in_plant.fee_per_device = 0.5 * (ramp + ahead) * agents::in_plant_saving(c, m) / devices;
  agents::buy_in_plant_services(c);
  CHECK(f.in_plant_platform[m] == static_cast<std::int32_t>(cosmo));
  CHECK(f.in_plant_level[m] > level);
  c.params.in_plant.fee_per_device = 1.01 * agents::in_plant_saving(c, m) / devices;
  agents::buy_in_plant_services(c);
  CHECK(f.in_plant_platform[m] == -1);
  CHECK(f.in_plant_level[m] == 0.0);
  CHECK(agents::in_plant_own_return(c, m) == 0.0);
  c.params.in_plant.fee_per_device = 0.5 * ramp * agents::in_plant_saving(c, m) / devices;
  for (int k = 1; k <= 6; ++k) agents::buy_in_plant_services(c);

  // Leaving the platform ends the service and its effect; a non-member does not buy.
  f.platforms[m] = 0;
  CHECK(agents::in_plant_fee(c, m) == 0.0);
  CHECK(agents::in_plant_effect(c, m) == 0.0);
  agents::buy_in_plant_services(c);
  CHECK(f.in_plant_platform[m] == -1);
  CHECK(f.in_plant_level[m] == 0.0);

  // A platform without knowledge and app sharing does not sell it; the switch turns it off.
  f.platforms[m] = 1u << cosmo;
  c.world.platforms[cosmo].services.knowledge = false;
  agents::buy_in_plant_services(c);
  CHECK(f.in_plant_platform[m] == -1);
  c.world.platforms[cosmo].services.knowledge = true;
  c.params.in_plant.enabled = false;
  agents::buy_in_plant_services(c);
  CHECK(f.in_plant_platform[m] == -1);
}

TEST_CASE("in_plant_services: the realised share follows the level through each part's lag", "[agents]") {
  // x_k = Σ_{j=1..k} (1 − ρ) ρ^{k−j} (1 − q^j), summed here month by month.
  for (const double rho : {0.95, 0.97, 0.5}) {
    const double q = 11.0 / 12.0;
    double x = 0.0;
    for (int k = 1; k <= 30; ++k) {
      x = rho * x + (1.0 - rho) * (1.0 - std::pow(q, k));
      const double level = 1.0 - std::pow(q, k);
      INFO("rho " << rho << ", month " << k);
      CHECK(agents::in_plant_realised_share(level, 12.0, rho) == Approx(x).epsilon(1e-9));
      CHECK(agents::in_plant_realised_share(level, 12.0, rho) < level);  // the lag trails the level
    }
  }
  CHECK(agents::in_plant_realised_share(0.4, 12.0, 0.0) == 0.4);  // no lag: the level itself
  CHECK(agents::in_plant_realised_share(0.0, 12.0, 0.95) == 0.0);
}

TEST_CASE("in_plant_services: the ramp factor is the discounted mean realised share over the horizon",
          "[agents]") {
  auto r = test::run(test::load("platform_led.json", {"mechanisms.population.count=600", "ticks=13"}));
  auto& c = r.model->mutable_context();
  const sim::FirmIndex m = test::sole_member_of(c, test::platform_index(c.world, "COSMO-Appliances"), 20.0);
  c.params.in_plant.ramp_months = 12;
  c.params.in_plant.service_life_months = 24;
  c.params.services.interest_per_year = 0.0;
  // Without lags, undiscounted, from nothing: 1 − (1/H) Σ_k (11/12)^k = 1 − (11/12)(1 − (11/12)^24) · 12
  // / 24.
  c.params.information.belief_memory = 0.0;
  c.params.information.reliability_persistence = 0.0;
  const double q = 11.0 / 12.0;
  CHECK(agents::in_plant_ramp_factor(c, m, 0.0) == Approx(1.0 - q * (1.0 - std::pow(q, 24)) * 12.0 / 24.0));
  CHECK(agents::in_plant_ramp_factor(c, m, 1.0) == Approx(1.0));
  CHECK(agents::in_plant_ramp_factor(c, m, 0.5) ==
        Approx(1.0 - 0.5 * q * (1.0 - std::pow(q, 24)) * 12.0 / 24.0));
  const double no_lag = agents::in_plant_ramp_factor(c, m, 0.0);
  // The mechanisms' lags (overhead 7.34, defect drift 7.30) delay the saving: a new purchase is worth less.
  c.params.information.belief_memory = 0.95;
  c.params.information.reliability_persistence = 0.97;
  const double lagged = agents::in_plant_ramp_factor(c, m, 0.0);
  CHECK(lagged < no_lag);
  // Discounting weighs the early, low months more; a longer horizon gives more months near full effect.
  c.params.services.interest_per_year = 0.5;
  CHECK(agents::in_plant_ramp_factor(c, m, 0.0) < lagged);
  c.params.services.interest_per_year = 0.0;
  c.params.in_plant.service_life_months = 120;
  CHECK(agents::in_plant_ramp_factor(c, m, 0.0) > lagged);
}

namespace {
/** Units firm s gets from its customers when each splits its orders of the inputs s supplies with the
 * customers' own rule (propagate_orders: weight capacity · (landed cost / mean price)^−ε over the slot's
 * ties) at s's present in-plant state, keeping each slot's total. With `apply` the customers' tie units are
 * set to that split. */
double split_units(agents::ModelContext& c, sim::FirmIndex s, bool apply) {
  const auto& f = c.world.firms;
  auto& g = c.world.network;
  double units = 0.0;
  for (auto [e, end] = boost::out_edges(s, g); e != end; ++e) {
    const sim::Tie& tie = g[*e];
    if (!tie.is_supply() || !(tie.units > 0.0)) continue;
    const auto b = static_cast<sim::FirmIndex>(boost::target(*e, g));
    const auto weight = [&](const sim::Tie& t, sim::FirmIndex seller) {
      return f.capacity(seller) *
             std::pow(agents::landed_cost_on(c, t, b, f.price[seller]) / c.mean_price[c.type_key(seller)],
                      -c.params.market.price_elasticity);
    };
    double own = 0.0, total = 0.0, slot_units = 0.0;
    for (auto [in, in_end] = boost::in_edges(b, g); in != in_end; ++in) {
      const sim::Tie& t = g[*in];
      if (!t.is_supply() || t.input_slot != tie.input_slot) continue;
      const auto seller = static_cast<sim::FirmIndex>(boost::source(*in, g));
      total += weight(t, seller);
      slot_units += t.units;
      if (seller == s) own += weight(t, seller);
    }
    units += slot_units * own / total;
    if (!apply) continue;
    const std::size_t slot = tie.input_slot;
    for (auto [in, in_end] = boost::in_edges(b, g); in != in_end; ++in)
      if (g[*in].is_supply() && g[*in].input_slot == slot)
        g[*in].units =
            slot_units * weight(g[*in], static_cast<sim::FirmIndex>(boost::source(*in, g))) / total;
  }
  return units;
}
}  // namespace

TEST_CASE(
    "in_plant_services: the days value is the margin on the orders customers move to the firm by their own "
    "split",
    "[agents]") {
  auto r = test::run(test::load("platform_led.json", {"mechanisms.population.count=600", "ticks=13"}));
  auto& c = r.model->mutable_context();
  auto& f = c.world.firms;
  const auto cosmo = static_cast<std::int32_t>(test::platform_index(c.world, "COSMO-Appliances"));
  // A supplier with orders on its supply ties, made a member of COSMO only.
  std::optional<sim::FirmIndex> found;
  for (auto i : c.directory.alive()) {
    for (auto [e, end] = boost::out_edges(i, c.world.network); e != end && !found; ++e)
      if (c.world.network[*e].is_supply() && c.world.network[*e].units > 0.0 &&
          agents::contribution_margin(f, i) > 0.0)
        found = i;
    if (found) break;
  }
  REQUIRE(found);
  const sim::FirmIndex s = *found;
  f.platforms[s] = 1u << cosmo;
  const auto set_level = [&](double level) {
    f.in_plant_platform[s] = level > 0.0 ? cosmo : -1;
    f.in_plant_level[s] = level;
  };
  const double unit_margin = agents::contribution_margin(f, s) * f.price[s];
  // From any level the firm is at, the value is the full effect against none.
  for (const double level : {0.0, 0.4}) {
    INFO("level " << level);
    set_level(0.0);
    const double without = split_units(c, s, false);
    set_level(1.0);
    const double at_full = split_units(c, s, false);
    REQUIRE(at_full > without);  // a shorter lead time wins orders
    set_level(level);
    const double now = split_units(c, s, true);  // this month's orders as the customers split them
    f.output[s] = 0.0;                           // all capacity spare
    CHECK(agents::in_plant_days_value(c, s) == Approx(unit_margin * (at_full - without)).epsilon(1e-9));
    // Orders beyond capacity are not made: without spare capacity (the system's own orders aside), no value.
    f.output[s] = f.capacity(s) + (now - without);
    CHECK(agents::in_plant_days_value(c, s) == Approx(0.0).margin(1e-6 * unit_margin));
  }
  // It is part of the saving the buy decision weighs.
  CHECK(agents::in_plant_saving(c, s) >= agents::in_plant_days_value(c, s));
}

TEST_CASE(
    "in_plant_services: a buyer's production days, shop-floor overhead and own defects fall with the "
    "phased-in effect, on every tie it supplies",
    "[agents]") {
  auto r = test::run(test::load("platform_led.json", {"mechanisms.population.count=600", "ticks=13"}));
  auto& c = r.model->mutable_context();
  auto& f = c.world.firms;
  const auto& ip = c.params.in_plant;
  const auto cosmo = test::platform_index(c.world, "COSMO-Appliances");

  // A supplier on some supply tie, made a member of COSMO only.
  const auto& g = c.world.network;
  const auto edge = test::first_edge(g, [&](const sim::Tie& t, sim::FirmIndex b) {
    return t.is_supply() && f.alive[b] && f.alive[t.supplier];
  });
  const sim::Tie t = g[edge];
  const auto buyer = static_cast<sim::FirmIndex>(boost::target(edge, g));
  const sim::FirmIndex s = t.supplier;
  f.platforms[s] = 1u << cosmo;
  f.in_plant_platform[s] = -1;
  CHECK(agents::production_days_saved(c, s) == 0.0);
  CHECK(agents::shop_floor_factor(c, s) == 1.0);
  CHECK(agents::defect_logit_cut(c, s) == 0.0);
  const double lead_without = agents::tie_lead_days(c, t, buyer);
  const double before_defect = f.defect_rate[s];

  f.in_plant_platform[s] = static_cast<std::int32_t>(cosmo);
  f.in_plant_level[s] = 0.5;
  const double days = c.params.trade.production_days * ip.days_cut * 0.5;
  CHECK(agents::production_days_saved(c, s) == Approx(days));
  CHECK(agents::tie_lead_days(c, t, buyer) == Approx(lead_without - days));
  // The same tie offline is shortened by the same days: the service acts in the plant, not on the channel.
  sim::Tie off = t;
  off.channel = sim::TieChannel::Offline;
  off.platform = 0xFF;
  f.in_plant_platform[s] = -1;
  const double off_without = agents::tie_lead_days(c, off, buyer);
  f.in_plant_platform[s] = static_cast<std::int32_t>(cosmo);
  CHECK(agents::tie_lead_days(c, off, buyer) == Approx(off_without - days));
  CHECK(agents::shop_floor_factor(c, s) == Approx(1.0 - ip.shop_floor_share * ip.paperwork_cut * 0.5));

  // At full effect the defect target at the mean rate falls by defect_cut.
  f.in_plant_level[s] = 1.0;
  const double mean = c.params.information.defect_mean;
  const auto logit = [](double p) { return std::log(p / (1.0 - p)); };
  const double target = logit(mean) - agents::defect_logit_cut(c, s);
  CHECK(1.0 / (1.0 + std::exp(-target)) == Approx(mean * (1.0 - ip.defect_cut)));

  // The drift of the hidden defect rate moves toward the lower target: same draw, lower rate.
  f.in_plant_platform[s] = -1;
  agents::drift_reliability(c);
  const double drifted_without = f.defect_rate[s];
  f.defect_rate[s] = before_defect;
  f.in_plant_platform[s] = static_cast<std::int32_t>(cosmo);
  agents::drift_reliability(c);
  CHECK(f.defect_rate[s] < drifted_without);
}

TEST_CASE("in_plant_services: buyers pay their platform in the ledger; off, nobody pays", "[agents]") {
  const auto on = test::run(test::load("platform_led.json", {"mechanisms.population.count=600", "ticks=24"}));
  const auto& c = on.model->context();
  CHECK(in_plant_payments(c) > 0.0);
  CHECK(on.series.back().in_plant_share > 0.0);
  CHECK(on.series.back().in_plant_share <= 1.0);
  const auto off = test::run(test::load("platform_led.json", {"mechanisms.population.count=600", "ticks=24",
                                                              "mechanisms.in_plant.enabled=false"}));
  CHECK(in_plant_payments(off.model->context()) == 0.0);
  CHECK(off.series.back().in_plant_share == 0.0);
}

TEST_CASE("in_plant_services: the share counts buyers, also at a zero price", "[agents]") {
  // docs/ODD.md 7.102: at fee_per_device 0 firms still buy (the saving beats a zero price) and get the
  // effect, so they count as buyers although nobody pays.
  const auto free = test::run(test::load("platform_led.json", {"mechanisms.population.count=600", "ticks=24",
                                                               "mechanisms.in_plant.fee_per_device=0"}));
  const auto& c = free.model->context();
  CHECK(in_plant_payments(c) == 0.0);
  double buyers = 0.0;
  for (auto i : c.directory.alive()) buyers += agents::in_plant_effect(c, i) > 0.0;
  REQUIRE(buyers > 0.0);
  CHECK(free.series.back().in_plant_share ==
        Approx(buyers / static_cast<double>(c.directory.alive().size())));
}
