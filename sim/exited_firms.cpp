#include "sim/exited_firms.hpp"

#include <algorithm>
#include <bit>

namespace vicsim::sim {

void ExitedFirms::add(const Firms& f, FirmIndex i) {
  if (f.exit_tick[i] < 1) {  // exited during the unrecorded warm-up: outputs do not count it
    ++warm_up_exits_;
    return;
  }
  employees_.push_back(f.employees[i]);
  rows_.push_back({.id = static_cast<FirmIndex>(f.id(i)),
                   .region = f.region[i],
                   .industry = f.industry[i],
                   .stage = f.stage[i],
                   .chain_master = f.chain_master[i],
                   .on_cloud = f.on_cloud[i],
                   .platform_count = static_cast<std::uint8_t>(std::popcount(f.platforms[i])),
                   .entry_tick = f.entry_tick[i],
                   .exit_tick = f.exit_tick[i],
                   .cloud_tick = f.cloud_tick[i],
                   .first_join_tick = f.first_join_tick[i],
                   .employees = f.employees[i],
                   .productivity = f.productivity[i],
                   .digital_maturity = f.digital_maturity[i],
                   .reputation = f.reputation[i],
                   .cash = f.cash[i],
                   .profit = f.profit[i],
                   .output = f.output[i],
                   .price = f.price[i]});
}

void ExitedFirms::finish() {
  // A batch is in slot order, so by id, but a firm created early may exit late, so batches interleave.
  // Sorted in place: a merge's buffer would add a copy of the archive to the run's peak.
  std::sort(rows_.begin(), rows_.end(), [](const ExitedFirm& a, const ExitedFirm& b) { return a.id < b.id; });
  std::sort(employees_.begin(), employees_.end());
}

std::size_t ExitedFirms::count_below(double threshold) const {
  return static_cast<std::size_t>(std::lower_bound(employees_.begin(), employees_.end(), threshold) -
                                  employees_.begin());
}

}  // namespace vicsim::sim
