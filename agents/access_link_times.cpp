#include "agents/access_link_times.hpp"

#include "agents/infrastructure_feedback.hpp"

namespace vicsim::agents {

double access_link_s(const InfrastructureParams& p, double level) {
  return access_latency_s(p, level) + p.order_bytes / access_bandwidth_Bps(p, level);
}

void AccessLinkTimes::refresh(const InfrastructureParams& p, const std::vector<sim::Region>& regions) {
  level.resize(regions.size());
  seconds.resize(regions.size());
  for (std::size_t r = 0; r < regions.size(); ++r) {
    level[r] = regions[r].infrastructure;
    seconds[r] = access_link_s(p, level[r]);
  }
}

}  // namespace vicsim::agents
