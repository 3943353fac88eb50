#include "agents/collaboration_candidates.hpp"

#include <limits>
#include <stdexcept>

#include "agents/knowledge.hpp"
#include "agents/model_params.hpp"
#include "sim/parallel_for.hpp"

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
  out_begin_.resize(n + 1);
  in_begin_.resize(n + 1);
  out_count_.assign(n, 0);
  in_count_.assign(n, 0);
  out_begin_[0] = in_begin_[0] = 0;
  const bool all_out = need_customers.empty(), all_in = need_suppliers.empty();
  for (std::size_t v = 0; v < n; ++v) {
    out_begin_[v + 1] = out_begin_[v] + (all_out || need_customers[v] ? boost::out_degree(v, g) : 0);
    in_begin_[v + 1] = in_begin_[v] + (all_in || need_suppliers[v] ? boost::in_degree(v, g) : 0);
  }
  customers_.resize(out_begin_[n]);
  suppliers_.resize(in_begin_[n]);
  sim::parallel_for(n, threads, [&](std::size_t v) {
    std::size_t k = out_begin_[v];
    for (auto [e, end] = boost::out_edges(v, g); (all_out || need_customers[v]) && e != end; ++e)
      if (g[*e].is_supply()) customers_[k++] = partner(w, static_cast<sim::FirmIndex>(boost::target(*e, g)));
    out_count_[v] = static_cast<std::uint32_t>(k - out_begin_[v]);
    k = in_begin_[v];
    for (auto [e, end] = boost::in_edges(v, g); (all_in || need_suppliers[v]) && e != end; ++e)
      if (g[*e].is_supply()) suppliers_[k++] = partner(w, static_cast<sim::FirmIndex>(boost::source(*e, g)));
    in_count_[v] = static_cast<std::uint32_t>(k - in_begin_[v]);
  });
}

}  // namespace vicsim::agents
