#include "agents/collaboration_candidates.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "agents/knowledge.hpp"
#include "agents/model_params.hpp"
#include "sim/parallel_for.hpp"
#include "sim/prefetch.hpp"
#include "sim/prefetch_arcs.hpp"
#include "sim/refill.hpp"

namespace vicsim::agents {

CollaborationPartner CollaborationCandidates::partner(const sim::World& w, sim::FirmIndex i) {
  const auto& f = w.firms;
  return {i, static_cast<std::uint16_t>(sim::idx(f.industry[i])),
          static_cast<std::uint16_t>(sim::idx(f.region[i])), f.digital_maturity[i]};
}

void CollaborationCandidates::rebuild(const sim::World& w, const KnowledgeParams& kp, unsigned threads,
                                      std::span<const std::uint8_t> need_customers,
                                      std::span<const std::uint8_t> need_suppliers) {
  constexpr std::size_t kMax = std::numeric_limits<std::uint16_t>::max();
  if (w.industries.size() > kMax || w.regions.size() > kMax)
    throw std::logic_error("CollaborationCandidates: more than 65535 industries or regions");
  industries_ = w.industries.size();
  regions_ = w.regions.size();
  related_.resize(industries_ * industries_);
  for (std::size_t a = 0; a < industries_; ++a)
    for (std::size_t b = 0; b < industries_; ++b)
      related_[a * industries_ + b] = sim::relatedness(w.industries, a, b);
  spillover_.resize(regions_ * regions_);
  for (std::size_t a = 0; a < regions_; ++a)
    for (std::size_t b = 0; b < regions_; ++b)
      spillover_[a * regions_ + b] = spillover_weight(kp, w.distance_km[a][b]);
  // Each firm's slots are sized by its degree (no tie record read); the fill keeps the supply ties only.
  const auto& g = w.network;
  const std::size_t n = boost::num_vertices(g);
  sim::resize_kept(out_begin_, n + 1);
  sim::resize_kept(in_begin_, n + 1);
  sim::refill(out_count_, n, std::uint32_t{0});
  sim::refill(in_count_, n, std::uint32_t{0});
  out_begin_[0] = in_begin_[0] = 0;
  const bool all_out = need_customers.empty(), all_in = need_suppliers.empty();
  for (std::size_t v = 0; v < n; ++v) {
    out_begin_[v + 1] = out_begin_[v] + (all_out || need_customers[v] ? boost::out_degree(v, g) : 0);
    in_begin_[v + 1] = in_begin_[v] + (all_in || need_suppliers[v] ? boost::in_degree(v, g) : 0);
  }
  sim::resize_kept(customers_, out_begin_[n]);
  sim::resize_kept(suppliers_, in_begin_[n]);
  const auto need_out = [&](std::size_t v) { return all_out || need_customers[v]; };
  const auto need_in = [&](std::size_t v) { return all_in || need_suppliers[v]; };
  // Starts loading what the fill reads of vertex v's partners: their attributes (a tie's kind is in its
  // incidence entry, sim::SupplyGraph::Arc, so no record is read). A hint only.
  const auto& f = w.firms;
  const auto start = [&](sim::FirmIndex j) {
    sim::prefetch(&f.industry[j]);
    sim::prefetch(&f.region[j]);
    sim::prefetch(&f.digital_maturity[j]);
  };
  const auto prefetch_partners = [&](std::size_t v) {
    if (need_out(v))
      for (const auto& a : g.out_arcs(v)) start(a.partner);
    if (need_in(v))
      for (const auto& a : g.in_arcs(v)) start(a.partner);
  };
  constexpr std::size_t kChunk = 1024, kAhead = 4;
  sim::parallel_chunks(sim::chunk_count(n, kChunk), threads, [&](std::size_t chunk, std::size_t) {
    const std::size_t lo = chunk * kChunk, hi = std::min(n, lo + kChunk);
    for (std::size_t v = lo; v < hi; ++v) {
      // The arc lists two steps ahead of the partners they lead to.
      if (const std::size_t u = v + 2 * kAhead; u < hi) {
        if (need_out(u)) sim::prefetch_arc_list(g, u, true);
        if (need_in(u)) sim::prefetch_arc_list(g, u, false);
      }
      if (v + kAhead < hi) prefetch_partners(v + kAhead);
      std::size_t k = out_begin_[v];
      if (need_out(v))
        for (const auto& a : g.out_arcs(v))
          if (a.is_supply()) customers_[k++] = partner(w, a.partner);
      out_count_[v] = static_cast<std::uint32_t>(k - out_begin_[v]);
      k = in_begin_[v];
      if (need_in(v))
        for (const auto& a : g.in_arcs(v))
          if (a.is_supply()) suppliers_[k++] = partner(w, a.partner);
      in_count_[v] = static_cast<std::uint32_t>(k - in_begin_[v]);
    }
  });
}

}  // namespace vicsim::agents
