#include "viz/layout.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/topology.hpp>
#include <cmath>

namespace vicsim::viz {

namespace {

constexpr double kTwoPi = 6.283185307179586;

/** Point in the unit disc from a firm id (area-uniform), for placement inside a region or a hub. */
Vec2 disc_point(std::int64_t id, std::uint64_t salt, double angle0, double angle_span, double r_min) {
  const double a = angle0 + angle_span * id_hash01(id, salt);
  const double r = r_min + (1.0 - r_min) * std::sqrt(id_hash01(id, salt + 1));
  return {static_cast<float>(r * std::cos(a)), static_cast<float>(r * std::sin(a))};
}

Vec2 clamp_box(Vec2 p, float lim = 1.0f) { return {std::clamp(p.x, -lim, lim), std::clamp(p.y, -lim, lim)}; }

}  // namespace

std::string_view layout_name(LayoutKind k) {
  switch (k) {
    case LayoutKind::Geographic:
      return "geographic";
    case LayoutKind::Force:
      return "force";
    case LayoutKind::Platform:
      return "platform hubs";
  }
  return "?";
}

double id_hash01(std::int64_t id, std::uint64_t salt) {
  std::uint64_t z = static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ull + salt * 0xD1B54A32D192ED03ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) * (1.0 / 9007199254740992.0);
}

void LayoutEngine::update(const ViewFrame& f, const RunInfo& info) {
  ++version_;
  if (discs_.empty()) freeze_region_discs(f, info);
  switch (kind_) {
    case LayoutKind::Geographic:
      place_geographic(f, info);
      break;
    case LayoutKind::Force:
      place_force(f, info);
      break;
    case LayoutKind::Platform:
      place_platform(f, info);
      break;
  }
}

void LayoutEngine::freeze_region_discs(const ViewFrame& f, const RunInfo& info) {
  const std::size_t nr = std::max<std::size_t>(info.regions.size(), 1);
  std::vector<double> count(nr, 0.0);
  for (const auto& n : f.nodes)
    if (n.region >= 0 && static_cast<std::size_t>(n.region) < nr)
      count[static_cast<std::size_t>(n.region)] += 1;
  const double most = std::max(1.0, *std::max_element(count.begin(), count.end()));
  // Centres from coordinates (north up), scaled into the box.
  double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
  for (const auto& r : info.regions) {
    x0 = std::min(x0, r.x_km), x1 = std::max(x1, r.x_km), y0 = std::min(y0, r.y_km),
    y1 = std::max(y1, r.y_km);
  }
  const double span = std::max({x1 - x0, y1 - y0, 1.0});
  std::vector<double> cx(nr, 0.0), cy(nr, 0.0), rad(nr, 0.0);
  const double r_max = 0.5 / std::sqrt(static_cast<double>(nr)) + 0.05;
  for (std::size_t r = 0; r < nr; ++r) {
    if (r < info.regions.size()) {
      cx[r] = 2.0 * (info.regions[r].x_km - 0.5 * (x0 + x1)) / span;
      cy[r] = -2.0 * (info.regions[r].y_km - 0.5 * (y0 + y1)) / span;
    }
    rad[r] = r_max * (0.35 + 0.65 * std::sqrt(count[r] / most));
  }
  // Push overlapping discs apart along the line between their centres (a fixed direction if they
  // coincide), so nearby regions stay neighbours but both remain visible.
  const double gap = 0.04;
  for (int it = 0; it < 300; ++it) {
    bool moved = false;
    for (std::size_t a = 0; a < nr; ++a)
      for (std::size_t b = a + 1; b < nr; ++b) {
        double dx = cx[b] - cx[a], dy = cy[b] - cy[a];
        double d = std::hypot(dx, dy);
        const double need = rad[a] + rad[b] + gap;
        if (d >= need) continue;
        if (d < 1e-9) {
          const double ang = kTwoPi * static_cast<double>(b) / static_cast<double>(nr);
          dx = std::cos(ang), dy = std::sin(ang), d = 1.0;
        }
        const double push = 0.5 * (need - std::hypot(cx[b] - cx[a], cy[b] - cy[a])) / d;
        cx[a] -= dx * push, cy[a] -= dy * push, cx[b] += dx * push, cy[b] += dy * push;
        moved = true;
      }
    if (!moved) break;
  }
  // Fit discs and all into [-0.95, 0.95]².
  double bx0 = 1e300, bx1 = -1e300, by0 = 1e300, by1 = -1e300;
  for (std::size_t r = 0; r < nr; ++r) {
    bx0 = std::min(bx0, cx[r] - rad[r]), bx1 = std::max(bx1, cx[r] + rad[r]);
    by0 = std::min(by0, cy[r] - rad[r]), by1 = std::max(by1, cy[r] + rad[r]);
  }
  const double scale = 1.9 / std::max(bx1 - bx0, by1 - by0);
  discs_.clear();
  for (std::size_t r = 0; r < nr; ++r)
    discs_.push_back({{static_cast<float>((cx[r] - 0.5 * (bx0 + bx1)) * scale),
                       static_cast<float>((cy[r] - 0.5 * (by0 + by1)) * scale)},
                      static_cast<float>(rad[r] * scale),
                      static_cast<std::int32_t>(r)});
}

