#include "agents/in_plant_services.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

#include "agents/in_plant_ramp.hpp"
#include "agents/platform_services.hpp"
#include "agents/supplier_beliefs.hpp"
#include "agents/trade.hpp"
#include "sim/parallel_for.hpp"
#include "sim/prefetch.hpp"
#include "sim/prefetch_arcs.hpp"

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
/** The share of a customer's slot a supplier holds after its landed cost changes by the factor `ratio`,
 * from `share` now, under the customers' split (weights ∝ landed cost^−ε, trade.cpp propagate_orders). */
double share_at(double share, double ratio, double elasticity) {
  const double r = std::pow(ratio, -elasticity);
  return share * r / (1.0 - share + share * r);
}
}  // namespace

namespace {
/** Units buyer b ordered of input `slot` this month over all its supply ties: the total its split shares out
 * (propagate_orders), summed in in-edge order. */
double ordered_in_slot(const sim::SupplyGraph& g, sim::FirmIndex b, std::size_t slot) {
  double units = 0.0;
  for (auto [in, in_end] = boost::in_edges(b, g); in != in_end; ++in) {
    const sim::Tie& other = g[*in];
    if (other.is_supply() && other.input_slot == slot) units += other.units;
  }
  return units;
}

/** Every buyer's ordered_in_slot for every input slot, in one pass over the buyers' in-ties in in-edge order
 * (each total adds the same units in the same order, so it is the same number). A member's value of shorter
 * days reads one total per customer from it instead of walking each customer's in-ties: scattered tie
 * records, two hops from the member. */
class OrderedUnits {
 public:
  OrderedUnits(const ModelContext& c, std::size_t slots) : slots_(slots) {
    if (slots_ == 0) return;
    const auto& g = c.world.network;
    units_.assign(c.world.firms.size() * slots_, 0.0);
    // Every slot, exited firms' too: the walk it stands for reads whatever ties a buyer has.
    sim::parallel_for(c.world.firms.size(), c.threads, [&](std::size_t b) {  // each buyer's own totals
      for (auto [in, in_end] = boost::in_edges(b, g); in != in_end; ++in) {
        const sim::Tie& tie = g[*in];
        if (tie.is_supply() && tie.input_slot < slots_) units_[b * slots_ + tie.input_slot] += tie.units;
      }
    });
  }
  /** Starts loading buyer b's totals (a hint: reads and changes nothing). */
  void prefetch(sim::FirmIndex b) const {
    if (slots_ != 0) sim::prefetch(&units_[b * slots_]);
  }
  /** Buyer b's total of input `slot`: from the table, or by the walk where it holds none (no slots). */
  double operator()(const sim::SupplyGraph& g, sim::FirmIndex b, std::size_t slot) const {
    return slot < slots_ ? units_[b * slots_ + slot] : ordered_in_slot(g, b, slot);
  }

 private:
  std::size_t slots_;
  std::vector<double> units_;
};

/** in_plant_days_value, with each customer's total of an input from ordered(graph, buyer, slot). */
template <class SlotUnits>
double days_value(const ModelContext& c, sim::FirmIndex s, const SlotUnits& ordered) {
  const sim::World& w = c.world;
  const sim::Firms& f = w.firms;
  const double full_days = c.params.trade.production_days * c.params.in_plant.days_cut;
  const double unit_margin = contribution_margin(f, s) * f.price[s];
  if (!(full_days > 0.0) || !(unit_margin > 0.0)) return 0.0;
  const double level = in_plant_effect(c, s);
  const double elasticity = c.params.market.price_elasticity;
  // A day less adds this much less to every customer's landed cost per unit (landed_cost_on).
  const double per_day = f.price[s] * c.params.trade.lead_time_cost_per_day;
  double full = 0.0, now = 0.0;  // extra units without the system → at full effect, and → at the level
  for (auto [e, end] = boost::out_edges(s, w.network); e != end; ++e) {
    const sim::Tie& tie = w.network[*e];
    if (!tie.is_supply() || !(tie.units > 0.0)) continue;
    const auto b = static_cast<sim::FirmIndex>(boost::target(*e, w.network));
    const double slot_units = ordered(w.network, b, tie.input_slot);  // b's split's total
    const double landed = landed_cost_on(c, tie, b, f.price[s]);      // at the current level
    if (!(landed > 0.0) || !(slot_units > 0.0)) continue;
    const double share = tie.units / slot_units;
    const double landed_without = landed + per_day * full_days * level;
    const double without = share_at(share, landed_without / landed, elasticity);
    const double at_full = share_at(share, (landed_without - per_day * full_days) / landed, elasticity);
    full += slot_units * (at_full - without);
    now += slot_units * (share - without);
  }
  // Orders beyond capacity are not made (produce_to_forecast): only the capacity the firm would have left
  // without the system can take them.
  const double spare = std::fmax(0.0, f.capacity(s) - f.output[s] + now);
  return unit_margin * std::fmin(full, spare);
}
}  // namespace

