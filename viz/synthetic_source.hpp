#pragma once
/** @file A synthetic cluster of any size, for the render benchmark and the tests: regions, industries,
 * platforms, Zipf-sized firms and local, cross-regional and platform-mediated ties, all from a seed. */
#include <cstdint>

#include "viz/frame_source.hpp"

namespace vicsim::viz {

/** @brief A fixed synthetic frame (the same at every tick) with a KPI history over `ticks` months. */
class SyntheticSource : public FrameSource {
 public:
  SyntheticSource(std::size_t nodes, std::size_t edges, std::uint64_t seed = 1, std::int32_t ticks = 120);

  const RunInfo& info() const override { return info_; }
  bool live() const override { return false; }
  std::int32_t tick() const override { return frame_.tick; }
  std::int32_t last_tick() const override { return info_.ticks; }
  std::int32_t first_tick() const override { return 1; }
  bool seek(std::int32_t tick) override;
  const ViewFrame& frame() const override { return frame_; }
  const std::vector<KpiRow>& kpis() const override { return kpis_; }

 private:
  RunInfo info_;
  ViewFrame frame_;
  std::vector<KpiRow> kpis_;
};

}  // namespace vicsim::viz
