#pragma once
/** @file What imitation reads of the firms a firm meets (docs/ODD.md 7.9), packed for one cache miss per
 * meeting. */
#include <cstdint>
#include <span>
#include <vector>

#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief A firm as a meeting sees it: its productivity, whether it is in the market, and its region. */
struct alignas(16) PeerCard {
  double productivity = 0.0;
  sim::FirmIndex slot = 0;
  sim::RegionId region{};
  std::uint8_t alive = 0;
};

/** @brief A platform member as the knowledge service's contact sees it; `platforms` is 0 for a member that
 * has left the market, which no contact then reaches (the same outcome as testing `alive`). */
struct alignas(16) MemberCard {
  double productivity = 0.0;
  sim::FirmIndex slot = 0;
  std::uint32_t platforms = 0;
};

/**
 * @brief Copies, taken when learning starts, of what imitation reads of the firms met: partners (by slot),
 * local contacts (the firm's region-and-type list of the directory, in its order) and knowledge-service
 * contacts (the members of the firm's type, in the roster's order).
 *
 * Why copies: a contact is drawn at random from a list and then read, so each meeting waited for the list's
 * entry and then for three or four firm arrays, one miss after another, once the lists outgrow the cache.
 * A card holds the slot and the fields side by side: one miss. Learning changes none of the copied fields
 * before its loop ends (productivities are double-buffered), so every card reads as the arrays do.
 */
class LearningContacts {
 public:
  /** Gathers the cards (on the run's threads); `members` only if `with_members`. */
  LearningContacts(const ModelContext& c, bool with_members);
  /** @brief Firm slot j. */
  const PeerCard& firm(sim::FirmIndex j) const { return by_slot_[j]; }
  /** @brief The alive firms of region r and type key t, in the directory's order (of_type_in). */
  std::span<const PeerCard> local(std::size_t region, std::size_t type) const {
    const std::size_t key = region * n_types_ + type;
    return {local_.data() + local_start_[key], local_start_[key + 1] - local_start_[key]};
  }
  /** @brief The members of type key t, in the roster's order (members_of_type). */
  std::span<const MemberCard> members(std::size_t type) const {
    return {members_.data() + member_start_[type], member_start_[type + 1] - member_start_[type]};
  }

 private:
  std::size_t n_types_ = 0;
  std::vector<PeerCard> by_slot_;
  std::vector<PeerCard> local_;
  std::vector<std::size_t> local_start_;
  std::vector<MemberCard> members_;
  std::vector<std::size_t> member_start_;
};

}  // namespace vicsim::agents
