#include "experiments/prim.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "experiments/sensitivity.hpp"

namespace vicsim::experiments {

namespace {

using Points = std::vector<std::vector<double>>;
using Index = std::vector<std::size_t>;

struct Box {
  std::vector<double> low, high;
  bool contains(const std::vector<double>& p) const {
    for (std::size_t j = 0; j < p.size(); ++j)
      if (p[j] < low[j] || p[j] > high[j]) return false;
    return true;
  }
};

double mean_of(const Index& idx, const std::vector<bool>& y) {
  if (idx.empty()) return 0;
  std::size_t t = 0;
  for (auto i : idx) t += y[i] ? 1 : 0;
  return static_cast<double>(t) / static_cast<double>(idx.size());
}

Index inside(const Box& b, const Points& x, const Index& pool) {
  Index in;
  for (auto i : pool)
    if (b.contains(x[i])) in.push_back(i);
  return in;
}

/** The box after peeling factor j from below (lower) or above, or nothing if that removes no point or
 * every point. Ties are peeled whole: at least the extreme value's points go. */
bool peel(const Box& b, const Points& x, const Index& in, std::size_t j, bool lower, double alpha, Box& out) {
  std::vector<double> v;
  v.reserve(in.size());
  for (auto i : in) v.push_back(x[i][j]);
  const double lo = *std::min_element(v.begin(), v.end()), hi = *std::max_element(v.begin(), v.end());
  if (lo == hi) return false;
  out = b;
  if (lower) {
    double q = quantile_type7(v, alpha);
    // New bound: the smallest value >= q that is > lo (so at least one point goes).
    double nb = std::numeric_limits<double>::infinity();
    for (double t : v)
      if (t > lo && t >= q) nb = std::min(nb, t);
    out.low[j] = nb;
  } else {
    double q = quantile_type7(v, 1 - alpha);
    double nb = -std::numeric_limits<double>::infinity();
    for (double t : v)
      if (t < hi && t <= q) nb = std::max(nb, t);
    out.high[j] = nb;
  }
  return true;
}

PrimBox describe_box(const Box& b, const Points& x, const std::vector<bool>& y, const Index& pool,
                     const std::vector<double>& data_low, const std::vector<double>& data_high,
                     std::size_t total_points, std::size_t total_true) {
  PrimBox r;
  r.low = b.low;
  r.high = b.high;
  for (std::size_t j = 0; j < b.low.size(); ++j)
    r.restricted.push_back(b.low[j] > data_low[j] || b.high[j] < data_high[j]);
  const auto in = inside(b, x, pool);
  r.points = in.size();
  for (auto i : in) r.true_points += y[i] ? 1 : 0;
  r.density = r.points ? static_cast<double>(r.true_points) / static_cast<double>(r.points) : 0;
  r.mass = static_cast<double>(r.points) / static_cast<double>(total_points);
  r.coverage = total_true ? static_cast<double>(r.true_points) / static_cast<double>(total_true) : 0;
  return r;
}

/** Pasting: widen one bound at a time to take in about alpha × box size of the nearest outside points,
 * as long as that raises the density. */
Box paste(Box b, const Points& x, const std::vector<bool>& y, const Index& pool, double alpha,
          const std::vector<double>& data_low, const std::vector<double>& data_high) {
  if (alpha <= 0) return b;
  while (true) {
    const auto in = inside(b, x, pool);
    const double density = mean_of(in, y);
    const auto want =
        std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(alpha * double(in.size()))));
    Box best = b;
    double best_density = density;
    for (std::size_t j = 0; j < b.low.size(); ++j) {
      for (int side = 0; side < 2; ++side) {
        // Candidates: pool points inside the box in every factor but j, beyond the bound in j.
        std::vector<double> beyond;
        for (auto i : pool) {
          bool ok = true;
          for (std::size_t m = 0; m < b.low.size() && ok; ++m)
            if (m != j) ok = x[i][m] >= b.low[m] && x[i][m] <= b.high[m];
          const double v = x[i][j];
          if (ok && (side == 0 ? v < b.low[j] : v > b.high[j])) beyond.push_back(v);
        }
        if (beyond.empty()) continue;
        std::sort(beyond.begin(), beyond.end());
        if (side == 0) std::reverse(beyond.begin(), beyond.end());  // nearest first
        const double nb = beyond[std::min(want, beyond.size()) - 1];
        Box c = b;
        (side == 0 ? c.low[j] : c.high[j]) = nb;
        const double d = mean_of(inside(c, x, pool), y);
        if (d > best_density) {
          best_density = d;
          best = c;
        }
      }
    }
    if (!(best_density > density)) break;
    b = best;
  }
  for (std::size_t j = 0; j < b.low.size(); ++j) {
    b.low[j] = std::max(b.low[j], data_low[j]);
    b.high[j] = std::min(b.high[j], data_high[j]);
  }
  return b;
}

}  // namespace