Vec2 LayoutEngine::geographic_position(const ViewNode& n, std::size_t industries) const {
  const auto& d = discs_[std::min(static_cast<std::size_t>(std::max(n.region, 0)), discs_.size() - 1)];
  // One sector per industry, so a region's specialisation shows; chain-masters near the centre.
  const double sector = kTwoPi / static_cast<double>(std::max<std::size_t>(industries, 1));
  const double margin = industries > 1 ? 0.06 * sector : 0.0;
  Vec2 u = disc_point(n.id, 11, sector * n.industry + margin, sector - 2 * margin, 0.12);
  const float r = d.radius * (n.chain_master ? 0.3f : 0.95f);
  return {d.centre.x + r * u.x, d.centre.y + r * u.y};
}

void LayoutEngine::place_geographic(const ViewFrame& f, const RunInfo& info) {
  positions_.resize(f.nodes.size());
  for (std::size_t i = 0; i < f.nodes.size(); ++i)
    positions_[i] = geographic_position(f.nodes[i], info.industries.size());
  areas_ = discs_;
  hubs_.assign(f.platforms.size(), {});
  place_hubs_at_member_centroids(f);
  for (std::size_t p = 0; p < f.platforms.size(); ++p) {
    const auto host = f.platforms[p].host_region;
    if (host >= 0 && static_cast<std::size_t>(host) < discs_.size()) {
      const auto& d = discs_[static_cast<std::size_t>(host)];
      // On the rim of the host region, spread by platform index so co-hosted platforms stay apart.
      const double a = -kTwoPi / 4 + 1.2 * static_cast<double>(p);
      hubs_[p] = {d.centre.x + d.radius * static_cast<float>(std::cos(a)),
                  d.centre.y + d.radius * static_cast<float>(std::sin(a))};
    }
  }
}

void LayoutEngine::place_hubs_at_member_centroids(const ViewFrame& f) {
  hubs_.assign(f.platforms.size(), {});
  std::vector<double> sx(f.platforms.size(), 0.0), sy(f.platforms.size(), 0.0), k(f.platforms.size(), 0.0);
  for (std::size_t i = 0; i < f.nodes.size(); ++i)
    for (std::size_t p = 0; p < f.platforms.size(); ++p)
      if ((f.nodes[i].platforms >> p) & 1u) sx[p] += positions_[i].x, sy[p] += positions_[i].y, k[p] += 1;
  for (std::size_t p = 0; p < f.platforms.size(); ++p)
    if (k[p] > 0)
      hubs_[p] = {static_cast<float>(sx[p] / k[p]), static_cast<float>(sy[p] / k[p])};
    else
      hubs_[p] = {static_cast<float>(0.9 * std::cos(kTwoPi * static_cast<double>(p) / 32.0)),
                  static_cast<float>(0.9 * std::sin(kTwoPi * static_cast<double>(p) / 32.0))};
}

