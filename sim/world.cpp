#include "sim/world.hpp"

#include <cmath>

namespace vicsim::sim {

FirmIndex World::add_firm() {
  const FirmIndex f = firms.add();
  boost::add_vertex(network);
  return f;
}

std::vector<FirmIndex> World::compact_firms() {
  std::vector<FirmIndex> new_slot(firms.size(), Firms::kGone);
  FirmIndex next = 0;
  for (FirmIndex i = 0; i < firms.size(); ++i)
    if (firms.alive[i])
      new_slot[i] = next++;
    else
      exited.add(firms, i);
  if (next == firms.size()) return {};
  exited.finish();
  firms.compact(new_slot);
  network.compact_vertices(new_slot);
  return new_slot;
}

void World::compute_distances() {
  const std::size_t n = regions.size();
  distance_km.assign(n, std::vector<double>(n, 0.0));
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = 0; b < n; ++b)
      distance_km[a][b] =
          a == b ? regions[a].internal_km
                 : std::hypot(regions[a].x_km - regions[b].x_km, regions[a].y_km - regions[b].y_km);
}

}  // namespace vicsim::sim
