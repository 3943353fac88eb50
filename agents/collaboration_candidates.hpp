#pragma once
/** @file The data the monthly collaboration search reads, laid out for it (docs/ODD.md 7.38;
 * docs/PERFORMANCE.md): each firm's supply customers and suppliers with the partner attributes the
 * complementarity score needs, in one contiguous array, and the score's industry and region factors as
 * tables. Triadic closure walks the customer list of every supplier of a searching firm; a hub's list is
 * walked by each of its searching customers, so the walk grows faster than the number of firms. Read from one
 * array, a candidate costs a few arithmetic operations instead of a cache miss per tie record and per firm
 * attribute. The scores are the same doubles collaboration_score gives, so results do not change. */
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/units.hpp"
#include "sim/world.hpp"

namespace vicsim::agents {

struct KnowledgeParams;

/** @brief The complementarity score of a pair (docs/ODD.md 7.38): industry relatedness × distance decay of
 * spillovers × knowledge relatedness, 1 − the digital-maturity gap (absorptive capacity, Cohen & Levinthal
 * 1990). The one formula collaboration_score and the candidate tables share. */
inline double complementarity(double related, double decay, double maturity_f, double maturity_g) {
  return related * decay * (1.0 - std::fabs(maturity_f - maturity_g));
}

/** @brief A supply partner with what the complementarity score reads of it. */
struct CollaborationPartner {
  sim::FirmIndex firm = 0;
  std::uint16_t industry = 0;     ///< industry index
  std::uint16_t region = 0;       ///< region index
  double digital_maturity = 0.0;  ///< in [0,1]
};

/** @brief Each firm's supply ties as partner lists (CSR), rebuilt from the network once a month; the score
 * factors that depend only on industries and regions as tables. */
class CollaborationCandidates {
 public:
  /** @brief Rebuilds the lists and tables from w (its network, firm attributes, industries and region
   * distances) and the spillover parameters; uses up to `threads` threads. With need_customers and
   * need_suppliers (one flag per firm slot), only the flagged firms' lists are filled (the others read as
   * empty): the search then pays only for the lists it walks. Empty spans: every firm's lists. */
  void rebuild(const sim::World& w, const KnowledgeParams& kp, unsigned threads,
               std::span<const std::uint8_t> need_customers = {},
               std::span<const std::uint8_t> need_suppliers = {});
  /** @brief Firm s's supply customers, in the order of s's out-ties. */
  std::span<const CollaborationPartner> customers(sim::FirmIndex s) const {
    return {customers_.data() + out_begin_[s], out_count_[s]};
  }
  /** @brief Firm b's suppliers, in the order of b's in-ties. */
  std::span<const CollaborationPartner> suppliers(sim::FirmIndex b) const {
    return {suppliers_.data() + in_begin_[b], in_count_[b]};
  }
  /** @brief Firm i's attributes as a partner record (read from w, not from the lists). */
  static CollaborationPartner partner(const sim::World& w, sim::FirmIndex i);
  /** @brief collaboration_score of the pair, from the tables: the identical double. */
  double score(const CollaborationPartner& f, const CollaborationPartner& g) const {
    return complementarity(related_[f.industry * industries_ + g.industry],
                           spillover_[f.region * regions_ + g.region], f.digital_maturity,
                           g.digital_maturity);
  }

 private:
  std::vector<std::size_t> out_begin_, in_begin_;
  std::vector<std::uint32_t> out_count_, in_count_;
  std::vector<CollaborationPartner> customers_, suppliers_;
  std::vector<double> related_, spillover_;  ///< industry × industry relatedness; region × region decay
  std::size_t industries_ = 0, regions_ = 0;
};

}  // namespace vicsim::agents