PrimResult prim(const Points& x, const std::vector<bool>& y, const PrimOptions& o) {
  PrimResult result;
  result.points = x.size();
  for (bool t : y) result.true_points += t ? 1 : 0;
  if (x.empty()) return result;
  const std::size_t k = x[0].size();
  std::vector<double> data_low(k, std::numeric_limits<double>::infinity()),
      data_high(k, -std::numeric_limits<double>::infinity());
  for (const auto& p : x)
    for (std::size_t j = 0; j < k; ++j) {
      data_low[j] = std::min(data_low[j], p[j]);
      data_high[j] = std::max(data_high[j], p[j]);
    }
  Index pool(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) pool[i] = i;
  const auto min_points = static_cast<std::size_t>(std::ceil(o.min_mass * static_cast<double>(x.size())));

  while (result.boxes.size() < o.max_boxes && !pool.empty()) {
    const double pool_density = mean_of(pool, y);
    if (pool_density == 0) break;  // nothing left to find
    PrimSearch search;
    Box box{data_low, data_high};
    Index in = inside(box, x, pool);
    search.trajectory.push_back(
        describe_box(box, x, y, pool, data_low, data_high, x.size(), result.true_points));
    while (true) {
      Box best;
      Index best_in;
      double best_mean = -1;
      for (std::size_t j = 0; j < k; ++j)
        for (int side = 0; side < 2; ++side) {
          Box c;
          if (!peel(box, x, in, j, side == 0, o.peel_alpha, c)) continue;
          auto c_in = inside(c, x, in);
          if (c_in.size() < min_points || c_in.empty()) continue;
          const double m = mean_of(c_in, y);
          // Highest mean; on a tie, the peel that keeps more points (then the first found).
          if (m > best_mean || (m == best_mean && c_in.size() > best_in.size())) {
            best_mean = m;
            best = c;
            best_in = std::move(c_in);
          }
        }
      if (best_mean < 0) break;
      box = best;
      in = std::move(best_in);
      search.trajectory.push_back(
          describe_box(box, x, y, pool, data_low, data_high, x.size(), result.true_points));
    }
    // Choose: the largest box reaching the threshold density, else the densest (largest on ties).
    std::size_t chosen = 0;
    bool found = false;
    for (std::size_t s = 0; s < search.trajectory.size() && !found; ++s)
      if (search.trajectory[s].density >= o.threshold) {
        chosen = s;
        found = true;
      }
    if (!found)
      for (std::size_t s = 1; s < search.trajectory.size(); ++s)
        if (search.trajectory[s].density > search.trajectory[chosen].density) chosen = s;
    search.chosen = chosen;
    const Box chosen_box{search.trajectory[chosen].low, search.trajectory[chosen].high};
    const Box pasted = paste(chosen_box, x, y, pool, o.paste_alpha, data_low, data_high);
    search.box = describe_box(pasted, x, y, pool, data_low, data_high, x.size(), result.true_points);
    // Covering stops when a box is no better than the points it was searched in.
    if (!(search.box.density > pool_density) && !result.boxes.empty()) break;
    const bool useful = search.box.density > pool_density;
    result.boxes.push_back(std::move(search));
    if (!useful) break;
    Index rest;
    for (auto i : pool)
      if (!pasted.contains(x[i])) rest.push_back(i);
    pool = std::move(rest);
  }
  return result;
}

}  // namespace vicsim::experiments
