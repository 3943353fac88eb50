#include "sim/supply_network.hpp"

#include <algorithm>
#include <stdexcept>

#include "sim/parallel_for.hpp"

namespace vicsim::sim {

namespace {

/** Erases the first entry of `arcs` whose record is t, keeping the others' order. */
void erase_arc(SupplyGraph::ArcList& arcs, std::uint32_t t) {
  const auto it =
      std::find_if(arcs.begin(), arcs.end(), [t](const SupplyGraph::Arc& a) { return a.tie == t; });
  if (it != arcs.end()) arcs.erase(it);
}

/** Erases every entry of `arcs` with this partner, keeping the others' order (boost::clear_vertex's rule). */
void erase_partner(SupplyGraph::ArcList& arcs, std::uint32_t partner) {
  arcs.erase(std::remove_if(arcs.begin(), arcs.end(),
                            [partner](const SupplyGraph::Arc& a) { return a.partner == partner; }),
             arcs.end());
}

}  // namespace

SupplyGraph::SupplyGraph(const SupplyGraph& o)
    : out_(o.out_),
      in_(o.in_),
      links_(o.links_),
      free_(o.free_),
      reused_(o.reused_),
      head_(o.head_),
      tail_(o.tail_),
      edges_(o.edges_),
      ordered_(o.ordered_) {
  constexpr std::size_t chunk = std::size_t{1} << kChunkBits;
  chunks_.reserve(o.chunks_.size());
  for (const auto& c : o.chunks_) {
    chunks_.push_back(std::make_unique<Tie[]>(chunk));
    std::copy(c.get(), c.get() + chunk, chunks_.back().get());
  }
}

SupplyGraph& SupplyGraph::operator=(const SupplyGraph& o) {
  if (this != &o) *this = SupplyGraph(o);
  return *this;
}

std::size_t SupplyGraph::add_vertex() {
  out_.emplace_back();
  in_.emplace_back();
  return out_.size() - 1;
}

std::uint32_t SupplyGraph::allocate(const Tie& t) {
  std::uint32_t slot;
  if (!free_.empty()) {
    slot = free_.back();
    free_.pop_back();
    if (slot < ordered_) reused_.push_back(slot);  // out of the last compaction's order (move_to_new_slots)
  } else {
    if (links_.size() >= kMaxTies)
      throw std::length_error("SupplyGraph: more ties than an incidence entry can index");
    slot = static_cast<std::uint32_t>(links_.size());
    if ((slot & kChunkMask) == 0) chunks_.push_back(std::make_unique<Tie[]>(std::size_t{1} << kChunkBits));
    links_.emplace_back();
  }
  record(slot) = t;
  return slot;
}

void SupplyGraph::release(std::uint32_t t) {
  Link& l = links_[t];
  (l.prev == kNoTie ? head_ : links_[l.prev].next) = l.next;
  (l.next == kNoTie ? tail_ : links_[l.next].prev) = l.prev;
  l = Link{};
  free_.push_back(t);
  --edges_;
}

TieEdge SupplyGraph::add_edge(std::size_t u, std::size_t v, const Tie& t) {
  const std::uint32_t slot = allocate(t);
  const auto su = static_cast<std::uint32_t>(u), sv = static_cast<std::uint32_t>(v);
  links_[slot] = Link{su, sv, tail_, kNoTie};
  (tail_ == kNoTie ? head_ : links_[tail_].next) = slot;
  tail_ = slot;
  ++edges_;
  out_[u].push_back(Arc(sv, slot, t.is_supply()));
  in_[v].push_back(Arc(su, slot, t.is_supply()));
  return TieEdge{su, sv, slot};
}

void SupplyGraph::remove_edge(TieEdge e) {
  erase_arc(out_[e.source], e.tie);
  erase_arc(in_[e.target], e.tie);
  release(e.tie);
}

void SupplyGraph::clear_vertex(std::size_t v) {
  const auto sv = static_cast<std::uint32_t>(v);
  for (const Arc& a : out_[v]) {
    erase_partner(in_[a.partner], sv);
    release(a.tie);
  }
  for (const Arc& a : in_[v]) {
    erase_partner(out_[a.partner], sv);
    release(a.tie);
  }
  out_[v].clear();
  in_[v].clear();
}

std::pair<TieEdge, bool> SupplyGraph::edge(std::size_t u, std::size_t v) const {
  const auto su = static_cast<std::uint32_t>(u), sv = static_cast<std::uint32_t>(v);
  for (const Arc& a : out_[u])
    if (a.partner == sv) return {TieEdge{su, sv, a.tie}, true};
  return {TieEdge{su, sv, kNoTie}, false};
}

std::size_t SupplyGraph::heap_bytes() const {
  std::size_t b = out_.capacity() * sizeof(ArcList) * 2 + chunks_.size() * (sizeof(Tie) << kChunkBits) +
                  chunks_.capacity() * sizeof(chunks_[0]) + links_.capacity() * sizeof(Link) +
                  (free_.capacity() + reused_.capacity()) * sizeof(std::uint32_t);
  for (std::size_t v = 0; v < out_.size(); ++v) b += (out_[v].capacity() + in_[v].capacity()) * sizeof(Arc);
  return b;
}

void SupplyGraph::compact_vertices(std::span<const FirmIndex> new_slot) {
  const std::size_t n = out_.size();
  std::size_t kept = 0;
  for (std::size_t v = 0; v < n; ++v) {
    if (new_slot[v] == kDroppedSlot) {
      if (!out_[v].empty() || !in_[v].empty())
        throw std::logic_error("SupplyGraph::compact_vertices: a dropped firm slot still has ties");
      continue;
    }
    for (ArcList* arcs : {&out_[v], &in_[v]})
      for (Arc& a : *arcs) a.partner = new_slot[a.partner];
    if (new_slot[v] != v) {
      out_[new_slot[v]] = std::move(out_[v]);
      in_[new_slot[v]] = std::move(in_[v]);
    }
    kept = new_slot[v] + std::size_t{1};
  }
  out_.resize(kept);
  in_.resize(kept);
  // The pool in slot order, free slots skipped: sequential reads, where the edge list's order would jump
  // from record to record.
  std::vector<std::uint8_t> free(links_.size(), 0);
  for (const std::uint32_t t : free_) free[t] = 1;
  for (std::uint32_t t = 0; t < links_.size(); ++t) {
    if (free[t]) continue;
    Link& l = links_[t];
    l.source = new_slot[l.source];
    l.target = new_slot[l.target];
    // A collaboration tie carries no supplier (the field keeps its default, which may name a dropped slot).
    if (Tie& tie = record(t); tie.is_supply()) tie.supplier = new_slot[tie.supplier];
  }
}

void SupplyGraph::compact(unsigned threads) {
  const std::size_t n = out_.size();
  const auto slots = static_cast<std::uint32_t>(links_.size());
  // New slots in customer order (each firm's in-ties one after another): the order most of the model's tie
  // loops read the records in. Free slots take the places after the last tie, so `moved` is a permutation.
  std::vector<std::uint32_t> moved(slots, kNoTie);
  std::uint32_t next = 0;
  for (std::size_t v = 0; v < n; ++v)
    for (const Arc& a : in_[v]) moved[a.tie] = next++;
  const std::uint32_t live = next;  // ties take the new slots [0, live); free slots keep kNoTie
  // The edge list keeps its order: each tie's links now name the new slots of its neighbours in the old
  // list, rewritten in place (a second link array would add 16 bytes per tie to the run's peak). Slot by
  // slot, not along the list: the list's order jumps from record to record, a cache miss per tie at 1M
  // firms (docs/PERFORMANCE.md, session 39); each slot's links are its own, so the loop runs in parallel.
  auto renamed = [&moved](std::uint32_t t) { return t == kNoTie ? kNoTie : moved[t]; };
  parallel_for(slots, threads, [&](std::size_t t) {
    if (moved[t] >= live) return;  // a free slot: its links are not in the list
    links_[t].prev = renamed(links_[t].prev);
    links_[t].next = renamed(links_[t].next);
  });
  const std::uint32_t head = renamed(head_), tail = head == kNoTie ? kNoTie : renamed(tail_);
  // Incidence arrays keep their order; each is trimmed to its size (every firm's own arrays: parallel).
  parallel_for(n, threads, [&](std::size_t v) {
    for (ArcList* arcs : {&out_[v], &in_[v]}) {
      for (Arc& a : *arcs) a.set_tie(moved[a.tie]);
      if (arcs->capacity() != arcs->size()) ArcList(arcs->begin(), arcs->end()).swap(*arcs);
    }
  });
  move_to_new_slots(moved, live);
  // The ties fill slots [0, live); what is past them is dropped. The links keep their capacity: shrinking
  // would copy them, and the copy would be the peak; the pages past the ties are the next months' new ties.
  links_.resize(edges_);
  chunks_.resize((edges_ + kChunkMask) >> kChunkBits);
  chunks_.shrink_to_fit();
  free_.clear();
  free_.shrink_to_fit();
  head_ = head;
  tail_ = tail;
  ordered_ = live;
  reused_.clear();
  reused_.shrink_to_fit();
}

void SupplyGraph::move_to_new_slots(const std::vector<std::uint32_t>& moved, std::uint32_t live) {
  const auto slots = static_cast<std::uint32_t>(links_.size());
  // In place: a second pool would double the ties' memory at every compaction, and the run's peak with it.
  // Ties placed in a reused free slot since the last compaction are set aside, and so is every tie whose
  // new slot is not above that of the last tie kept. The ties of the last compaction are still in its
  // customer order (removals keep the incidence arrays' order, additions append), so they are all kept, and
  // so are most of those added after them in customer order (the initial network): these "streamers" move in
  // two sequential passes, those moving down in ascending slot order, then those moving up in descending
  // order. A streamer's destination holds a tie set aside, a free slot, or a streamer of the same
  // direction that has already moved on; the ties set aside are written to their slots last. (Before
  // session 45 this was one walk along the permutation's cycles: a cache miss per tie at 1M firms.)
  enum : std::uint8_t { kFree = 0, kStreamer = 1, kAside = 2 };
  std::vector<std::uint8_t> kind(slots, kStreamer);
  for (const std::uint32_t t : reused_) kind[t] = kAside;
  std::vector<Tie> aside_records;
  std::vector<Link> aside_links;
  std::vector<std::uint32_t> aside_slots;
  std::uint32_t lowest = 0;  // a streamer's new slot must be at least this: above the last streamer's
  for (std::uint32_t t = 0; t < slots; ++t) {
    const std::uint32_t to = moved[t];
    if (to >= live) {
      kind[t] = kFree;
    } else if (kind[t] == kStreamer && to >= lowest) {
      lowest = to + 1;
    } else {
      kind[t] = kAside;
      aside_records.push_back(record(t));
      aside_links.push_back(links_[t]);
      aside_slots.push_back(to);
    }
  }
  for (std::uint32_t t = 0; t < slots; ++t)
    if (kind[t] == kStreamer && moved[t] < t) {
      record(moved[t]) = record(t);
      links_[moved[t]] = links_[t];
    }
  for (std::uint32_t t = slots; t-- > 0;)
    if (kind[t] == kStreamer && moved[t] > t) {
      record(moved[t]) = record(t);
      links_[moved[t]] = links_[t];
    }
  for (std::size_t k = 0; k < aside_slots.size(); ++k) {
    record(aside_slots[k]) = aside_records[k];
    links_[aside_slots[k]] = aside_links[k];
  }
}

}  // namespace vicsim::sim
