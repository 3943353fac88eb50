#include "experiments/run_record.hpp"

#include <cmath>

#include "reports/csv_field.hpp"
#include "reports/csv_table.hpp"
#include "reports/number_format.hpp"

namespace vicsim::experiments {

using reports::csv_field;

namespace {
RunRecord base_record(const PlannedRun& run) {
  RunRecord r;
  r.run_id = run.run_id;
  r.point = run.point;
  r.replication = run.replication;
  r.seed = run.seed;
  for (const auto& v : run.values) r.factors.push_back(v.csv_text);
  return r;
}
}  // namespace

RunRecord make_record(const PlannedRun& run, const std::vector<double>& kpis) {
  RunRecord r = base_record(run);
  for (double x : kpis) r.kpis.push_back(reports::format_number(x));
  return r;
}

RunRecord failed_record(const PlannedRun& run, std::size_t n_kpis, const std::string& error) {
  RunRecord r = base_record(run);
  r.kpis.assign(n_kpis, "NA");
  r.status = "failed";
  r.error = error;
  return r;
}

nlohmann::json to_json(const RunRecord& r) {
  nlohmann::json j = {{"run_id", r.run_id}, {"point", r.point},     {"replication", r.replication},
                      {"seed", r.seed},     {"factors", r.factors}, {"kpis", r.kpis},
                      {"status", r.status}, {"error", r.error}};
  if (r.transient) j["transient"] = true;
  return j;
}

RunRecord record_from_json(const nlohmann::json& j) {
  RunRecord r;
  r.run_id = j.at("run_id").get<std::int64_t>();
  r.point = j.at("point").get<std::int64_t>();
  r.replication = j.at("replication").get<std::int32_t>();
  r.seed = j.at("seed").get<std::uint64_t>();
  r.factors = j.at("factors").get<std::vector<std::string>>();
  r.kpis = j.at("kpis").get<std::vector<std::string>>();
  r.status = j.at("status").get<std::string>();
  r.error = j.at("error").get<std::string>();
  r.transient = j.value("transient", false);
  return r;
}

std::string results_header(const Experiment& e) {
  std::string h = "run_id,point,replication,seed";
  for (const auto& f : e.factors) h += "," + csv_field(f.name);
  for (const auto& o : e.outputs) h += "," + csv_field(o.name);
  return h + ",status,error\n";
}

std::string results_row(const RunRecord& r) {
  std::string s = std::to_string(r.run_id) + "," + std::to_string(r.point) + "," +
                  std::to_string(r.replication) + "," + std::to_string(r.seed);
  for (const auto& f : r.factors) s += "," + csv_field(f);
  for (const auto& k : r.kpis) s += "," + csv_field(k);
  return s + "," + r.status + "," + csv_field(r.error) + "\n";
}

std::vector<double> kpi_values(const RunRecord& r) {
  std::vector<double> v;
  for (const auto& k : r.kpis) v.push_back(reports::parse_number(k));
  return v;
}

}  // namespace vicsim::experiments
