#include "agents/learning_contacts.hpp"

#include <algorithm>

#include "sim/parallel_for.hpp"

namespace vicsim::agents {

LearningContacts::LearningContacts(const ModelContext& c, bool with_members)
    : n_types_(c.directory.n_types()) {
  const sim::Firms& f = c.world.firms;
  by_slot_.resize(f.size());
  sim::parallel_for(f.size(), c.threads, [&](std::size_t j) {
    by_slot_[j] = {f.productivity[j], static_cast<sim::FirmIndex>(j), f.region[j], f.alive[j]};
  });
  const std::size_t n_regions = c.world.regions.size();
  local_start_.assign(n_regions * n_types_ + 1, 0);
  for (std::size_t r = 0; r < n_regions; ++r)
    for (std::size_t t = 0; t < n_types_; ++t) {
      const std::size_t key = r * n_types_ + t;
      const auto& [industry, stage] = c.type_of[t];
      local_start_[key + 1] = local_start_[key] + c.directory.of_type_in(r, industry, stage).size();
    }
  local_.resize(local_start_.back());
  sim::parallel_for(n_regions * n_types_, c.threads, [&](std::size_t key) {
    const auto& [industry, stage] = c.type_of[key % n_types_];
    std::size_t k = local_start_[key];
    for (const sim::FirmIndex j : c.directory.of_type_in(key / n_types_, industry, stage))
      local_[k++] = by_slot_[j];
  });
  member_start_.assign(n_types_ + 1, 0);
  if (!with_members || c.members_of_type.empty()) return;
  const std::size_t n_pools = std::min(n_types_, c.members_of_type.size());
  for (std::size_t t = 0; t < n_types_; ++t)
    member_start_[t + 1] = member_start_[t] + (t < n_pools ? c.members_of_type[t].size() : 0);
  members_.resize(member_start_.back());
  sim::parallel_for(n_pools, c.threads, [&](std::size_t t) {
    std::size_t k = member_start_[t];
    for (const sim::FirmIndex j : c.members_of_type[t])
      members_[k++] = {f.productivity[j], j, f.alive[j] ? f.platforms[j] : 0u};
  });
}

}  // namespace vicsim::agents
