#include "experiments/analysis.hpp"

#include <algorithm>
#include <cmath>

#include "experiments/condition.hpp"
#include "experiments/design_random.hpp"
#include "experiments/prim.hpp"
#include "experiments/sensitivity.hpp"
#include "reports/csv_field.hpp"
#include "reports/number_format.hpp"

namespace vicsim::experiments {

using reports::csv_field;

namespace {

nlohmann::json estimate_json(const Estimate& e) {
  auto num = [](double x) { return std::isnan(x) ? nlohmann::json(nullptr) : nlohmann::json(x); };
  return {{"estimate", num(e.value)}, {"ci_low", num(e.low)}, {"ci_high", num(e.high)}};
}

std::string csv_number(const nlohmann::json& j) {
  return j.is_number() ? reports::format_number(j.get<double>()) : "NA";
}

}  // namespace

bool has_sensitivity(const Experiment& e) {
  return e.design.kind == DesignType::Morris || e.design.kind == DesignType::Sobol;
}

std::vector<std::vector<double>> point_means(const SweepData& d) {
  const std::size_t n_kpi = d.experiment.outputs.size();
  std::vector<std::vector<double>> sum(n_kpi, std::vector<double>(d.design.size(), 0.0));
  std::vector<std::vector<std::size_t>> count(n_kpi, std::vector<std::size_t>(d.design.size(), 0));
  for (const auto& r : d.records) {
    if (r.status != "ok") continue;
    const auto v = kpi_values(r);
    const auto p = static_cast<std::size_t>(r.point);
    for (std::size_t m = 0; m < n_kpi; ++m)
      if (!std::isnan(v[m])) {
        sum[m][p] += v[m];
        ++count[m][p];
      }
  }
  for (std::size_t m = 0; m < n_kpi; ++m)
    for (std::size_t p = 0; p < d.design.size(); ++p)
      sum[m][p] = count[m][p] ? sum[m][p] / static_cast<double>(count[m][p]) : std::nan("");
  return sum;
}

nlohmann::json sensitivity_json(const SweepData& d) {
  const auto& e = d.experiment;
  const std::size_t k = e.factors.size();
  const auto means = point_means(d);
  nlohmann::json out = {{"experiment", e.name},
                        {"design", e.design.type},
                        {"estimates_from", "mean of the successful replications at each design point"},
                        {"bootstrap", e.design.bootstrap},
                        {"confidence", e.design.confidence},
                        {"kpis", nlohmann::json::array()}};
  if (e.design.kind == DesignType::Morris) {
    out["levels"] = e.design.levels;
    out["trajectories"] = e.design.trajectories;
    out["units"] = "output units per factor range (elementary effects on the unit cube)";
  } else {
    out["base_samples"] = e.design.base_samples;
    out["estimators"] = "first order: Saltelli et al. (2010); total: Jansen (1999)";
  }
  for (std::size_t m = 0; m < e.outputs.size(); ++m) {
    const auto seed = experiment_rng(e.seed, ExperimentStream::Bootstrap, m, 2).next_u64();
    const auto boots = static_cast<std::size_t>(e.design.bootstrap);
    nlohmann::json kpi = {{"kpi", e.outputs[m].name}, {"factors", nlohmann::json::array()}};
    if (e.design.kind == DesignType::Morris) {
      const auto idx = morris_indices(d.design, means[m], k, boots, e.design.confidence, seed);
      for (std::size_t j = 0; j < k; ++j)
        kpi["factors"].push_back({{"factor", e.factors[j].name},
                                  {"effects", idx[j].effects},
                                  {"mu", estimate_json(idx[j].mu)},
                                  {"mu_star", estimate_json(idx[j].mu_star)},
                                  {"sigma", estimate_json(idx[j].sigma)}});
    } else {
      const auto s = sobol_indices(means[m], k, boots, e.design.confidence, seed);
      kpi["samples"] = s.samples;
      kpi["variance"] = std::isnan(s.variance) ? nlohmann::json(nullptr) : nlohmann::json(s.variance);
      for (std::size_t j = 0; j < k; ++j)
        kpi["factors"].push_back({{"factor", e.factors[j].name},
                                  {"S1", estimate_json(s.factors[j].first)},
                                  {"ST", estimate_json(s.factors[j].total)}});
    }
    out["kpis"].push_back(std::move(kpi));
  }
  return out;
}

std::string sensitivity_csv(const nlohmann::json& s) {
  std::string out = "kpi,factor,index,estimate,ci_low,ci_high\n";
  for (const auto& kpi : s["kpis"])
    for (const auto& f : kpi["factors"])
      for (const char* index : {"mu", "mu_star", "sigma", "S1", "ST"}) {
        if (!f.contains(index)) continue;
        const auto& e = f[index];
        out += csv_field(kpi["kpi"].get<std::string>()) + "," + csv_field(f["factor"].get<std::string>()) +
               "," + index + "," + csv_number(e["estimate"]) + "," + csv_number(e["ci_low"]) + "," +
               csv_number(e["ci_high"]) + "\n";
      }
  return out;
}

std::vector<FactorColumn> factor_columns(const Experiment& e) {
  std::vector<FactorColumn> cols;
  for (const auto& f : e.factors) {
    FactorColumn c{f.name, {}};
    if (f.kind == FactorKind::Levels)
      for (std::size_t l = 0; l < f.levels.size(); ++l)
        c.levels.push_back(f.levels[l].is_string() ? f.levels[l].get<std::string>() : f.levels[l].dump());
    cols.push_back(std::move(c));
  }
  return cols;
}

nlohmann::json prim_json(const reports::CsvTable& t, const std::vector<FactorColumn>& factors,
                         const ConditionSpec& condition, const DiscoverySpec& o) {
  auto column = [&](const std::string& name) {
    if (auto c = t.index(name)) return *c;
    throw DiscoveryError("results.csv has no column '" + name + "'");
  };
  std::vector<std::size_t> fcol;
  for (const auto& f : factors) fcol.push_back(column(f.name));
  std::vector<std::string> kpis{condition.kpi};
  if (!condition.other_kpi.empty()) kpis.push_back(condition.other_kpi);
  std::vector<std::size_t> kcol;
  for (const auto& k : kpis) kcol.push_back(column(k));
  const auto status = t.index("status");

  std::vector<std::vector<double>> x;
  std::vector<bool> y;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    if (status && t.text(r, *status) != "ok") continue;
    std::vector<double> kv;
    for (auto c : kcol) kv.push_back(t.number(r, c));
    const auto holds = evaluate(condition, kpis, kv);
    if (!holds) continue;
    std::vector<double> p;
    for (std::size_t j = 0; j < factors.size(); ++j) {
      const auto& text = t.text(r, fcol[j]);
      const auto& levels = factors[j].levels;
      if (!levels.empty()) {
        const auto it = std::find(levels.begin(), levels.end(), text);
        if (it == levels.end())
          throw DiscoveryError("results.csv row " + std::to_string(r + 1) + ": '" + text +
                               "' is not a level of factor '" + factors[j].name + "'");
        p.push_back(static_cast<double>(it - levels.begin()));
      } else {
        const double v = reports::parse_number(text);
        if (std::isnan(v))
          throw DiscoveryError("results.csv row " + std::to_string(r + 1) + ": factor '" + factors[j].name +
                               "' is '" + text + "', expected a number");
        p.push_back(v);
      }
    }
    x.push_back(std::move(p));
    y.push_back(*holds);
  }
  PrimOptions po{o.peel_alpha, o.paste_alpha, o.min_mass, o.threshold, static_cast<std::size_t>(o.max_boxes)};
  const auto res = prim(x, y, po);
  auto box_json = [](const PrimBox& b) {
    return nlohmann::json{{"coverage", b.coverage},
                          {"density", b.density},
                          {"mass", b.mass},
                          {"points", b.points},
                          {"true_points", b.true_points}};
  };
  nlohmann::json out = {{"condition", describe(condition)},
                        {"method", "PRIM (Friedman & Fisher 1999): peeling, pasting, covering"},
                        {"peel_alpha", o.peel_alpha},
                        {"paste_alpha", o.paste_alpha},
                        {"min_mass", o.min_mass},
                        {"threshold", o.threshold},
                        {"points", res.points},
                        {"true_points", res.true_points},
                        {"boxes", nlohmann::json::array()}};
  for (std::size_t b = 0; b < res.boxes.size(); ++b) {
    const auto& s = res.boxes[b];
    nlohmann::json box = box_json(s.box);
    box["box"] = b + 1;
    box["limits"] = nlohmann::json::array();
    for (std::size_t j = 0; j < factors.size(); ++j) {
      nlohmann::json lim = {{"factor", factors[j].name},
                            {"low", s.box.low[j]},
                            {"high", s.box.high[j]},
                            {"restricted", bool(s.box.restricted[j])}};
      if (!factors[j].levels.empty()) {  // the levels inside the box (low and high are level indices)
        nlohmann::json inside = nlohmann::json::array();
        for (std::size_t l = 0; l < factors[j].levels.size(); ++l)
          if (static_cast<double>(l) >= s.box.low[j] && static_cast<double>(l) <= s.box.high[j])
            inside.push_back(factors[j].levels[l]);
        lim["levels"] = inside;
      }
      box["limits"].push_back(lim);
    }
    box["trajectory_chosen"] = s.chosen;
    box["trajectory"] = nlohmann::json::array();
    for (const auto& step : s.trajectory) box["trajectory"].push_back(box_json(step));
    out["boxes"].push_back(box);
  }
  return out;
}

std::string prim_csv(const nlohmann::json& p) {
  std::string out = "box,factor,low,high,restricted,coverage,density,mass\n";
  for (const auto& b : p["boxes"])
    for (const auto& l : b["limits"])
      out += std::to_string(b["box"].get<int>()) + "," + csv_field(l["factor"].get<std::string>()) + "," +
             csv_number(l["low"]) + "," + csv_number(l["high"]) + "," +
             (l["restricted"].get<bool>() ? "true" : "false") + "," + csv_number(b["coverage"]) + "," +
             csv_number(b["density"]) + "," + csv_number(b["mass"]) + "\n";
  return out;
}

}  // namespace vicsim::experiments
