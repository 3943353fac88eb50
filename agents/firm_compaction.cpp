#include "agents/firm_compaction.hpp"

#include <algorithm>

namespace vicsim::agents {

namespace {

/** Renumbers a list of firm slots, dropping those compacted away (its order is kept). */
void remap_list(std::vector<sim::FirmIndex>& list, const std::vector<sim::FirmIndex>& new_slot) {
  std::size_t n = 0;
  for (const sim::FirmIndex f : list)
    if (new_slot[f] != sim::Firms::kGone) list[n++] = new_slot[f];
  list.resize(n);
}

}  // namespace

void compact_firm_slots(ModelContext& c) {
  const std::vector<sim::FirmIndex> new_slot = c.world.compact_firms();
  if (new_slot.empty()) return;
  // Members who exited since the last roster are dropped; the roster is rebuilt before any reader.
  for (auto& members : c.members_of_type) remap_list(members, new_slot);
  remap_list(c.alive_members, new_slot);
  sim::compact_slots(c.access_index, new_slot);
  sim::compact_slots(c.voucher_share, new_slot);
  sim::compact_slots(c.export_units, new_slot);
  sim::compact_slots(c.platform_export_units, new_slot);
  sim::compact_slots(c.cross_border_platform, new_slot);
  sim::compact_slots(c.output_scale, new_slot);
  sim::compact_slots(c.dispatched_on_time, new_slot);
  sim::compact_slots(c.dispatched_defect, new_slot);
  sim::compact_slots(c.lanes.own, new_slot);
  c.dispatches.clear();  // planned afresh by next month's orders before any read
  c.directory.rebuild(c.world);
}

}  // namespace vicsim::agents