double in_plant_days_value(const ModelContext& c, sim::FirmIndex s) {
  return days_value(c, s, ordered_in_slot);
}

namespace {
/** The parts of firm i's monthly saving at full effect (yuan): shop-floor records, own rework, and the
 * margin on the orders its customers move to it for its shorter production days. */
struct SavingParts {
  double records = 0.0, rework = 0.0, days = 0.0;
  double total() const { return records + rework + days; }
};

/** The firm's own parts only (records, rework; days 0): what its own return is made of (7.107), without the
 * walk over its customers' ties that the days part needs. */
SavingParts own_saving_parts(const ModelContext& c, sim::FirmIndex i) {
  const sim::Firms& f = c.world.firms;
  const auto& ip = c.params.in_plant;
  const auto& r = c.world.regions[sim::idx(f.region[i])];
  const double s = c.params.information.coordination_share;
  const double records =
      r.land_cost.yuan * (1.0 - s) * ip.shop_floor_share * ip.paperwork_cut * f.employees[i];
  const double rework = ip.defect_cut * f.defect_rate[i] * (f.input_cost[i].yuan + workforce_cost(c, i));
  return {records, rework, 0.0};
}

/** All parts, the customers' totals taken from `ordered` (by default walked: in_plant_days_value). */
template <class SlotUnits = decltype(&ordered_in_slot)>
SavingParts saving_parts(const ModelContext& c, sim::FirmIndex i,
                         const SlotUnits& ordered = &ordered_in_slot) {
  SavingParts parts = own_saving_parts(c, i);
  parts.days = days_value(c, i, ordered);
  return parts;
}

/** The firm's own cost saving realised at level u: each part through the lag its mechanism has (overhead
 * follows its target with belief_memory, 7.34; the defect rate its drift target with
 * reliability_persistence, 7.30). The customers' orders are not in it (7.107). */
double realised_saving(const ModelContext& c, const SavingParts& parts, double level) {
  const double T = c.params.in_plant.ramp_months;
  const auto& info = c.params.information;
  return parts.records * in_plant_realised_share(level, T, info.belief_memory) +
         parts.rework * in_plant_realised_share(level, T, info.reliability_persistence);
}
}  // namespace

double in_plant_saving(const ModelContext& c, sim::FirmIndex i) { return saving_parts(c, i).total(); }

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
/** Fills `path` (reusing its storage) for a purchase starting at level `level`. */
void fill_ramp_path(const ModelContext& c, double level, RampPath& path) {
  const auto horizon = static_cast<int>(std::max(1.0, c.params.in_plant.service_life_months));
  const double beta = 1.0 / (1.0 + c.params.services.interest_per_year / 12.0);  // as loans accrue (7.28)
  const double T = c.params.in_plant.ramp_months;
  const double keep = 1.0 - 1.0 / std::max(1.0, T);
  const auto& info = c.params.information;
  path.discount.clear();
  path.records_share.clear();
  path.rework_share.clear();
  path.level.clear();
  double discount = 1.0, gap = 1.0 - std::clamp(level, 0.0, 1.0);
  for (int k = 1; k <= horizon; ++k) {
    discount *= beta;
    gap *= keep;
    path.discount.push_back(discount);
    path.records_share.push_back(in_plant_realised_share(1.0 - gap, T, info.belief_memory));
    path.rework_share.push_back(in_plant_realised_share(1.0 - gap, T, info.reliability_persistence));
    path.level.push_back(1.0 - gap);  // customers re-split their orders each month: no lag (7.107)
  }
}

/** The bits of the parameters fill_ramp_path reads besides the level (RampPaths::inputs). */
std::array<std::uint64_t, 5> ramp_inputs(const ModelContext& c) {
  const auto& info = c.params.information;
  return {std::bit_cast<std::uint64_t>(c.params.in_plant.service_life_months),
          std::bit_cast<std::uint64_t>(c.params.services.interest_per_year),
          std::bit_cast<std::uint64_t>(c.params.in_plant.ramp_months),
          std::bit_cast<std::uint64_t>(info.belief_memory),
          std::bit_cast<std::uint64_t>(info.reliability_persistence)};
}

/** Drops the kept paths when a parameter they read changed (or too many levels piled up: a bound on memory;
 * levels from months of buying are far fewer). */
void refresh_ramp_paths(ModelContext& c) {
  constexpr std::size_t kMaxPaths = 4096;
  RampPaths& paths = c.ramp_paths;
  if (const auto inputs = ramp_inputs(c); paths.inputs != inputs || paths.by_level.size() > kMaxPaths) {
    paths.by_level.clear();
    paths.inputs = inputs;
  }
}

/** Makes c.ramp_paths hold the path of `level` (for this month's parameters). */
void keep_ramp_path(ModelContext& c, double level) {
  if (const auto [it, added] = c.ramp_paths.by_level.try_emplace(std::bit_cast<std::uint64_t>(level)); added)
    fill_ramp_path(c, level, it->second);
}

