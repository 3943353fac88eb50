#include "viz/live_source.hpp"

#include "scenarios/model_retune.hpp"
#include "scenarios/scenario_loader.hpp"
#include "scenarios/world_builder.hpp"
#include "viz/world_view.hpp"

namespace vicsim::viz {

LiveSource::LiveSource(const scenarios::Scenario& s, std::string source)
    : scenario_(s),
      model_(std::make_unique<agents::ClusterModel>(scenarios::build_model(s))),
      runner_(std::make_unique<agents::TickRunner>(*model_)),
      info_(run_info_of_json(scenarios::to_json(s), std::move(source))),
      frame_(view_of_world(model_->world())) {
  info_.has_adoption = true;
}

bool LiveSource::seek(std::int32_t tick) {
  if (tick <= frame_.tick || frame_.tick >= info_.ticks) return false;
  while (model_->world().tick < tick && model_->world().tick < info_.ticks)
    kpis_.push_back(kpi_of_metrics(runner_->step()));
  frame_ = view_of_world(model_->world());
  return true;
}

void LiveSource::retune(const scenarios::Scenario& s) {
  scenarios::retune_model(*model_, scenario_, s);
  scenario_ = s;
}

}  // namespace vicsim::viz
