#pragma once
/** @file The mechanism registry: one declared table of the model's mechanisms and platform services, each
 * with the scenario switch that turns it off, the parameters it reads, the phases it acts in, the load it
 * puts on the infrastructure layer and the output columns it owns. The schema reference (`vicsim schema`),
 * the mechanism table (`vicsim schema --format mechanisms`) and `vicsim attribute` read this table
 * (docs/ODD.md 7.40). The world builder copies the platform services the table declares, the schema describes
 * them from it, and the time-series writer appends the columns the table declares. Adding a mechanism is one
 * row here plus the mechanism itself. */
#include <vector>

#include "sim/platform.hpp"
#include "sim/tick_metrics.hpp"

namespace vicsim::agents {

struct ModelContext;

/** @brief One assignment that turns a mechanism off: an override path (scenarios/override_path.hpp syntax,
 * `a.b`, `a[*].b`) and the value it gets. */
struct MechanismSwitch {
  const char* path;  ///< e.g. "platforms[*].services.dispatch"
  /** @brief The off value as JSON text ("false", "0", "-1"), or "@PATH": the value at PATH of the same
   * scenario (a neutral setting that equals an offline parameter). */
  const char* off;
};

/** @brief A timeseries.csv column a mechanism computes itself: written after the columns of sim::columns().
 */
struct MechanismColumn {
  const char* name;                        ///< column name (docs/outputs.md)
  const char* unit;                        ///< unit as in docs/outputs.md
  double sim::TickMetrics::*member;        ///< where the value is kept in the tick's metrics
  double (*compute)(const ModelContext&);  ///< the value at the end of the tick
};

/** @brief One mechanism or platform service. */
struct Mechanism {
  const char* name;         ///< unique, snake_case
  const char* group;        ///< attribution group (several entries may share one and switch together)
  const char* kind;         ///< "firm economy", "digital layer" or "platform service"
  const char* description;  ///< one sentence, printed in the schema reference and the docs
  std::vector<MechanismSwitch> switches;
  /** @brief When the mechanism is in a scenario: alternatives separated by " | ", each a path that selects
   * something there ("platforms[*]") or `path=JSON` ("mechanisms.founding.enabled=true");
   * nullptr: present in every scenario. Where it is absent, its "state" is off
   * (scenarios/mechanism_switches.hpp: mechanism_present). */
  const char* present_if;
  const char* parameters;  ///< the schema object of its parameters, e.g. "mechanisms.services"
  std::vector<const char*> parameter_keys;  ///< keys of that object it reads
  std::vector<const char*> phases;   ///< names of the model phases it acts in (agents/model_phases.hpp)
  const char* load;                  ///< parameters setting its compute and traffic load ("" if none)
  std::vector<const char*> metrics;  ///< timeseries.csv columns it owns (docs/outputs.md)
  const char* odd;                   ///< docs/ODD.md section
  /** @brief Platform services: the flag in sim::PlatformServices (and so in `platforms[*].services`, whose
   * key is the last part of the first switch path); nullptr for other mechanisms. */
  bool sim::PlatformServices::*service = nullptr;
  /** @brief Columns the mechanism computes itself (also named in `metrics`); appended to timeseries.csv. */
  std::vector<MechanismColumn> columns = {};
};

/** @brief The table, in documentation order. */
const std::vector<Mechanism>& mechanism_registry();

/** @brief The groups in first-appearance order. */
std::vector<const char*> mechanism_groups();

/** @brief Key of a platform service in `platforms[*].services`: the last part of its first switch path. */
const char* service_key(const Mechanism& m);

/** @brief Every timeseries.csv column in output order: sim::columns(), then the registry's columns. */
const std::vector<sim::Column>& timeseries_columns();

/** @brief Fills the registry's columns of one tick's metrics from the model at the end of the tick. */
void fill_mechanism_columns(const ModelContext& c, sim::TickMetrics& m);

}  // namespace vicsim::agents
