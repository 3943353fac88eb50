#pragma once
/** @file What outputs still need of firms whose slots a compaction dropped (firms.csv rows, SME survival). */
#include <cstdint>
#include <vector>

#include "sim/firms.hpp"
#include "sim/units.hpp"

namespace vicsim::sim {

/** @brief An exited firm's firms.csv fields, frozen at its exit (an exited firm has no ties left). */
struct ExitedFirm {
  FirmIndex id = 0;
  RegionId region{0};
  IndustryId industry{0};
  std::uint8_t stage = 0, chain_master = 0, on_cloud = 0, platform_count = 0;
  std::int32_t entry_tick = 0, exit_tick = 0, cloud_tick = -1, first_join_tick = -1;
  double employees = 0, productivity = 0, digital_maturity = 0, reputation = 0;
  Money cash, profit;
  double output = 0, price = 0;
};

/**
 * @brief The archive of firms compacted away. A firm that exited in a recorded month (exit_tick ≥ 1) leaves a
 * row (firms.csv lists them) and its employees at exit (SME survival counts them); a firm that exited in the
 * unrecorded warm-up is only counted, as the outputs do not record the warm-up. Rows and employees are kept
 * in ascending order (rows by id), so readers merge them with the live slots.
 */
class ExitedFirms {
 public:
  /** @brief Archives firm slot i of f (an exited firm); call finish() after the last one of a compaction. */
  void add(const Firms& f, FirmIndex i);
  /** @brief Restores the orders after a batch of add(). */
  void finish();
  /** @brief Rows of firms that exited in a recorded month, by ascending id. */
  const std::vector<ExitedFirm>& rows() const { return rows_; }
  /** @brief Firms that exited in a recorded month with fewer than `threshold` employees at exit. */
  std::size_t count_below(double threshold) const;
  /** @brief Firms compacted away, warm-up exits included. */
  std::size_t size() const { return employees_.size() + warm_up_exits_; }
  /** @brief Heap bytes held (capacities). */
  std::size_t bytes() const {
    return rows_.capacity() * sizeof(ExitedFirm) + employees_.capacity() * sizeof(double);
  }

 private:
  std::vector<ExitedFirm> rows_;
  std::vector<double> employees_;
  std::size_t warm_up_exits_ = 0;
};

}  // namespace vicsim::sim
