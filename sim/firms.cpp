#include "sim/firms.hpp"

namespace vicsim::sim {

FirmIndex Firms::add() {
  const auto f = static_cast<FirmIndex>(size());
  region.push_back(RegionId{0});
  industry.push_back(IndustryId{0});
  stage.push_back(0);
  alive.push_back(1);
  chain_master.push_back(0);
  entry_tick.push_back(0);
  exit_tick.push_back(-1);
  employees.push_back(1.0);
  productivity.push_back(1.0);
  digital_maturity.push_back(0.0);
  reputation.push_back(0.5);
  cash.push_back(Money{});
  loss_streak.push_back(0);
  last_gain_tick.push_back(-1);
  orders.push_back(0.0);
  output.push_back(0.0);
  unit_cost.push_back(0.0);
  input_unit_cost.push_back(0.0);
  price.push_back(0.0);
  revenue.push_back(Money{});
  input_cost.push_back(Money{});
  transaction_cost.push_back(Money{});
  transaction_cost_parts.emplace_back();
  profit.push_back(Money{});
  inputs_bought.push_back(0.0);
  spot_units.push_back(0.0);
  marketplace_value.push_back(Money{});
  lead_time_days.push_back(0.0);
  innovated.push_back(0);
  imitated.push_back(0);
  on_cloud.push_back(0);
  cloud_tick.push_back(-1);
  platforms.push_back(0u);
  first_join_tick.push_back(-1);
  adoption_threshold.push_back(0.5);
  defect_rate.push_back(0.0);
  on_time_prob.push_back(1.0);
  record_on_time.push_back(0.0);
  record_late.push_back(0.0);
  record_good_lots.push_back(0.0);
  record_bad_lots.push_back(0.0);
  input_defect_share.push_back(0.0);
  search_cost.push_back(Money{});
  overhead_factor.push_back(1.0);
  coordination_hours.push_back(0.0);
  app_platform.push_back(-1);
  in_plant_platform.push_back(-1);
  in_plant_level.push_back(0.0);
  forecast_error.push_back(0.0);
  inventory_cost.push_back(Money{});
  dispatched_out.push_back(0.0);
  credit_line.push_back(Money{});
  subsidy.push_back(Money{});
  disruption.push_back(0.0);
  fill.push_back(1.0);
  unsold.push_back(0.0);
  total_cost.push_back(Money{});
  final_orders.push_back(0.0);
  own_output.push_back(0.0);
  dispatched_in.push_back(0.0);
  spot_sold.push_back(0.0);
  spot_bought.push_back(0.0);
  spot_value.push_back(Money{});
  import_value.push_back(Money{});
  transfer_in.push_back(Money{});
  transfer_out.push_back(Money{});
  lost_units.push_back(0.0);
  loan.push_back(Money{});
  finished_stock.push_back(0.0);
  from_stock.push_back(0.0);
  scrapped.push_back(0.0);
  input_stock.emplace_back();
  input_spot.emplace_back();
  margin_off.push_back(0.0);
  margin_on.push_back(0.0);
  months_off.push_back(0);
  months_on.push_back(0);
  platform_value.push_back(0.0);
  return f;
}

}  // namespace vicsim::sim