/** The kept path of `level` (keep_ramp_paths made it). */
const RampPath& kept_ramp_path(const ModelContext& c, double level) {
  return c.ramp_paths.by_level.find(std::bit_cast<std::uint64_t>(level))->second;
}

double ramp_factor(const RampPath& path, const SavingParts& parts) {
  const double full = parts.total();
  if (full <= 0.0) return 0.0;
  double weighted = 0.0, weights = 0.0;
  for (std::size_t k = 0; k < path.discount.size(); ++k) {
    weighted += path.discount[k] * (parts.records * path.records_share[k] +
                                    parts.rework * path.rework_share[k] + parts.days * path.level[k]);
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
  return realised_saving(c, own_saving_parts(c, i), in_plant_effect(c, i)) - in_plant_price(c);
}

double in_plant_share(const ModelContext& c) {
  const auto& alive = c.directory.alive();
  if (alive.empty()) return 0.0;
  double buyers = 0.0;
  for (auto i : alive) buyers += valid_purchase(c, i);  // a buyer at a zero price is a buyer too
  return buyers / static_cast<double>(alive.size());
}

void buy_in_plant_services(ModelContext& c) {
  sim::Firms& f = c.world.firms;
  const auto& ip = c.params.in_plant;
  const double price = in_plant_price(c);
  const auto& alive = c.directory.alive();
  // The path of every level the decisions below may weigh, filled before they read them: a new system's
  // (level 0) and an installed one's at its level. An installed system's level follows from the months it
  // has been bought alone (the same steps from 0 for every firm, below), so they share a few levels, and
  // the paths are kept for next month.
  refresh_ramp_paths(c);
  keep_ramp_path(c, 0.0);
  if (ip.enabled)
    for (auto i : alive)
      if (f.platforms[i] && valid_purchase(c, i)) keep_ramp_path(c, f.in_plant_level[i]);
  const RampPath& fresh = kept_ramp_path(c, 0.0);  // every new system starts from level 0
  // The customers' totals each member's value of shorter days reads: the table costs one pass over every tie,
  // the walks a few scattered tie records per tie of each member, so the table is built once members are
  // more than one firm in sixteen. The threshold is an estimate of where the two break even (about four
  // scattered reads per member tie against one sequential read per tie), not a measured optimum; it is a
  // speed choice only, as both give the same numbers.
  std::size_t members = 0;
  if (ip.enabled)
    for (auto i : alive) members += f.platforms[i] != 0;
  const bool table = ip.enabled && 16 * members > alive.size();
  const OrderedUnits ordered(c, table ? f.input_stock.slots() : 0);
  // Each firm's decision reads only its own purchase and level and state no firm changes here, and writes
  // only its own slots: the chunks run in parallel with the same result for any thread count.
  constexpr std::size_t kChunk = 1024;
  // A member's value of shorter days walks its out-ties, whose records and customers are scattered: at 100k
  // firms the walk waited on the tie records and the customers' totals (perf, session 43). Members a few
  // places on have their arc lists, then those records and totals, started early.
  constexpr std::size_t kAhead = 4;
  const auto& g = c.world.network;
  auto prefetch_member = [&](std::size_t k) {
    if (k + 2 * kAhead < alive.size() && f.platforms[alive[k + 2 * kAhead]])
      sim::prefetch_arc_list(g, alive[k + 2 * kAhead], true);  // the walk reads only out-arcs
    if (k + kAhead >= alive.size() || !f.platforms[alive[k + kAhead]]) return;
    const sim::FirmIndex j = alive[k + kAhead];
    sim::prefetch_ties(g, j, true);
    for (const auto& a : g.out_arcs(j)) ordered.prefetch(a.partner);
  };
  sim::parallel_chunks(
      sim::chunk_count(alive.size(), kChunk), c.threads, [&](std::size_t chunk, std::size_t) {
        const std::size_t end = std::min(alive.size(), (chunk + 1) * kChunk);
        for (std::size_t k = chunk * kChunk; k < end; ++k) {
          const sim::FirmIndex i = alive[k];
          if (ip.enabled) prefetch_member(k);
          std::int32_t seller = -1;
          if (ip.enabled && f.platforms[i]) {
            // The saving phases in while the price is paid in full: weigh it by the ramp still ahead (7.106).
            // An installed system keeps its level; a new one starts from nothing.
            const bool installed = valid_purchase(c, i);
            // The ramp factor is at most 1, so a full saving at or below the price decides "no" without the
            // service-life sum (the same decision, bit for bit: rounding r·S with r ≤ 1 never exceeds S).
            const auto parts = saving_parts(c, i, ordered);
            const double saving = parts.total();  // in_plant_saving
            if (saving > price &&
                ramp_factor(installed ? kept_ramp_path(c, f.in_plant_level[i]) : fresh, parts) * saving >
                    price) {
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
      });
}

}  // namespace vicsim::agents
