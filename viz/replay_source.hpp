#pragma once
/** @file Replayed frames: a run directory's scenario.resolved.json, timeseries.csv and
 * network/tick_NNNN.graphml snapshots, scrubbable in both directions. Firm details come from the
 * snapshots' node attributes (firms.csv holds only the final state, so it is not used per tick). */
#include <filesystem>
#include <map>
#include <stdexcept>

#include "viz/frame_source.hpp"
#include "viz/graphml_reader.hpp"

namespace vicsim::viz {

/** @brief Thrown when a path is not a readable run directory; the message says what is missing. */
struct NotARunDirectory : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/** @brief Reads a run directory; snapshots are loaded on first use and kept. */
class ReplaySource : public FrameSource {
 public:
  /** @brief Reads the scenario, time series and snapshot list; throws NotARunDirectory or GraphmlError. */
  explicit ReplaySource(const std::filesystem::path& dir);

  const RunInfo& info() const override { return info_; }
  bool live() const override { return false; }
  std::int32_t tick() const override { return frame_.tick; }
  std::int32_t last_tick() const override { return last_; }
  std::int32_t first_tick() const override { return first_; }
  bool seek(std::int32_t tick) override;
  const ViewFrame& frame() const override { return frame_; }
  const std::vector<KpiRow>& kpis() const override { return kpis_; }

  /** @brief Ticks that have a network snapshot. */
  std::vector<std::int32_t> snapshot_ticks() const;

 private:
  const ViewFrame& snapshot(std::int32_t tick);
  ViewFrame convert(const GraphmlGraph& g, std::int32_t tick);

  std::filesystem::path dir_;
  RunInfo info_;
  std::vector<std::string> platform_names_;
  std::vector<ViewPlatform> platforms_;
  std::vector<KpiRow> kpis_;
  std::map<std::int32_t, std::filesystem::path> snapshot_files_;
  std::map<std::int32_t, ViewFrame> loaded_;
  ViewFrame frame_;
  std::int32_t first_ = 0, last_ = 0;
};

}  // namespace vicsim::viz