namespace {

/** Fruchterman–Reingold attraction d²/k, with a weak pull towards an invisible centre vertex tied to
 * every firm, so firms without ties and small components stay near the picture instead of being
 * pushed to the border. */
struct AttractionWithGravity {
  std::size_t centre = 0;
  double gravity = 0.05;
  template <typename Graph, typename T>
  T operator()(typename boost::graph_traits<Graph>::edge_descriptor e, T k, T d, const Graph& g) const {
    const bool to_centre = boost::source(e, g) == centre || boost::target(e, g) == centre;
    return (to_centre ? static_cast<T>(gravity) : T(1)) * d * d / k;
  }
};

/** Repulsion pairs from a grid over the points' actual bounding box. Boost's grid_force_pairs assumes
 * the points stay inside [-s/2, s/2]² and piles every point beyond it into the border cells, which turns
 * a drifting layout quadratic; this grid follows the points. Vertex `skip` (the centre) repels nothing. */
struct BoundingGridForcePairs {
  const std::vector<boost::square_topology<>::point_type>* pos = nullptr;
  double cell = 0.1;
  std::size_t skip = 0;
  template <typename Graph, typename ApplyForce>
  void operator()(const Graph& g, ApplyForce apply_force) const {
    const std::size_t n = boost::num_vertices(g);
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (std::size_t v = 0; v < n; ++v) {
      if (v == skip) continue;
      x0 = std::min(x0, (*pos)[v][0]), x1 = std::max(x1, (*pos)[v][0]);
      y0 = std::min(y0, (*pos)[v][1]), y1 = std::max(y1, (*pos)[v][1]);
    }
    const auto cols = static_cast<std::size_t>(std::clamp((x1 - x0) / cell + 1.0, 1.0, 1024.0));
    const auto rows = static_cast<std::size_t>(std::clamp((y1 - y0) / cell + 1.0, 1.0, 1024.0));
    const double cw = std::max((x1 - x0) / static_cast<double>(cols), 1e-12);
    const double ch = std::max((y1 - y0) / static_cast<double>(rows), 1e-12);
    std::vector<std::vector<std::size_t>> bucket(cols * rows);
    std::vector<std::size_t> where(n, 0);
    for (std::size_t v = 0; v < n; ++v) {
      if (v == skip) continue;
      const auto c = std::min(cols - 1, static_cast<std::size_t>(((*pos)[v][0] - x0) / cw));
      const auto r = std::min(rows - 1, static_cast<std::size_t>(((*pos)[v][1] - y0) / ch));
      where[v] = r * cols + c;
      bucket[where[v]].push_back(v);
    }
    for (std::size_t u = 0; u < n; ++u) {
      if (u == skip) continue;
      const std::size_t r = where[u] / cols, c = where[u] % cols;
      for (std::size_t rr = r ? r - 1 : 0; rr <= std::min(rows - 1, r + 1); ++rr)
        for (std::size_t cc = c ? c - 1 : 0; cc <= std::min(cols - 1, c + 1); ++cc)
          for (const auto v : bucket[rr * cols + cc]) {
            if (v == u) continue;
            const double dx = (*pos)[v][0] - (*pos)[u][0], dy = (*pos)[v][1] - (*pos)[u][1];
            if (dx * dx + dy * dy < cell * cell) apply_force(u, v);
          }
    }
  }
};

}  // namespace

void LayoutEngine::place_force(const ViewFrame& f, const RunInfo& info) {
  using Topology = boost::square_topology<>;
  using Point = Topology::point_type;
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  const std::size_t n = f.nodes.size();
  positions_.resize(n);
  areas_.clear();
  if (n == 0) {
    hubs_.assign(f.platforms.size(), {});
    return;
  }
  const bool first = force_memory_.empty();
  Graph g(n + 1);  // vertex n is the invisible centre
  std::vector<std::vector<std::uint32_t>> nbr(n);
  for (const auto& e : f.edges) {
    if (e.source == e.target) continue;
    boost::add_edge(e.source, e.target, g);
    nbr[e.source].push_back(e.target);
    nbr[e.target].push_back(e.source);
  }
  for (std::size_t i = 0; i < n; ++i) boost::add_edge(i, n, g);
  // Warm start: remembered positions; new firms beside their remembered partners, else near their
  // geographic place (which is also the whole first frame's start, so the first layout keeps the map's
  // rough arrangement).
  std::vector<Point> pos(n + 1);
  std::vector<char> known(n, 0);
  for (std::size_t i = 0; i < n; ++i)
    if (auto it = force_memory_.find(f.nodes[i].id); it != force_memory_.end()) {
      pos[i][0] = it->second.x, pos[i][1] = it->second.y, known[i] = 1;
    }
  for (std::size_t i = 0; i < n; ++i) {
    if (known[i]) continue;
    double sx = 0, sy = 0, k = 0;
    for (auto j : nbr[i])
      if (known[j]) sx += pos[j][0], sy += pos[j][1], k += 1;
    const Vec2 jitter = disc_point(f.nodes[i].id, 23, 0.0, kTwoPi, 0.0);
    if (k > 0) {
      pos[i][0] = sx / k + 0.03 * jitter.x, pos[i][1] = sy / k + 0.03 * jitter.y;
    } else {
      // Halfway between its geographic place and a spread-out place: regions stay recognisable, and
      // the start is not so crowded that the repulsion grid degenerates.
      const Vec2 gp = geographic_position(f.nodes[i], info.industries.size());
      const Vec2 spread = disc_point(f.nodes[i].id, 29, 0.0, kTwoPi, 0.0);
      pos[i][0] = 0.5 * gp.x + 0.45 * spread.x, pos[i][1] = 0.5 * gp.y + 0.45 * spread.y;
    }
  }
  pos[n][0] = pos[n][1] = 0.0;
  // Boost bounds positions to [-s, s]² for a square topology of scaling s, and k = s / sqrt(n); repulsion
  // acts within 2k (the grid cell). The default-seeded generator makes its rare jitter deterministic.
  Topology topology(2.0);
  const std::size_t iterations = first ? schedule_.first_iterations : schedule_.warm_iterations;
  const double temperature = first ? schedule_.first_temperature : schedule_.warm_temperature;
  auto pmap = boost::make_iterator_property_map(pos.begin(), boost::get(boost::vertex_index, g));
  if (iterations > 0)
    boost::fruchterman_reingold_force_directed_layout(
        g, pmap, topology,
        boost::attractive_force(AttractionWithGravity{n, 0.05})
            .force_pairs(BoundingGridForcePairs{&pos, 2.0 * 2.0 / std::sqrt(static_cast<double>(n + 1)), n})
            .cooling(boost::linear_cooling<double>(iterations, temperature)));
  // Remember the raw positions (the next tick continues from them) and show them scaled into the box.
  // The display scale changes only when the extent leaves a band around it, so the picture does not
  // breathe from tick to tick.
  double ext = 1e-6;
  for (std::size_t i = 0; i < n; ++i) ext = std::max({ext, std::fabs(pos[i][0]), std::fabs(pos[i][1])});
  if (first || ext > force_extent_ || ext < 0.8 * force_extent_) force_extent_ = ext;
  const double k = 0.97 / force_extent_;
  force_memory_.clear();
  for (std::size_t i = 0; i < n; ++i) {
    force_memory_[f.nodes[i].id] = {static_cast<float>(pos[i][0]), static_cast<float>(pos[i][1])};
    positions_[i] = clamp_box({static_cast<float>(pos[i][0] * k), static_cast<float>(pos[i][1] * k)});
  }
  place_hubs_at_member_centroids(f);
}

