#pragma once
/** @file The supply and collaboration network: one vertex per firm slot (renumbered with the firms when
 * exited slots are compacted away) and one directed edge per supplier → customer tie, stored as a tie pool
 * plus per-firm incidence arrays and used through the Boost.Graph free functions (boost::out_edges,
 * boost::in_edges, g[e], ...). */
#include <boost/graph/graph_traits.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "sim/prefetch.hpp"
#include "sim/units.hpp"

namespace vicsim::sim {

/** @brief What a tie carries: goods (supplier → customer) or collaboration (knowledge, no goods). */
enum class TieKind : std::uint8_t { Supply = 0, Collaboration = 1 };

/** @brief How a tie was formed. */
enum class TieChannel : std::uint8_t { Offline = 0, Platform = 1 };

/** @brief Input slots a firm type may have: a tie stores its slot in 8 bits (Tie::input_slot). */
inline constexpr std::size_t kMaxInputSlots = 256;

/** @brief Properties of a supplier → customer tie. */
struct alignas(64) Tie {
  // Widest fields first, so that the record has no padding holes: 64 bytes, one cache line (issue 15).
  double trust =
      0.1;  ///< in [0,1]; supply ties: the buyer's belief in a good delivery times its evidence (7.32)
  // The buyer's Beta beliefs about the supplier (7.31): own trades plus referrals, prior included.
  double on_time_a = 1.0;  ///< pseudo-count of on-time deliveries
  double on_time_b = 1.0;  ///< pseudo-count of late deliveries
  double defect_a = 1.0;   ///< pseudo-count of defective lots
  double defect_b = 1.0;   ///< pseudo-count of sound lots
  double units = 0.0;      ///< units ordered this tick
  // No `delivered` field: a supply tie delivers units × its supplier's fill rate this month
  // (sim/tie_delivery.hpp), and without it the record fits one cache line.
  std::uint32_t supplier = 0;  ///< the tie's source firm (kept so the tie's terms can read its ratings)
  std::int32_t formed_tick = 0;
  /** Formation rank of a supply tie (World::supply_ties_formed when it formed): orders ties as the edge list
   * does, so a pass by supplier can add flows in edge-list order (update_logistics_lanes). */
  std::uint32_t seq = 0;
  std::uint8_t input_slot = 0;   ///< which of the customer's InputNeeds this tie serves (kMaxInputSlots)
  std::uint8_t bad_lots = 0;     ///< defective lots in this tick's delivery (drawn at settlement)
  std::uint8_t platform = 0xFF;  ///< platform the tie trades on (channel Platform), else 0xFF
  // One-bit fields share one byte (64-byte record; issue 15).
  std::uint8_t late : 1 = 0;      ///< this tick's delivery came late (drawn at settlement)
  std::uint8_t observed : 1 = 0;  ///< 1 if this tick's delivery was drawn (delivered > 0)
  TieChannel channel : 1 = TieChannel::Offline;
  bool cross_platform : 1 = false;  ///< the partners share no platform; they meet through 1+N interconnection
  bool brokered : 1 = false;        ///< formed through a platform (not an offline tie it took over later)
  /// Set before the tie is added, never after: SupplyGraph::Arc keeps a copy for loops that read only it.
  TieKind kind : 1 = TieKind::Supply;
  // No distance field: the partners' distance is World::firm_distance (a firm's region is set at entry).
  bool is_supply() const { return kind == TieKind::Supply; }
};
static_assert(sizeof(Tie) == 64 && alignof(Tie) == 64,
              "Tie grew past a cache line: every tie pays for it (issue 15, docs/PERFORMANCE.md)");

/** @brief A tie as the graph functions hand it out: its two firms and the tie record's place in the pool. */
struct TieEdge {
  std::uint32_t source = 0;  ///< supplier (supply ties) or lower firm index (collaboration)
  std::uint32_t target = 0;  ///< customer (supply ties) or higher firm index (collaboration)
  std::uint32_t tie = 0;     ///< index of the Tie record in SupplyGraph's pool
  friend bool operator==(const TieEdge& a, const TieEdge& b) { return a.tie == b.tie; }
  friend bool operator!=(const TieEdge& a, const TieEdge& b) { return a.tie != b.tie; }
};

/** @brief The iterator traits shared by SupplyGraph's iterators: they yield TieEdge values. */
template <class Category>
struct TieIteratorTraits {
  using iterator_category = Category;
  using value_type = TieEdge;
  using difference_type = std::ptrdiff_t;
  using pointer = const TieEdge*;
  using reference = TieEdge;
};

/**
 * @brief Directed network without parallel edges: supply edges run supplier → customer; collaboration
 * edges run from the lower to the higher firm index.
 *
 * Storage (issue 15): the Tie records sit in a pool of fixed-size chunks (a record never moves until
 * compact_ties, so references stay valid while ties are added), each firm's out- and in-ties are arrays of
 * 8-byte (partner, record) pairs, and a list threaded through the records keeps the graph-wide edge order.
 * Every order the model can observe is the one boost::adjacency_list<vecS, vecS, bidirectionalS> gave:
 * add_edge appends to the edge list and both incidence arrays, removals keep the others' order, and
 * boost::edge finds the first matching out-tie.
 */
class SupplyGraph {
 public:
  /** @brief Ties the pool can hold: an incidence entry keeps a record's index in 31 bits. */
  static constexpr std::uint32_t kMaxTies = 0x7FFFFFFFu;
  /** @brief One entry of a firm's incidence array: the tie's other firm, its record, and whether it carries
   * goods. The kind is copied from the record when the tie is added (Tie::kind is never changed after):
   * loops that only ask it (referrals, collaboration candidates) read it here, next to the partner, instead
   * of missing the cache on a record per tie; at 1M firms that miss was a fifth of search_supplier's
   * samples (docs/PERFORMANCE.md, session 48). */
  struct Arc {
    std::uint32_t partner = 0;
    std::uint32_t tie : 31 = 0;    ///< the record's index in the pool (< kMaxTies)
    std::uint32_t supply : 1 = 1;  ///< the record's is_supply()
    Arc() = default;
    Arc(std::uint32_t p, std::uint32_t t, bool s) : partner(p), tie(t & kMaxTies), supply(s) {}
    bool is_supply() const { return supply != 0; }
    void set_tie(std::uint32_t t) { tie = t & kMaxTies; }
  };
  static_assert(sizeof(Arc) == 8, "an incidence entry is 8 bytes: a firm's list of five fits one line");
  using ArcList = std::vector<Arc>;
  static constexpr std::uint32_t kNoTie = 0xFFFFFFFFu;
  static constexpr unsigned kChunkBits = 10;  ///< 1,024 records (64 KiB) per pool chunk

