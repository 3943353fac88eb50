#include "reports/pilot_verdict.hpp"

#include <cmath>

#include "reports/display_format.hpp"

namespace vicsim::reports {

FieldFinding classify_field_estimate(double truth, bool truth_clear, double estimate, bool field_clear,
                                     bool truth_in_range, bool available) {
  if (!available || !std::isfinite(estimate)) return FieldFinding::Unavailable;
  if (!truth_clear) return field_clear ? FieldFinding::Spurious : FieldFinding::CorrectNull;
  if (!field_clear) return FieldFinding::Missed;
  if ((estimate > 0) != (truth > 0)) return FieldFinding::WrongSign;
  return truth_in_range ? FieldFinding::Found : FieldFinding::WrongSize;
}

bool within_factor_two(double estimate, double truth) {
  if (truth == 0) return estimate == 0;
  const double r = estimate / truth;
  return r >= 0.5 && r <= 2.0;
}

std::string finding_phrase(FieldFinding f) {
  switch (f) {
    case FieldFinding::Found:
      return "would have found it";
    case FieldFinding::WrongSize:
      return "would have found an effect of the right sign but the wrong size";
    case FieldFinding::Missed:
      return "would have missed it";
    case FieldFinding::WrongSign:
      return "would have got its sign wrong";
    case FieldFinding::Spurious:
      return "would have claimed an effect that is not there";
    case FieldFinding::CorrectNull:
      return "would correctly have found no clear effect";
    case FieldFinding::Unavailable:
      return "cannot be computed for this design";
  }
  return "";
}

bool additive(const KpiInfo& k) {
  return k.kind == KpiKind::Count ||
         (k.kind == KpiKind::Money && (k.unit == "yuan per month" || k.unit == "yuan"));
}

double cost_denominator(const KpiInfo& k, double treated_mean, double treated_total) {
  if (k.kind == KpiKind::Share) return treated_mean * 100;
  return additive(k) ? treated_total : treated_mean;
}

double cost_per_unit(const KpiInfo& k, double extra_spend, double denominator, bool truth_clear) {
  if (!truth_clear || !(extra_spend > 0) || improvement_sign(k, denominator) <= 0) return std::nan("");
  return extra_spend / std::fabs(denominator);
}

namespace {

std::string amount(const KpiInfo& k, double v) {
  if (k.kind == KpiKind::Share) return display_signed(v * 100) + " points";
  return display_signed(v) +
         (k.unit.empty() || k.unit == "count" || k.kind == KpiKind::Index ? "" : " " + k.unit);
}

}  // namespace

std::vector<std::string> pilot_verdict(const std::string& pilot_name, double extra_spend,
                                       std::size_t replications,
                                       const std::vector<VerdictOutcome>& outcomes) {
  std::vector<std::string> out;
  std::vector<const VerdictOutcome*> clear;
  for (const auto& o : outcomes)
    if (o.truth_clear) clear.push_back(&o);
  const std::string basis =
      replications >= 2 ? "over " + std::to_string(replications) + " paired replications"
                        : "in a single with/without pair (one replication: no confidence interval, so "
                          "\"clear\" only means non-zero; rerun with --pilot-replications 10)";
  if (clear.empty()) {
    out.push_back("What the pilot did: against the same runs without it (" + basis + "), " + pilot_name +
                  " made no clear difference to any outcome in the pilot regions.");
  } else {
    std::string list;
    for (std::size_t i = 0; i < clear.size() && i < 4; ++i) {
      const KpiInfo k = kpi_info(clear[i]->outcome);
      const int s = improvement_sign(k, clear[i]->truth);
      list += (i == 0                                            ? ""
               : i + 1 == std::min<std::size_t>(clear.size(), 4) ? " and "
                                                                 : ", ") +
              k.label + " " + amount(k, clear[i]->truth) +
              (s > 0   ? ""
               : s < 0 ? " (worse)"
                       : "");
    }
    out.push_back("What the pilot did: against the same runs without it (" + basis + "), " + pilot_name +
                  " changed, in the average pilot region, the " + list + ".");
  }
  std::string costs;
  for (std::size_t i = 0; i < clear.size() && i < 4; ++i) {
    const auto* o = clear[i];
    if (!std::isfinite(o->cost)) continue;
    const KpiInfo k = kpi_info(o->outcome);
    costs += (costs.empty() ? "" : "; ") + display_number(o->cost) + " yuan " + cost_phrase(k);
  }
  if (!(extra_spend > 0))
    out.push_back("What it cost: no extra public spending was recorded, so there is no cost per unit.");
  else if (costs.empty())
    out.push_back("What it cost: " + display_number(extra_spend) +
                  " yuan of extra public spending, with no clear gain to divide it by.");
  else
    out.push_back("What it cost: " + display_number(extra_spend) + " yuan of extra public spending, i.e. " +
                  costs + ".");
  // The field evaluation, for the first clear outcome (else the first outcome).
  const VerdictOutcome* focus =
      clear.empty() ? (outcomes.empty() ? nullptr : &outcomes.front()) : clear.front();
  if (focus) {
    const KpiInfo k = kpi_info(focus->outcome);
    std::string s = "Would a field evaluation have found it? For the " + k.label + ", a difference-in-" +
                    "differences on the regional panel " + finding_phrase(focus->did);
    if (focus->did != FieldFinding::Unavailable)
      s += " (estimate " + amount(k, focus->did_estimate) + " against the true " + amount(k, focus->truth) +
           ")";
    if (focus->synthetic != FieldFinding::Unavailable)
      s += "; a synthetic control " + finding_phrase(focus->synthetic) + " (estimate " +
           amount(k, focus->synthetic_estimate) + ")";
    out.push_back(s + ".");
  }
  // Where else the usual DiD would mislead a planner (up to two outcomes).
  std::string misled;
  int named = 0;
  for (const auto& o : outcomes) {
    if (&o == focus || named == 2) continue;
    if (o.did != FieldFinding::WrongSize && o.did != FieldFinding::WrongSign &&
        o.did != FieldFinding::Spurious)
      continue;
    const KpiInfo k = kpi_info(o.outcome);
    misled += std::string(named++ ? "; " : "") + "the " + k.label + " " + amount(k, o.did_estimate) +
              " against the true " + amount(k, o.truth);
  }
  if (!misled.empty())
    out.push_back("Beware: the difference-in-differences would also report " + misled +
                  ", so its numbers must not be used to price the pilot.");
  return out;
}

}  // namespace vicsim::reports
