#include "sim/firm_directory.hpp"

namespace vicsim::sim {

void FirmDirectory::rebuild(const World& w) {
  type_offset_.assign(w.industries.size(), 0);
  n_types_ = 0;
  for (std::size_t i = 0; i < w.industries.size(); ++i) {
    type_offset_[i] = n_types_;
    n_types_ += w.industries[i].stages.size();
  }
  by_type_.assign(n_types_, {});
  by_region_type_.assign(w.regions.size() * n_types_, {});
  alive_.clear();
  const Firms& f = w.firms;
  for (FirmIndex i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    const std::size_t t = type_key(idx(f.industry[i]), f.stage[i]);
    by_type_[t].push_back(i);
    by_region_type_[idx(f.region[i]) * n_types_ + t].push_back(i);
    alive_.push_back(i);
  }
}

}  // namespace vicsim::sim