  /** @brief Iterates a firm's out-ties (Out) or in-ties as TieEdge values, in stored order. */
  template <bool Out>
  class ArcIterator : public TieIteratorTraits<std::random_access_iterator_tag> {
   public:
    ArcIterator() = default;
    ArcIterator(const Arc* a, std::uint32_t v) : a_(a), v_(v) {}
    TieEdge operator*() const {
      return Out ? TieEdge{v_, a_->partner, a_->tie} : TieEdge{a_->partner, v_, a_->tie};
    }
    TieEdge operator[](difference_type k) const { return *(*this + k); }
    ArcIterator& operator++() { return ++a_, *this; }
    ArcIterator operator++(int) { return {a_++, v_}; }
    ArcIterator& operator--() { return --a_, *this; }
    ArcIterator operator--(int) { return {a_--, v_}; }
    ArcIterator& operator+=(difference_type k) { return a_ += k, *this; }
    ArcIterator& operator-=(difference_type k) { return a_ -= k, *this; }
    friend ArcIterator operator+(ArcIterator i, difference_type k) { return i += k; }
    friend ArcIterator operator+(difference_type k, ArcIterator i) { return i += k; }
    friend ArcIterator operator-(ArcIterator i, difference_type k) { return i -= k; }
    friend difference_type operator-(const ArcIterator& a, const ArcIterator& b) { return a.a_ - b.a_; }
    friend bool operator==(const ArcIterator& a, const ArcIterator& b) { return a.a_ == b.a_; }
    friend bool operator!=(const ArcIterator& a, const ArcIterator& b) { return a.a_ != b.a_; }
    friend bool operator<(const ArcIterator& a, const ArcIterator& b) { return a.a_ < b.a_; }
    friend bool operator>(const ArcIterator& a, const ArcIterator& b) { return a.a_ > b.a_; }
    friend bool operator<=(const ArcIterator& a, const ArcIterator& b) { return a.a_ <= b.a_; }
    friend bool operator>=(const ArcIterator& a, const ArcIterator& b) { return a.a_ >= b.a_; }

