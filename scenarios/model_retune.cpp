#include "scenarios/model_retune.hpp"

#include <stdexcept>

#include "scenarios/json_reader.hpp"
#include "scenarios/json_writer.hpp"
#include "scenarios/scenario_schema.hpp"
#include "scenarios/world_builder.hpp"

namespace vicsim::scenarios {

namespace {

/** Writes `to` into `live` where `from` and `to` differ, leaving every other field of `live` as it is. */
void assign_if_changed(double& live, double from, double to) {
  if (from != to) live = to;
}
void assign_if_changed(sim::Money& live, sim::Money from, sim::Money to) {
  if (from.yuan != to.yuan) live = to;
}

/** The mechanism parameters that changed between `from` and `to`, applied key by key to the live ones. */
void retune_params(agents::ModelParams& live, const agents::ModelParams& from,
                   const agents::ModelParams& to) {
  auto a = from, b = to;
  const auto patch = nlohmann::json::diff(JsonWriter::write(a), JsonWriter::write(b));
  if (patch.empty()) return;
  nlohmann::json current = JsonWriter::write(live);
  current = current.patch(patch);
  Diagnostics problems;
  agents::ModelParams next = live;
  JsonReader::read(current, next, "mechanisms", "retune", problems);
  if (!problems.empty()) throw std::invalid_argument("retune_model: " + problems.front().format());
  live = next;
}

}  // namespace

void retune_model(agents::ClusterModel& model, const Scenario& before, const Scenario& after) {
  const auto old_policies = build_policies(before);
  const auto new_policies = build_policies(after);
  model.retune([&](agents::ModelParams& params, sim::World& w, std::vector<agents::Policy>& live) {
    if (before.regions.size() != w.regions.size() || after.regions.size() != w.regions.size() ||
        before.platforms.size() != w.platforms.size() || after.platforms.size() != w.platforms.size() ||
        old_policies.size() != live.size() || new_policies.size() != live.size())
      throw std::invalid_argument("retune_model: the scenario has other regions, platforms or policies");
    retune_params(params, before.mechanisms, after.mechanisms);
    for (std::size_t r = 0; r < w.regions.size(); ++r)
      assign_if_changed(w.regions[r].infrastructure, before.regions[r].infrastructure,
                        after.regions[r].infrastructure);
    for (std::size_t p = 0; p < w.platforms.size(); ++p) {
      assign_if_changed(w.platforms[p].entry_fee, sim::Money{before.platforms[p].entry_fee},
                        sim::Money{after.platforms[p].entry_fee});
      assign_if_changed(w.platforms[p].transaction_fee, before.platforms[p].transaction_fee,
                        after.platforms[p].transaction_fee);
    }
    for (std::size_t k = 0; k < live.size(); ++k) {
      const auto &from = old_policies[k], &to = new_policies[k];
      assign_if_changed(live[k].budget, from.budget, to.budget);
      assign_if_changed(live[k].subsidy_share, from.subsidy_share, to.subsidy_share);
      assign_if_changed(live[k].platform_subsidy_share, from.platform_subsidy_share,
                        to.platform_subsidy_share);
      assign_if_changed(live[k].fee_cap, from.fee_cap, to.fee_cap);
    }
  });
}

}  // namespace vicsim::scenarios
