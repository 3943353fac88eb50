#pragma once
/** @file The supply and collaboration network: a Boost.Graph with one vertex per firm slot and one
 * directed edge per supplier → customer tie. */
#include <boost/graph/adjacency_list.hpp>
#include <cstdint>

#include "sim/units.hpp"

namespace vicsim::sim {

/** @brief What a tie carries: goods (supplier → customer) or collaboration (knowledge, no goods). */
enum class TieKind : std::uint8_t { Supply = 0, Collaboration = 1 };

/** @brief How a tie was formed. */
enum class TieChannel : std::uint8_t { Offline = 0, Platform = 1 };

/** @brief Properties of a supplier → customer tie. */
struct Tie {
  double trust =
      0.1;  ///< in [0,1]; supply ties: the buyer's belief in a good delivery times its evidence (7.32)
  // The buyer's Beta beliefs about the supplier (7.31): own trades plus referrals, prior included.
  double on_time_a = 1.0;      ///< pseudo-count of on-time deliveries
  double on_time_b = 1.0;      ///< pseudo-count of late deliveries
  double defect_a = 1.0;       ///< pseudo-count of defective lots
  double defect_b = 1.0;       ///< pseudo-count of sound lots
  std::uint32_t supplier = 0;  ///< the tie's source firm (kept so the tie's terms can read its ratings)
  std::uint8_t late = 0;       ///< this tick's delivery came late (drawn at settlement)
  std::uint8_t bad_lots = 0;   ///< defective lots in this tick's delivery (drawn at settlement)
  std::uint8_t observed = 0;   ///< 1 if this tick's delivery was drawn (delivered > 0)
  double distance_km = 0.0;    ///< supplier–customer distance
  double units = 0.0;          ///< units ordered this tick
  double delivered = 0.0;      ///< units delivered this tick
  std::int32_t formed_tick = 0;
  std::uint16_t input_slot = 0;  ///< which of the customer's InputNeeds this tie serves
  TieChannel channel = TieChannel::Offline;
  std::uint8_t platform = 0xFF;  ///< platform the tie trades on (channel Platform), else 0xFF
  bool cross_platform = false;   ///< the partners share no platform; they meet through 1+N interconnection
  bool brokered = false;         ///< formed through a platform (not an offline tie it took over later)
  TieKind kind = TieKind::Supply;
  /** Formation rank of a supply tie (World::supply_ties_formed when it formed): orders ties as the edge list
   * does, so a pass by supplier can add flows in edge-list order (update_logistics_lanes). */
  std::uint32_t seq = 0;
  bool is_supply() const { return kind == TieKind::Supply; }
};

/** @brief Directed network without parallel edges: supply edges run supplier → customer; collaboration
 * edges run from the lower to the higher firm index. */
using SupplyGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, Tie>;
using TieEdge = boost::graph_traits<SupplyGraph>::edge_descriptor;

/** @brief Starts loading the records of v's in-ties (out-ties with `out`): each tie's properties sit in their
 * own heap node, so a loop over a firm's ties otherwise misses the cache once per tie, one miss after the
 * other. A hint only: reads and changes nothing. */
inline void prefetch_ties(const SupplyGraph& g, std::size_t v, bool out = false) {
  auto touch = [](const Tie& t) {
    const auto* p = reinterpret_cast<const char*>(&t);
    __builtin_prefetch(p);
    __builtin_prefetch(p + sizeof(Tie) - 1);
  };
  if (out) {
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) touch(g[*e]);
  } else {
    for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) touch(g[*e]);
  }
}

}  // namespace vicsim::sim
