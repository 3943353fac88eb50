#include "agents/in_plant_services.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

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

namespace {
/** The two parts of firm i's monthly saving at full effect (yuan): shop-floor records, own rework. */
std::pair<double, double> saving_parts(const ModelContext& c, sim::FirmIndex i) {
  const sim::Firms& f = c.world.firms;
  const auto& ip = c.params.in_plant;
  const auto& r = c.world.regions[sim::idx(f.region[i])];
  const double s = c.params.information.coordination_share;
  const double records =
      r.land_cost.yuan * (1.0 - s) * ip.shop_floor_share * ip.paperwork_cut * f.employees[i];
  const double rework = ip.defect_cut * f.defect_rate[i] * (f.input_cost[i].yuan + workforce_cost(c, i));
  return {records, rework};
}

/** Saving realised at level u: each part through the lag its mechanism has (overhead follows its target
 * with belief_memory, 7.34; the defect rate its drift target with reliability_persistence, 7.30). */
double realised_saving(const ModelContext& c, const std::pair<double, double>& parts, double level) {
  const double T = c.params.in_plant.ramp_months;
  const auto& info = c.params.information;
  return parts.first * in_plant_realised_share(level, T, info.belief_memory) +
         parts.second * in_plant_realised_share(level, T, info.reliability_persistence);
}
}  // namespace

double in_plant_saving(const ModelContext& c, sim::FirmIndex i) {
  const auto [records, rework] = saving_parts(c, i);
  return records + rework;
}

double in_plant_realised_share(double level, double ramp_months, double persistence) {
  const double u = std::clamp(level, 0.0, 1.0), rho = std::clamp(persistence, 0.0, 1.0);
  const double q = 1.0 - 1.0 / std::max(1.0, ramp_months);  // the level's gap keeps q a month: q^k = 1 − u
  if (u <= 0.0 || u >= 1.0 || rho <= 0.0 || q <= 0.0) return u;  // no lag, or no months to infer it from
  const double k = std::log(1.0 - u) / std::log(q);              // months bought
  const double rho_k = std::pow(rho, k);
  // x_k = Σ_{j=1..k} (1 − ρ) ρ^{k−j} (1 − q^j) = 1 − ρ^k − (1 − ρ) q (ρ^k − q^k) / (ρ − q)
  if (std::abs(rho - q) < 1e-9) return 1.0 - rho_k - (1.0 - rho) * k * rho_k;
  return std::clamp(1.0 - rho_k - (1.0 - rho) * q * (rho_k - (1.0 - u)) / (rho - q), 0.0, 1.0);
}

namespace {
/** The path a purchase goes through from level u0 over the decision horizon (7.106): for k = 1 … H the
 * discount β^k and each part's realised share at level 1 − (1 − u0) q^k. It depends on the parameters and u0
 * only, so a month's new systems (u0 = 0) share one path instead of recomputing its 2H log/pow pairs. */
struct RampPath {
  std::vector<double> discount, records_share, rework_share;
};

/** Fills `path` (reusing its storage) for a purchase starting at level `level`. */
void fill_ramp_path(const ModelContext& c, double level, RampPath& path) {
  const auto horizon = static_cast<int>(std::max(1.0, c.params.adoption.entry_fee_months));
  const double beta = 1.0 / (1.0 + c.params.services.interest_per_year / 12.0);  // as loans accrue (7.28)
  const double T = c.params.in_plant.ramp_months;
  const double keep = 1.0 - 1.0 / std::max(1.0, T);
  const auto& info = c.params.information;
  path.discount.clear();
  path.records_share.clear();
  path.rework_share.clear();
  double discount = 1.0, gap = 1.0 - std::clamp(level, 0.0, 1.0);
  for (int k = 1; k <= horizon; ++k) {
    discount *= beta;
    gap *= keep;
    path.discount.push_back(discount);
    path.records_share.push_back(in_plant_realised_share(1.0 - gap, T, info.belief_memory));
    path.rework_share.push_back(in_plant_realised_share(1.0 - gap, T, info.reliability_persistence));
  }
}

double ramp_factor(const RampPath& path, const std::pair<double, double>& parts) {
  const double full = parts.first + parts.second;
  if (full <= 0.0) return 0.0;
  double weighted = 0.0, weights = 0.0;
  for (std::size_t k = 0; k < path.discount.size(); ++k) {
    weighted +=
        path.discount[k] * (parts.first * path.records_share[k] + parts.second * path.rework_share[k]);
    weights += path.discount[k];
  }
  return weighted / (weights * full);
}
}  // namespace

double in_plant_ramp_factor(const ModelContext& c, sim::FirmIndex i, double level) {
  RampPath path;
  fill_ramp_path(c, level, path);
  return ramp_factor(path, saving_parts(c, i));
}

double in_plant_own_return(const ModelContext& c, sim::FirmIndex i) {
  if (!valid_purchase(c, i)) return 0.0;
  return realised_saving(c, saving_parts(c, i), in_plant_effect(c, i)) - in_plant_price(c);
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
  RampPath fresh, installed_path;  // every new system starts from level 0: one path for all of them
  fill_ramp_path(c, 0.0, fresh);
  for (auto i : c.directory.alive()) {
    std::int32_t seller = -1;
    if (ip.enabled && f.platforms[i]) {
      // The saving phases in while the price is paid in full: weigh it by the ramp still ahead (7.106). An
      // installed system keeps its level; a new one starts from nothing.
      const bool installed = valid_purchase(c, i);
      // The ramp factor is at most 1, so a full saving at or below the price decides "no" without the
      // 24-month sum (the same decision, bit for bit: rounding r·S with r ≤ 1 never exceeds S).
      const auto parts = saving_parts(c, i);
      const double saving = parts.first + parts.second;  // in_plant_saving
      if (installed && saving > price) fill_ramp_path(c, f.in_plant_level[i], installed_path);
      if (saving > price && ramp_factor(installed ? installed_path : fresh, parts) * saving > price) {
        if (installed) {
          seller = f.in_plant_platform[i];  // keep the platform whose system is installed
        } else {
          for (std::size_t p = 0; p < c.world.platforms.size() && seller < 0; ++p)
            if (f.member_of(i, p) && offers_in_plant(c, p)) seller = static_cast<std::int32_t>(p);
        }
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