   private:
    const Arc* a_ = nullptr;
    std::uint32_t v_ = 0;
  };
  using OutIterator = ArcIterator<true>;
  using InIterator = ArcIterator<false>;

  /** @brief Iterates all ties in edge-list order (the order they were added, removals skipped). */
  class EdgeIterator : public TieIteratorTraits<std::forward_iterator_tag> {
   public:
    EdgeIterator() = default;
    EdgeIterator(const SupplyGraph* g, std::uint32_t t) : g_(g), t_(t) {}
    TieEdge operator*() const { return {g_->links_[t_].source, g_->links_[t_].target, t_}; }
    EdgeIterator& operator++() { return t_ = g_->links_[t_].next, *this; }
    EdgeIterator operator++(int) {
      auto old = *this;
      ++*this;
      return old;
    }
    friend bool operator==(const EdgeIterator& a, const EdgeIterator& b) { return a.t_ == b.t_; }
    friend bool operator!=(const EdgeIterator& a, const EdgeIterator& b) { return a.t_ != b.t_; }

   private:
    const SupplyGraph* g_ = nullptr;
    std::uint32_t t_ = kNoTie;
  };

  /** @brief A graph of n firm slots and no ties. */
  explicit SupplyGraph(std::size_t n = 0) : out_(n), in_(n) {}
  /** @brief A deep copy (the pool's chunks are copied, not shared). */
  SupplyGraph(const SupplyGraph& o);
  SupplyGraph& operator=(const SupplyGraph& o);
  SupplyGraph(SupplyGraph&&) noexcept = default;
  SupplyGraph& operator=(SupplyGraph&&) noexcept = default;
  ~SupplyGraph() = default;

  /** @brief The tie record of e (valid until compact_ties; adding ties does not move it). */
  Tie& operator[](TieEdge e) { return record(e.tie); }
  /** @brief The tie record of e. */
  const Tie& operator[](TieEdge e) const { return record(e.tie); }

  /** @brief Firm slots. */
  std::size_t vertex_count() const { return out_.size(); }
  /** @brief Ties. */
  std::size_t edge_count() const { return edges_; }
  /** @brief v's out-ties (v is the supplier), in the order they were added. */
  const ArcList& out_arcs(std::size_t v) const { return out_[v]; }
  /** @brief v's in-ties (v is the customer), in the order they were added. */
  const ArcList& in_arcs(std::size_t v) const { return in_[v]; }
  /** @brief The first tie of the edge list, kNoTie if there is none. */
  std::uint32_t first_edge() const { return head_; }

  /** @brief Adds a firm slot without ties; returns it. */
  std::size_t add_vertex();
  /** @brief Reserves room for n firm slots (the incidence arrays' headers). */
  void reserve_vertices(std::size_t n) {
    out_.reserve(n);
    in_.reserve(n);
  }
  /** @brief Appends the tie u → v with record t to the edge list, u's out-ties and v's in-ties. */
  TieEdge add_edge(std::size_t u, std::size_t v, const Tie& t);
  /** @brief Removes tie e; every other order is kept. */
  void remove_edge(TieEdge e);
  /** @brief Removes all of v's ties (an exiting firm), as boost::clear_vertex does. */
  void clear_vertex(std::size_t v);
  /** @brief The first out-tie u → v, as boost::edge finds it. */
  std::pair<TieEdge, bool> edge(std::size_t u, std::size_t v) const;

