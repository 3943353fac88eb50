#pragma once
/** @file The information infrastructure, simulated by SimGrid (BRIEF §3): regions are net zones behind
 * access links whose bandwidth and latency follow their infrastructure level; each platform's data
 * centre is a host behind an uplink. Each tick the model submits the aggregated region→platform
 * traffic and the platforms' compute jobs; SimGrid resolves contention (network model CM02: a
 * message of S bytes on a route of total latency L and bottleneck bandwidth B takes L + S/B when
 * alone) and the completion times come back as service latency.
 *
 * SimGrid allows one Engine per process and cannot add zones once the platform is sealed, so the
 * layer builds one process-wide pool of region and data-centre slots with every route, once; each
 * InfrastructureLayer claims slots from it and sets their link parameters. Several simulations can
 * therefore run in one process, one after another or side by side (the visualizer's split screen). */
#include <cstddef>
#include <vector>

namespace vicsim::sim {

/** @brief Region slots and data-centre slots in the process-wide pool. */
inline constexpr std::size_t kRegionSlots = 64;
inline constexpr std::size_t kDatacentreSlots = 32;

/** @brief Thrown when a world needs more slots than the pool has free. */
struct InfrastructurePoolExhausted : std::exception {
  const char* what() const noexcept override {
    return "SimGrid infrastructure pool exhausted: too many regions or platforms in simulations alive at "
           "once in this process";
  }
};

/** @brief What one tick asks of the infrastructure. */
struct InfrastructureDemand {
  std::vector<std::vector<double>> bytes;  ///< [region][platform]: bytes to move in the window
  /** @brief [kind][region][platform]: bytes of each traffic kind, each sent as a flow of its own that
   * shares the route with every other flow (max-min fair), so each kind gets its own completion time. */
  std::vector<std::vector<std::vector<double>>> kind_bytes;
  std::vector<double> flops;  ///< [platform]: compute to do in the window (flop)
};

/** @brief Completion times SimGrid computed for one tick's demand. */
struct InfrastructureTimes {
  std::vector<std::vector<double>> transfer_s;  ///< [region][platform]; 0 where nothing was sent
  std::vector<std::vector<std::vector<double>>> kind_transfer_s;  ///< [kind][region][platform]; 0 if none
  std::vector<double> compute_s;  ///< [platform]; 0 where nothing was computed
};

/** @brief One simulation's view of the shared SimGrid platform. Not copyable. */
class InfrastructureLayer {
 public:
  /** @brief Claims `regions` region slots and `platforms` data-centre slots from the pool. */
  InfrastructureLayer(std::size_t regions, std::size_t platforms);
  ~InfrastructureLayer();
  InfrastructureLayer(const InfrastructureLayer&) = delete;
  InfrastructureLayer& operator=(const InfrastructureLayer&) = delete;

  /** @brief Sets region r's access link: bandwidth in bytes/s, latency in s. Takes effect next resolve(). */
  void set_access(std::size_t r, double bandwidth_Bps, double latency_s);
  /** @brief Sets data centre p's uplink (bytes/s, s) and compute speed (flop/s). */
  void set_datacentre(std::size_t p, double uplink_Bps, double uplink_latency_s, double flops_per_s);
  /** @brief Sets the long-haul latency between region r and data centre p (s), e.g. from distance. */
  void set_backbone_latency(std::size_t r, std::size_t p, double latency_s);

  /** @brief Runs all transfers and compute jobs concurrently and returns their completion times. */
  InfrastructureTimes resolve(const InfrastructureDemand& demand);

  /** @brief SimGrid's clock (s); it only moves forward, across all simulations in the process. */
  static double clock();

 private:
  std::vector<std::size_t> region_slot_, dc_slot_;
  std::vector<double> dc_speed_;
};

}  // namespace vicsim::sim
