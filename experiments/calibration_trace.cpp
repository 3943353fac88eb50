#include "experiments/calibration_trace.hpp"

#include <cmath>

#include "reports/csv_field.hpp"
#include "reports/number_format.hpp"

namespace vicsim::experiments {

using reports::csv_field;

std::string trace_header(const Calibration& c) {
  std::string h = "eval,stage,block,profiled";
  for (const auto& p : c.parameters) h += "," + csv_field(p.name);
  h += ",objective,status";
  for (const auto& t : c.targets) h += "," + csv_field(t.name + "_mean") + "," + csv_field(t.name + "_sd");
  return h + ",error\n";
}

std::string trace_line(const TraceRow& r) {
  std::string s =
      std::to_string(r.eval) + "," + r.stage + "," + std::to_string(r.block) + "," + csv_field(r.profiled);
  for (const auto& v : r.values) s += "," + csv_field(v);
  s += "," + csv_field(r.objective) + "," + r.status;
  for (std::size_t k = 0; k < r.means.size(); ++k)
    s += "," + csv_field(r.means[k]) + "," + csv_field(r.sds[k]);
  return s + "," + csv_field(r.error) + "\n";
}

std::vector<TraceRow> read_trace(const reports::CsvTable& t, const Calibration& c) {
  std::vector<TraceRow> rows;
  const auto expected = reports::CsvTable::parse(trace_header(c), "trace.csv").header();
  if (t.header() != expected) return rows;
  const std::size_t np = c.parameters.size(), nt = c.targets.size();
  auto finite = [](const std::string& s) { return std::isfinite(reports::parse_number(s)); };
  for (std::size_t i = 0; i < t.rows(); ++i) {
    TraceRow r;
    std::size_t col = 0;
    const std::string eval = t.text(i, col++);
    if (eval != std::to_string(rows.size())) break;
    r.eval = static_cast<std::int64_t>(rows.size());
    r.stage = t.text(i, col++);
    if (r.stage != "fit" && r.stage != "refit" && r.stage != "profile" && r.stage != "hessian") break;
    const std::string block = t.text(i, col++);
    if (block.empty() || block.find_first_not_of("0123456789") != std::string::npos || block.size() > 6)
      break;
    r.block = std::stoi(block);
    r.profiled = t.text(i, col++);
    bool ok = true;
    for (std::size_t p = 0; p < np; ++p) {
      r.values.push_back(t.text(i, col++));
      ok = ok && finite(r.values.back());
    }
    r.objective = t.text(i, col++);
    r.status = t.text(i, col++);
    ok = ok && finite(r.objective) && (r.status == "ok" || r.status == "failed");
    for (std::size_t k = 0; k < nt; ++k) {
      r.means.push_back(t.text(i, col++));
      r.sds.push_back(t.text(i, col++));
    }
    r.error = t.text(i, col++);
    if (!ok) break;
    rows.push_back(std::move(r));
  }
  return rows;
}

bool same_candidate(const TraceRow& a, const TraceRow& b) {
  return a.stage == b.stage && a.block == b.block && a.profiled == b.profiled && a.values == b.values;
}

}  // namespace vicsim::experiments