  /** @brief Pool slots in use plus free ones (capacity in records, for the memory audit). */
  std::size_t pool_slots() const { return links_.size(); }
  /** @brief Edge-list links allocated (at least the ties; compaction keeps the capacity). */
  std::size_t link_capacity() const { return links_.capacity(); }
  /** @brief Heap bytes held by the tie storage (pool, links, incidence arrays, free list). */
  std::size_t heap_bytes() const;

  /**
   * @brief Rewrites the pool with the ties in customer order (each firm's in-ties one after another, in
   * in-edge order), drops free slots and trims each incidence array to its size. Every order stays; edge
   * descriptors and Tie references taken before are invalid after. The renumbering loops run on up to
   * `threads` threads (same result for any number).
   */
  void compact(unsigned threads = 1);
  /**
   * @brief Drops the firm slots `new_slot` maps to kDroppedSlot (they must have no ties: an exiting firm's
   * are cleared) and renumbers slot v as new_slot[v] everywhere a tie names a firm: incidence arrays, their
   * partners, the edge list's endpoints and Tie::supplier. The map must keep the slots' order, so every
   * order the model observes stays. Tie records do not move.
   */
  void compact_vertices(std::span<const FirmIndex> new_slot);

 private:
  /** Edge-list links and the tie's firms, one per pool slot. */
  struct Link {
    std::uint32_t source = 0, target = 0;
    std::uint32_t prev = kNoTie, next = kNoTie;
  };
  static constexpr std::uint32_t kChunkMask = (1u << kChunkBits) - 1;
  Tie& record(std::uint32_t t) { return chunks_[t >> kChunkBits][t & kChunkMask]; }
  const Tie& record(std::uint32_t t) const { return chunks_[t >> kChunkBits][t & kChunkMask]; }
  std::uint32_t allocate(const Tie& t);
  void release(std::uint32_t t);
  /** Moves every live record and link from slot t to moved[t] (< live); free slots are dropped. */
  void move_to_new_slots(const std::vector<std::uint32_t>& moved, std::uint32_t live);

  std::vector<ArcList> out_, in_;
  std::vector<std::unique_ptr<Tie[]>> chunks_;
  std::vector<Link> links_;
  std::vector<std::uint32_t> free_;    ///< released pool slots, reused last-in first-out
  std::vector<std::uint32_t> reused_;  ///< free slots below ordered_ reused since the last compaction
  std::uint32_t head_ = kNoTie, tail_ = kNoTie;
  std::size_t edges_ = 0;
  std::uint32_t ordered_ = 0;  ///< slots [0, ordered_) were in customer order after the last compaction
};

/** @brief Starts loading the records of v's in-ties (out-ties with `out`): the records of a firm's ties are
 * not next to each other between compactions, so a loop over them would otherwise miss the cache once per
 * tie, one miss after the other. A hint only: reads and changes nothing. */
inline void prefetch_ties(const SupplyGraph& g, std::size_t v, bool out = false) {
  for (const auto& a : out ? g.out_arcs(v) : g.in_arcs(v))
    prefetch(&g[TieEdge{0, 0, a.tie}]);  // one line: records are line-aligned
}

}  // namespace vicsim::sim

/** The Boost.Graph interface of SupplyGraph (IncidenceGraph, BidirectionalGraph, EdgeListGraph,
 * VertexListGraph): the model calls these, and Boost's algorithms can run on the graph directly. */
