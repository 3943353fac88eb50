#include "reports/network_layout.hpp"

#include <algorithm>
#include <cmath>

namespace vicsim::reports {

namespace {
constexpr double kPi = 3.14159265358979323846;
double frac(double x) { return x - std::floor(x); }
}  // namespace

std::vector<RegionPlace> region_layout(const std::vector<RegionGeo>& regions) {
  std::vector<RegionPlace> out;
  if (regions.empty()) return out;
  double minx = regions[0].x_km, maxx = minx, miny = regions[0].y_km, maxy = miny, maxf = 0;
  for (const auto& r : regions) {
    minx = std::min(minx, r.x_km), maxx = std::max(maxx, r.x_km);
    miny = std::min(miny, r.y_km), maxy = std::max(maxy, r.y_km);
    maxf = std::max(maxf, r.firms);
  }
  const double span = std::max({maxx - minx, maxy - miny, 1e-9});
  const double n = static_cast<double>(regions.size());
  // Discs shrink as regions multiply so the map stays readable.
  const double rmax = std::clamp(0.42 / std::sqrt(n), 0.06, 0.2);
  for (const auto& r : regions) {
    const double share = maxf > 0 ? std::sqrt(std::max(r.firms, 0.0) / maxf) : 1.0;
    out.push_back({r.name, (r.x_km - minx) / span, (r.y_km - miny) / span, rmax * (0.45 + 0.55 * share)});
  }
  // Push overlapping discs apart; coincident centres separate along a fixed, index-dependent direction.
  const double gap = 0.03;
  for (int iter = 0; iter < 500; ++iter) {
    bool moved = false;
    for (std::size_t i = 0; i < out.size(); ++i)
      for (std::size_t j = i + 1; j < out.size(); ++j) {
        double dx = out[j].x - out[i].x, dy = out[j].y - out[i].y;
        double d = std::hypot(dx, dy);
        const double need = out[i].radius + out[j].radius + gap;
        if (d >= need) continue;
        if (d < 1e-12) {
          const double a = 2.399963229728653 * static_cast<double>(j);
          dx = std::cos(a), dy = std::sin(a), d = 1.0;
        }
        const double push = (need - d) / 2 * 1.001;
        out[i].x -= dx / d * push, out[i].y -= dy / d * push;
        out[j].x += dx / d * push, out[j].y += dy / d * push;
        moved = true;
      }
    if (!moved) break;
  }
  return out;
}

LayoutPoint firm_position(const RegionPlace& region, std::int64_t firm_id, int industry, int industries,
                          int stage, int stages) {
  industries = std::max(industries, 1), stages = std::max(stages, 1);
  industry = std::clamp(industry, 0, industries - 1), stage = std::clamp(stage, 0, stages - 1);
  const double id = static_cast<double>(firm_id % 1000003);
  const double u = frac(id * 0.6180339887498949), v = frac(id * 0.7548776662466927);
  const double angle = 2 * kPi * (industry + 0.06 + 0.88 * u) / industries + kPi / 2;
  const double radius = region.radius * std::sqrt((stage + 0.08 + 0.84 * v) / stages);
  return {region.x + radius * std::cos(angle), region.y + radius * std::sin(angle)};
}

}  // namespace vicsim::reports
