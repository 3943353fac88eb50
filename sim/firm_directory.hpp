#pragma once
/** @file Lists of alive firms by type (industry, stage) and by (region, industry, stage), rebuilt
 * once per tick so searches and allocations need no scans of the whole population. */
#include <vector>

#include "sim/world.hpp"

namespace vicsim::sim {

/** @brief Alive-firm lists, in ascending slot order (so iteration is deterministic). */
class FirmDirectory {
 public:
  /** @brief Rebuilds all lists from the world's alive flags. */
  void rebuild(const World& w);
  const std::vector<FirmIndex>& of_type(std::size_t industry, std::size_t stage) const {
    return by_type_[type_key(industry, stage)];
  }
  const std::vector<FirmIndex>& of_type_in(std::size_t region, std::size_t industry,
                                           std::size_t stage) const {
    return by_region_type_[region * n_types_ + type_key(industry, stage)];
  }
  const std::vector<FirmIndex>& alive() const { return alive_; }
  std::size_t n_types() const { return n_types_; }
  std::size_t type_key(std::size_t industry, std::size_t stage) const {
    return type_offset_[industry] + stage;
  }

 private:
  std::vector<std::size_t> type_offset_;
  std::size_t n_types_ = 0;
  std::vector<std::vector<FirmIndex>> by_type_;
  std::vector<std::vector<FirmIndex>> by_region_type_;
  std::vector<FirmIndex> alive_;
};

}  // namespace vicsim::sim