namespace boost {

template <>
struct graph_traits<vicsim::sim::SupplyGraph> {
  using vertex_descriptor = std::size_t;
  using edge_descriptor = vicsim::sim::TieEdge;
  using directed_category = bidirectional_tag;
  using edge_parallel_category = allow_parallel_edge_tag;
  struct traversal_category : bidirectional_graph_tag, vertex_list_graph_tag, edge_list_graph_tag {};
  using out_edge_iterator = vicsim::sim::SupplyGraph::OutIterator;
  using in_edge_iterator = vicsim::sim::SupplyGraph::InIterator;
  using edge_iterator = vicsim::sim::SupplyGraph::EdgeIterator;
  using vertex_iterator = counting_iterator<std::size_t>;
  using adjacency_iterator = void;
  using degree_size_type = std::size_t;
  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  static vertex_descriptor null_vertex() { return static_cast<std::size_t>(-1); }
};

inline std::size_t num_vertices(const vicsim::sim::SupplyGraph& g) { return g.vertex_count(); }
inline std::size_t num_edges(const vicsim::sim::SupplyGraph& g) { return g.edge_count(); }
inline std::pair<counting_iterator<std::size_t>, counting_iterator<std::size_t>> vertices(
    const vicsim::sim::SupplyGraph& g) {
  return {counting_iterator<std::size_t>(0), counting_iterator<std::size_t>(g.vertex_count())};
}
inline std::size_t add_vertex(vicsim::sim::SupplyGraph& g) { return g.add_vertex(); }
inline std::size_t source(vicsim::sim::TieEdge e, const vicsim::sim::SupplyGraph&) { return e.source; }
inline std::size_t target(vicsim::sim::TieEdge e, const vicsim::sim::SupplyGraph&) { return e.target; }
inline std::size_t out_degree(std::size_t v, const vicsim::sim::SupplyGraph& g) {
  return g.out_arcs(v).size();
}
inline std::size_t in_degree(std::size_t v, const vicsim::sim::SupplyGraph& g) { return g.in_arcs(v).size(); }
inline std::size_t degree(std::size_t v, const vicsim::sim::SupplyGraph& g) {
  return out_degree(v, g) + in_degree(v, g);
}
inline std::pair<vicsim::sim::SupplyGraph::OutIterator, vicsim::sim::SupplyGraph::OutIterator> out_edges(
    std::size_t v, const vicsim::sim::SupplyGraph& g) {
  const auto& a = g.out_arcs(v);
  const auto u = static_cast<std::uint32_t>(v);
  return {{a.data(), u}, {a.data() + a.size(), u}};
}
inline std::pair<vicsim::sim::SupplyGraph::InIterator, vicsim::sim::SupplyGraph::InIterator> in_edges(
    std::size_t v, const vicsim::sim::SupplyGraph& g) {
  const auto& a = g.in_arcs(v);
  const auto u = static_cast<std::uint32_t>(v);
  return {{a.data(), u}, {a.data() + a.size(), u}};
}
inline std::pair<vicsim::sim::SupplyGraph::EdgeIterator, vicsim::sim::SupplyGraph::EdgeIterator> edges(
    const vicsim::sim::SupplyGraph& g) {
  return {{&g, g.first_edge()}, {&g, vicsim::sim::SupplyGraph::kNoTie}};
}
inline std::pair<vicsim::sim::TieEdge, bool> edge(std::size_t u, std::size_t v,
                                                  const vicsim::sim::SupplyGraph& g) {
  return g.edge(u, v);
}
inline std::pair<vicsim::sim::TieEdge, bool> add_edge(std::size_t u, std::size_t v, const vicsim::sim::Tie& t,
                                                      vicsim::sim::SupplyGraph& g) {
  return {g.add_edge(u, v, t), true};
}
inline std::pair<vicsim::sim::TieEdge, bool> add_edge(std::size_t u, std::size_t v,
                                                      vicsim::sim::SupplyGraph& g) {
  return {g.add_edge(u, v, vicsim::sim::Tie{}), true};
}
inline void remove_edge(vicsim::sim::TieEdge e, vicsim::sim::SupplyGraph& g) { g.remove_edge(e); }
inline void remove_edge(vicsim::sim::SupplyGraph::OutIterator i, vicsim::sim::SupplyGraph& g) {
  g.remove_edge(*i);
}
inline void clear_vertex(std::size_t v, vicsim::sim::SupplyGraph& g) { g.clear_vertex(v); }

}  // namespace boost
