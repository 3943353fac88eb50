#include "experiments/run_plan.hpp"

#include "experiments/design_random.hpp"

namespace vicsim::experiments {

std::uint64_t run_seed(std::uint64_t master, std::uint64_t point, std::uint64_t replication) {
  return experiment_rng(master, ExperimentStream::RunSeed, point, replication).next_u64() >> 11;
}

std::vector<PlannedRun> plan_runs(const Experiment& e, const UnitPoints& design) {
  std::vector<PlannedRun> runs;
  const auto reps = static_cast<std::int64_t>(e.replications);
  runs.reserve(design.size() * static_cast<std::size_t>(reps));
  for (std::size_t p = 0; p < design.size(); ++p) {
    std::vector<FactorValue> values;
    std::vector<std::string> sets = e.set;
    for (std::size_t j = 0; j < e.factors.size(); ++j) {
      values.push_back(factor_value(e.factors[j], design[p][j]));
      sets.push_back(e.factors[j].path + "=" + values.back().set_text);
    }
    for (std::int64_t r = 0; r < reps; ++r) {
      PlannedRun run;
      run.point = static_cast<std::int64_t>(p);
      run.replication = static_cast<std::int32_t>(r);
      run.run_id = run.point * reps + r;
      run.seed = run_seed(e.seed, e.common_random_numbers ? 0 : static_cast<std::uint64_t>(p),
                          static_cast<std::uint64_t>(r));
      run.values = values;
      run.sets = sets;
      runs.push_back(std::move(run));
    }
  }
  return runs;
}

}  // namespace vicsim::experiments
