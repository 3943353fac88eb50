#include "agents/in_plant_services.hpp"

#include <algorithm>
#include <cmath>

#include "agents/supplier_beliefs.hpp"
#include "agents/trade.hpp"

namespace vicsim::agents {

namespace {
bool valid_purchase(const ModelContext& c, sim::FirmIndex i) {
  const std::int32_t p = c.world.firms.in_plant_platform[i];
  return p >= 0 && c.world.firms.member_of(i, static_cast<std::size_t>(p)) &&
         offers_in_plant(c, static_cast<std::size_t>(p));
}
}  // namespace

bool offers_in_plant(const ModelContext& c, std::size_t p) {
  const sim::Platform& pl = c.world.platforms[p];
  return c.params.in_plant.enabled && pl.alive && pl.services.knowledge;
}

double in_plant_price(const ModelContext& c) {
  return c.params.in_plant.fee_per_device * c.params.infrastructure.devices_per_member;
}

double in_plant_fee(const ModelContext& c, sim::FirmIndex i) {
  return valid_purchase(c, i) ? in_plant_price(c) : 0.0;
}

double in_plant_effect(const ModelContext& c, sim::FirmIndex i) {
  return valid_purchase(c, i) ? c.world.firms.in_plant_level[i] : 0.0;
}

double production_days_saved(const ModelContext& c, sim::FirmIndex s) {
  return c.params.trade.production_days * c.params.in_plant.days_cut * in_plant_effect(c, s);
}

double shop_floor_factor(const ModelContext& c, sim::FirmIndex i) {
  const auto& ip = c.params.in_plant;
  return 1.0 - ip.shop_floor_share * ip.paperwork_cut * in_plant_effect(c, i);
}

double defect_logit_cut(const ModelContext& c, sim::FirmIndex i) {
  const double effect = in_plant_effect(c, i);
  if (effect <= 0.0) return 0.0;
  const double mean = c.params.information.defect_mean;
  return effect * (logit(mean) - logit(mean * (1.0 - c.params.in_plant.defect_cut)));
}

double in_plant_saving(const ModelContext& c, sim::FirmIndex i) {
  const sim::Firms& f = c.world.firms;
  const auto& ip = c.params.in_plant;
  const auto& r = c.world.regions[sim::idx(f.region[i])];
  const double s = c.params.information.coordination_share;
  const double records =
      r.land_cost.yuan * (1.0 - s) * ip.shop_floor_share * ip.paperwork_cut * f.employees[i];
  const double rework = ip.defect_cut * f.defect_rate[i] * (f.input_cost[i].yuan + workforce_cost(c, i));
  return records + rework;
}

double in_plant_share(const ModelContext& c) {
  const auto& alive = c.directory.alive();
  if (alive.empty()) return 0.0;
  double buyers = 0.0;
  for (auto i : alive) buyers += in_plant_fee(c, i) > 0.0;
  return buyers / static_cast<double>(alive.size());
}

void buy_in_plant_services(ModelContext& c) {
  sim::Firms& f = c.world.firms;
  const auto& ip = c.params.in_plant;
  const double price = in_plant_price(c);
  for (auto i : c.directory.alive()) {
    std::int32_t seller = -1;
    if (ip.enabled && f.platforms[i] && in_plant_saving(c, i) > price) {
      if (valid_purchase(c, i)) {
        seller = f.in_plant_platform[i];  // keep the platform whose system is installed
      } else {
        for (std::size_t p = 0; p < c.world.platforms.size() && seller < 0; ++p)
          if (f.member_of(i, p) && offers_in_plant(c, p)) seller = static_cast<std::int32_t>(p);
      }
    }
    // A new system starts from nothing; the effect builds up like digital maturity (7.16) and is lost
    // when the firm stops paying.
    if (seller < 0 || seller != f.in_plant_platform[i]) f.in_plant_level[i] = 0.0;
    f.in_plant_platform[i] = seller;
    if (seller >= 0) f.in_plant_level[i] += (1.0 - f.in_plant_level[i]) / std::max(1.0, ip.ramp_months);
  }
}

}  // namespace vicsim::agents
