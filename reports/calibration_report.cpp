#include "reports/calibration_report.hpp"

#include <cmath>

#include "reports/csv_table.hpp"
#include "reports/display_format.hpp"
#include "reports/provenance.hpp"
#include "reports/report_input_error.hpp"
#include "reports/run_directory.hpp"
#include "reports/vega_specs.hpp"
#include "vicsim_version.hpp"

namespace vicsim::reports {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

double num(const json& j, const char* key) {
  return j.contains(key) && j[key].is_number() ? j[key].get<double>() : std::nan("");
}
std::string str(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

/** The Hessian at the optimum: its eigen-directions, smallest first, with the flat ones marked. */
void hessian_section(HtmlDocument& doc, const json& h) {
  std::vector<std::string> names;
  for (const auto& n : h.value("parameters", json::array())) names.push_back(n.get<std::string>());
  std::string centre =
      h.value("centre_shifted", false)
          ? " The fit lies within one step of a bound, so the stencil's centre is moved inward."
          : "";
  doc.paragraph(
      "Hessian of the objective at the optimum by central differences on seed block 0 (common random "
      "numbers), step " +
      display_number(num(h, "step")) +
      " of each parameter's range, in range-share units (docs/ODD.md 7.59)." + centre +
      " An eigen-direction is flat when its eigenvalue is below " + display_number(num(h, "flat_ratio")) +
      " of the largest or below " + display_number(num(h, "flat_eigenvalue")) +
      " (moving the profiles' width along it raises the objective by less than the flat threshold, "
      "flat_rise or noise_sds residual sds of the least-squares fit, whichever is larger): a "
      "combination of parameters the targets do not pin down. The centre is the fit, the lowest of many "
      "evaluations, so where the objective is bumpy the curvature is biased upward: read it with the "
      "profiles and the spread over seed blocks.");
  std::vector<std::string> header = {"direction", "eigenvalue", "ratio to largest"};
  for (const auto& n : names) header.push_back(n);
  header.push_back("identifiability");
  std::vector<std::vector<Cell>> rows;
  int k = 0;
  for (const auto& d : h.value("directions", json::array())) {
    const bool flat = d.value("flat", false);
    std::vector<Cell> r = {Cell(std::to_string(++k)), Cell(display_number(num(d, "eigenvalue")), "num"),
                           Cell(display_number(num(d, "ratio")), "num")};
    for (const auto& x : d.value("vector", json::array()))
      r.push_back(Cell(display_number(x.get<double>()), "num"));
    r.push_back(Cell(flat ? "FLAT" : "determined", flat ? "worse" : ""));
    rows.push_back(std::move(r));
  }
  doc.html(html_table(header, rows));
  const auto flat = h.value("flat_directions", json::array());
  doc.paragraph(flat.empty()
                    ? "No flat direction in the Hessian."
                    : std::to_string(flat.size()) + " flat direction" + (flat.size() == 1 ? "" : "s") +
                          " in the Hessian (eigenvector components in the table).");
}

}  // namespace

HtmlDocument calibration_report(const fs::path& dir, const ReportContext& ctx) {
  if (!fs::is_regular_file(dir / "fit.json"))
    throw ReportInputError(
        (dir / "fit.json").string() +
        ": missing: the calibration has not finished (run the same `vicsim calibrate` command "
        "again to resume it)");
  const json fit = read_json_file(dir / "fit.json");
  const json man = read_json_file(dir / "calibrate.json");
  const CsvTable trace = CsvTable::read(dir / "trace.csv");
  const std::string name =
      str(fit, "calibration").empty() ? dir.filename().string() : str(fit, "calibration");

  HtmlDocument doc("Calibration: " + name, "vicsim calibrate · " + str(fit, "algorithm") + " · " +
                                               std::to_string(fit.value("evaluations", 0)) + " evaluations");

  // Fit
  doc.section("fit", "Fitted values",
              "The parameters that minimise the weighted squared relative distance of the replication-mean "
              "KPIs from their targets (docs/ODD.md 7.58), on seed block 0, and their spread when the fit is "
              "repeated on other seed blocks.");
  doc.html(html_cards(
      {{"objective", display_number(num(fit, "objective")), "0 is a perfect fit"},
       {"fit evaluations", std::to_string(fit.value("fit_evaluations", 0)), str(fit, "stop_reason")},
       {"replications", std::to_string(fit.value("replications", 0)), "per evaluation"},
       {"seed blocks", std::to_string(fit.value("seed_blocks", 1)), "fit + refits"}}));
  std::vector<std::vector<Cell>> prows;
  for (const auto& p : fit.value("parameters", json::array())) {
    const json spread = p.value("block_spread", json::object());
    const json prof = p.value("profile", json::object());
    std::string ident = "–";
    if (!prof.empty())
      ident = prof.value("flat", false) ? "FLAT (rise " + display_number(num(prof, "rise")) + ")"
                                        : "rise " + display_number(num(prof, "rise"));
    if (prof.value("lower_found", false)) ident += "; a profile point beats the fit";
    const json b = p.value("bounds", json::array());
    const bool refitted = p.value("block_values", json::array()).size() > 1;  // else no spread to show
    // sd 0 from refits that never left their start is no measurement (fit.json "informative").
    const bool measured = refitted && spread.value("informative", true);
    prows.push_back(
        {Cell(str(p, "name")), Cell(display_number(num(p, "value")), "num"),
         Cell(b.size() == 2
                  ? "[" + display_number(b[0].get<double>()) + ", " + display_number(b[1].get<double>()) + "]"
                  : "–"),
         Cell(p.value("at_bound", false) ? "yes" : "no"),
         measured ? Cell(display_number(num(spread, "sd")), "num")
                  : Cell(refitted ? "not measured: no refit left its start" : "–", refitted ? "worse" : ""),
         Cell(
             measured ? display_number(num(spread, "min")) + " – " + display_number(num(spread, "max")) : "–",
             "num"),
         Cell(ident, prof.value("flat", false) ? "worse" : "")});
  }
  doc.html(html_table({"parameter", "fitted", "bounds", "at a bound", "sd over blocks", "range over blocks",
                       "identifiability"},
                      prows));

  // Targets
  doc.section("targets", "Targets", "Each target's replication mean at the fitted values.");
  std::vector<std::vector<Cell>> trows;
  for (const auto& t : fit.value("targets", json::array())) {
    const bool has_tol = t.contains("tolerance") && t["tolerance"].is_number();
    trows.push_back(
        {Cell(str(t, "name")), Cell(display_number(num(t, "value")), "num"),
         Cell(has_tol ? display_number(num(t, "tolerance")) : "relative", "num"),
         Cell(display_number(num(t, "fitted_mean")) + " ± " + display_number(num(t, "fitted_sd")), "num"),
         Cell(display_number(num(t, "distance")), "num"),
         Cell(!has_tol                             ? "–"
              : t.value("within_tolerance", false) ? "yes"
                                                   : "no",
              !has_tol                             ? ""
              : t.value("within_tolerance", false) ? "better"
                                                   : "worse"),
         Cell(str(t, "source"))});
  }
  doc.html(html_table({"target", "value", "tolerance", "fitted mean ± sd", "distance", "within", "source"},
                      trows));

  // Trace
  doc.section("trace", "Trace", "Every evaluation of trace.csv in the order the optimiser asked for it.");
  json rows = json::array();
  const std::size_t eval = trace.require("eval"), stage = trace.require("stage"),
                    block = trace.require("block"), obj = trace.require("objective");
  double best = INFINITY;
  for (std::size_t r = 0; r < trace.rows(); ++r) {
    json row = {{"eval", trace.number(r, eval)},
                {"stage", trace.text(r, stage)},
                {"block", trace.number(r, block)},
                {"objective", trace.number(r, obj)}};
    if (trace.text(r, stage) == "fit") {
      best = std::min(best, trace.number(r, obj));
      row["best"] = best;
    }
    rows.push_back(row);
  }
  if (!rows.empty())
    doc.chart(vega::calibration_trace_chart(std::move(rows)),
              "Objective of each evaluation (symmetric log scale); the line is the best of the fit so far.");

  // Identifiability
  doc.section(
      "identifiability", "Identifiability",
      "1-D profiles of the objective through the optimum, one parameter varied and the others held at "
      "their fitted values (seed block 0). A profile that rises less than " +
          (fit.contains("flat_rise_used") ? display_number(num(fit, "flat_rise_used")) + " ("
                                          : std::string("(")) +
          "the calibration's flat_rise, or noise_sds residual sds of the Hessian's least-squares fit when "
          "that is larger: a rise the seed noise could make) is flagged flat: the targets do not pin that "
          "parameter down.");
  json prof_rows = json::array();
  std::vector<std::string> order;
  const auto profiled = trace.index("profiled");
  for (const auto& p : fit.value("parameters", json::array())) {
    const std::string pname = str(p, "name");
    const auto col = trace.index(pname);
    if (!col || !profiled) continue;
    order.push_back(pname);
    prof_rows.push_back({{"parameter", pname},
                         {"value", num(p, "value")},
                         {"objective", num(fit, "objective")},
                         {"fitted", true}});
    for (std::size_t r = 0; r < trace.rows(); ++r)
      if (trace.text(r, *profiled) == pname)
        prof_rows.push_back({{"parameter", pname},
                             {"value", trace.number(r, *col)},
                             {"objective", trace.number(r, obj)},
                             {"fitted", false}});
  }
  std::vector<std::string> flat;
  for (const auto& f : fit.value("flat_parameters", json::array())) flat.push_back(f.get<std::string>());
  if (prof_rows.size() > order.size()) {
    doc.chart(vega::calibration_profile_chart(std::move(prof_rows), order, 3),
              "Objective along each parameter's profile; the diamond is the fit.");
    std::string msg = flat.empty() ? "No parameter is flagged flat." : "Flagged flat:";
    for (const auto& f : flat) msg += " " + f;
    doc.paragraph(msg);
  } else {
    doc.paragraph("No profiles in this calibration (identifiability.enabled is false).");
  }
  if (fit.contains("hessian") && fit["hessian"].is_object()) hessian_section(doc, fit["hessian"]);

  // Provenance
  doc.section("provenance", "Provenance");
  std::string setline;
  for (const auto& s : fit.value("set", json::array()))
    setline += " --set " + shell_quote(s.get<std::string>());
  doc.html(
      provenance_html({{"calibration file", str(fit, "calibration_file"), true},
                       {"scenario", str(fit, "scenario_file"), true},
                       {"algorithm", str(fit, "algorithm") + " (NLopt " + str(fit, "nlopt_version") + ")"},
                       {"fingerprint", str(man, "fingerprint")},
                       {"calibrated by", "vicsim " + str(fit, "vicsim_version")},
                       {"report by", std::string("vicsim ") + kVersion + " (git " + kGitHash + ")"},
                       {"calibration directory", ctx.source.string(), true},
                       {"report date", ctx.generated_at}},
                      "vicsim calibrate " + shell_quote(str(fit, "calibration_file")) + " --out " +
                          shell_quote(ctx.source.string()) + "\n# the fitted scenario:\nvicsim run " +
                          shell_quote(str(fit, "scenario_file")) + setline + "\n" + ctx.command));
  doc.footer("<p>vicsim calibration report · " + html_escape(name) + "</p>");
  return doc;
}

}  // namespace vicsim::reports