void LayoutEngine::place_platform(const ViewFrame& f, const RunInfo& info) {
  const std::size_t np = f.platforms.size(), nr = std::max<std::size_t>(info.regions.size(), 1);
  hubs_.assign(np, {});
  std::vector<double> members(np, 0.0);
  for (const auto& n : f.nodes)
    for (std::size_t p = 0; p < np; ++p)
      if ((n.platforms >> p) & 1u) members[p] += 1;
  const double most = std::max(1.0, np ? *std::max_element(members.begin(), members.end()) : 1.0);
  std::vector<float> hub_r(np, 0.0f);
  for (std::size_t p = 0; p < np; ++p) {
    const double a = -kTwoPi / 4 + kTwoPi * static_cast<double>(p) / static_cast<double>(np);
    const double ring = np > 1 ? 0.42 : 0.0;
    hubs_[p] = {static_cast<float>(ring * std::cos(a)), static_cast<float>(ring * std::sin(a))};
    const double cap =
        np > 1 ? std::min(0.3, 0.42 * std::sin(kTwoPi / (2.0 * static_cast<double>(np)))) : 0.55;
    hub_r[p] = static_cast<float>(cap * (0.3 + 0.7 * std::sqrt(members[p] / most)));
  }
  positions_.resize(f.nodes.size());
  // Firms on no platform: an outer ring, one sector per region.
  const double sector = kTwoPi / static_cast<double>(nr);
  for (std::size_t i = 0; i < f.nodes.size(); ++i) {
    const auto& n = f.nodes[i];
    if (n.platforms == 0 || np == 0) {
      const double a =
          sector * (static_cast<double>(std::max(n.region, 0)) + 0.05 + 0.9 * id_hash01(n.id, 31));
      const double r = 0.78 + 0.2 * id_hash01(n.id, 32);
      positions_[i] = {static_cast<float>(r * std::cos(a)), static_cast<float>(r * std::sin(a))};
      continue;
    }
    // Members: around the mean of their hubs (multi-homers sit between their platforms).
    double sx = 0, sy = 0, k = 0, rr = 0;
    for (std::size_t p = 0; p < np; ++p)
      if ((n.platforms >> p) & 1u) sx += hubs_[p].x, sy += hubs_[p].y, rr += hub_r[p], k += 1;
    const Vec2 u = disc_point(n.id, 41, 0.0, kTwoPi, 0.15);
    const double r = (k > 1 ? 0.35 : 1.0) * rr / k;
    positions_[i] = {static_cast<float>(sx / k + r * u.x), static_cast<float>(sy / k + r * u.y)};
  }
  areas_.clear();
  for (std::size_t r = 0; r < nr; ++r) {
    const double a = sector * (static_cast<double>(r) + 0.5);
    areas_.push_back({{static_cast<float>(0.9 * std::cos(a)), static_cast<float>(0.9 * std::sin(a))},
                      0.0f,
                      static_cast<std::int32_t>(r)});
  }
}

}  // namespace vicsim::viz
