#include "sim/firms.hpp"

#include <algorithm>
#include <type_traits>
#include <utility>

namespace vicsim::sim {

namespace {

/** Calls f(array, value of a new slot) for every per-firm array: the one list of the arrays, so that add()
 * and reserve() cannot miss one. */
template <class FirmsT, class F>
void each_array(FirmsT& fs, F&& f) {
  f(fs.ids, FirmIndex{0});  // add() then sets the new id
  f(fs.region, RegionId{0});
  f(fs.industry, IndustryId{0});
  f(fs.stage, 0);
  f(fs.alive, 1);
  f(fs.chain_master, 0);
  f(fs.entry_tick, 0);
  f(fs.exit_tick, -1);
  f(fs.employees, 1.0);
  f(fs.productivity, 1.0);
  f(fs.digital_maturity, 0.0);
  f(fs.reputation, 0.5);
  f(fs.cash, Money{});
  f(fs.loss_streak, 0);
  f(fs.last_gain_tick, Firms::kNeverGained);
  f(fs.orders, 0.0);
  f(fs.output, 0.0);
  f(fs.unit_cost, 0.0);
  f(fs.input_unit_cost, 0.0);
  f(fs.price, 0.0);
  f(fs.revenue, Money{});
  f(fs.input_cost, Money{});
  f(fs.transaction_cost, Money{});
  f(fs.profit, Money{});
  f(fs.inputs_bought, 0.0);
  f(fs.spot_units, 0.0);
  f(fs.marketplace_value, Money{});
  f(fs.lead_time_days, 0.0);
  f(fs.innovated, 0);
  f(fs.imitated, 0);
  f(fs.on_cloud, 0);
  f(fs.cloud_tick, -1);
  f(fs.platforms, 0u);
  f(fs.first_join_tick, -1);
  f(fs.adoption_threshold, 0.5);
  f(fs.defect_rate, 0.0);
  f(fs.on_time_prob, 1.0);
  f(fs.record, DeliveryRecord{});
  f(fs.input_defect_share, 0.0);
  f(fs.search_cost, Money{});
  f(fs.overhead_factor, 1.0);
  f(fs.coordination_hours, 0.0);
  f(fs.unaided_hours, 0.0);
  f(fs.unaided_coordination, 1.0);  // the offline norm, where the overhead factor starts too
  f(fs.app_platform, -1);
  f(fs.in_plant_platform, -1);
  f(fs.in_plant_level, 0.0);
  f(fs.forecast_error, 0.0);
  f(fs.inventory_cost, Money{});
  f(fs.dispatched_out, 0.0);
  f(fs.credit_line, Money{});
  f(fs.subsidy, Money{});
  f(fs.disruption, 0.0);
  f(fs.fill, 1.0);
  f(fs.unsold, 0.0);
  f(fs.total_cost, Money{});
  f(fs.final_orders, 0.0);
  f(fs.own_output, 0.0);
  f(fs.dispatched_in, 0.0);
  f(fs.spot_sold, 0.0);
  f(fs.spot_bought, 0.0);
  f(fs.spot_value, Money{});
  f(fs.import_value, Money{});
  f(fs.transfer_in, Money{});
  f(fs.transfer_out, Money{});
  f(fs.lost_units, 0.0);
  f(fs.loan, Money{});
  f(fs.finished_stock, 0.0);
  f(fs.from_stock, 0.0);
  f(fs.scrapped, 0.0);
  f(fs.input_stock, 0.0);
  f(fs.input_spot, 0.0);
  f(fs.margin_off, 0.0);
  f(fs.margin_on, 0.0);
  f(fs.months_off, 0);
  f(fs.months_on, 0);
  f(fs.platform_value, 0.0);
}

}  // namespace

FirmIndex Firms::add() {
  const auto f = static_cast<FirmIndex>(size());
  each_array(*this, [](auto& array, auto value) {
    using Element = typename std::decay_t<decltype(array)>::value_type;
    array.push_back(Element(std::move(value)));
  });
  ids.back() = static_cast<FirmIndex>(created_++);
  return f;
}

FirmIndex Firms::first_slot_from(std::uint64_t id) const {
  return static_cast<FirmIndex>(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin());
}

void Firms::compact(std::span<const FirmIndex> new_slot) {
  each_array(*this, [new_slot](auto& array, const auto&) {
    using Array = std::decay_t<decltype(array)>;
    if constexpr (std::is_same_v<Array, InputSlotValues>)
      array.compact(new_slot);
    else
      compact_slots(array, new_slot);
  });
}

std::size_t Firms::bytes() const {
  std::size_t b = 0;
  each_array(*this, [&b](const auto& array, const auto&) {
    using Array = std::decay_t<decltype(array)>;
    if constexpr (std::is_same_v<Array, InputSlotValues>)
      b += array.bytes();
    else
      b += array.size() * sizeof(typename Array::value_type);
  });
  return b;
}

void Firms::reserve(std::size_t n) {
  each_array(*this, [n](auto& array, const auto&) { array.reserve(n); });
}

}  // namespace vicsim::sim
