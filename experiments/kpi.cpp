#include "experiments/kpi.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vicsim::experiments {

namespace {

using reports::CsvTable;

std::size_t require_column(const CsvTable& t, const std::string& name) {
  if (auto c = t.index(name)) return *c;
  std::string have;
  for (const auto& h : t.header()) have += (have.empty() ? "" : ", ") + h;
  throw KpiError("timeseries.csv has no column '" + name + "' (columns: " + have + ")");
}

double cell(const CsvTable& t, std::size_t row, std::size_t col) {
  const auto& text = t.text(row, col);
  const auto x = reports::parse_number_strict(text);
  if (!x)
    throw KpiError("timeseries.csv column '" + t.header()[col] + "' row " + std::to_string(row + 1) +
                   ": expected a number, got '" + text + "'");
  return *x;
}

double summary_value(const nlohmann::json& summary, const std::string& key) {
  const nlohmann::json* node = &summary;
  std::size_t start = 0;
  while (start <= key.size()) {
    const auto dot = key.find('.', start);
    const std::string part = key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!node->is_object()) throw KpiError("summary.json: '" + key + "' does not name a value");
    const auto it = node->find(part);
    // A stage never reached is written as null (NaN below); a key the run did not write at all (e.g. a
    // pilot's effects in a run without a pilot) is an error, not a missing value.
    if (it == node->end()) throw KpiError("summary.json has no '" + key + "' (no '" + part + "' there)");
    node = &*it;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  if (node->is_null()) return std::nan("");
  if (!node->is_number())
    throw KpiError("summary.json: '" + key + "' is a " + node->type_name() + ", expected a number");
  return node->get<double>();
}

}  // namespace

double compute_kpi(const OutputSpec& o, const CsvTable& t, const nlohmann::json& summary) {
  if (!o.summary.empty()) return summary_value(summary, o.summary);
  const std::size_t col = require_column(t, o.column);
  const std::size_t tick_col = require_column(t, "tick");
  std::vector<double> xs;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const double tick = cell(t, r, tick_col);
    if (o.kind == Aggregate::AtTick) {
      if (tick == o.tick) return cell(t, r, col);
      continue;
    }
    if (tick >= o.from_tick && (o.to_tick < 0 || tick <= o.to_tick)) xs.push_back(cell(t, r, col));
  }
  if (o.kind == Aggregate::AtTick)
    throw KpiError("timeseries.csv has no row with tick " + std::to_string(o.tick));
  if (xs.empty())
    throw KpiError("timeseries.csv has no rows with tick >= " + std::to_string(o.from_tick) +
                   (o.to_tick >= 0 ? " and <= " + std::to_string(o.to_tick) : std::string()) + " for '" +
                   o.name + "'");
  switch (o.kind) {
    case Aggregate::Final:
      return xs.back();
    case Aggregate::First:
      return xs.front();
    case Aggregate::Min:
      return *std::min_element(xs.begin(), xs.end());
    case Aggregate::Max:
      return *std::max_element(xs.begin(), xs.end());
    case Aggregate::Sum:
    case Aggregate::Mean: {
      double s = 0;
      for (double x : xs) s += x;
      return o.kind == Aggregate::Sum ? s : s / static_cast<double>(xs.size());
    }
    case Aggregate::AtTick:
      break;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

std::vector<double> compute_kpis(const std::vector<OutputSpec>& outputs, const CsvTable& t,
                                 const nlohmann::json& summary) {
  std::vector<double> v;
  v.reserve(outputs.size());
  for (const auto& o : outputs) v.push_back(compute_kpi(o, t, summary));
  return v;
}

}  // namespace vicsim::experiments
