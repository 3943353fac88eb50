#include "experiments/condition.hpp"

#include <algorithm>
#include <cmath>
#include <regex>
#include <string_view>

#include "reports/csv_table.hpp"
#include "reports/number_format.hpp"

namespace vicsim::experiments {

std::optional<ConditionSpec> parse_condition(const std::string& text, std::string& error) {
  static const std::regex re(
      R"(^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*(>=|<=|==|!=|>|<)\s*(?:([-+0-9.eE]+)\s*\*\s*)?([^\s*]+)\s*$)");
  std::smatch m;
  if (!std::regex_match(text, m, re)) {
    error = "expected 'KPI OP VALUE' or 'KPI OP [SCALE *] OTHER_KPI' with OP one of > >= < <= == !=, got '" +
            text + "'";
    return std::nullopt;
  }
  ConditionSpec c;
  c.kpi = m[1];
  c.op = m[2];
  const std::string rhs = m[4];
  const double num = reports::parse_number(rhs);
  if (m[3].matched) {
    const double scale = reports::parse_number(m[3].str());
    if (std::isnan(scale)) {
      error = "'" + std::string(m[3]) + "' is not a number";
      return std::nullopt;
    }
    if (!std::isfinite(scale)) {
      error = "'" + std::string(m[3]) + "' is not a finite number";
      return std::nullopt;
    }
    c.scale = scale;
    c.other_kpi = rhs;
  } else if (!std::isnan(num) && !rhs.empty()) {
    if (!std::isfinite(num)) {  // "inf", or 1e999 out of range: no run's KPI can be compared with it
      error = "'" + rhs + "' is not a finite number";
      return std::nullopt;
    }
    c.value = num;
  } else if (std::string_view("0123456789+-.").find(rhs[0]) != std::string_view::npos) {  // not a KPI name
    error = "'" + rhs + "' is neither a finite number nor a KPI name";
    return std::nullopt;
  } else {
    c.other_kpi = rhs;
  }
  return c;
}

std::optional<bool> evaluate(const ConditionSpec& c, const std::vector<std::string>& names,
                             const std::vector<double>& values) {
  auto get = [&](const std::string& n) -> double {
    const auto it = std::find(names.begin(), names.end(), n);
    return it == names.end() ? std::nan("") : values[static_cast<std::size_t>(it - names.begin())];
  };
  const double a = get(c.kpi);
  const double b = c.value ? *c.value : c.scale * get(c.other_kpi);
  if (std::isnan(a) || std::isnan(b)) return std::nullopt;
  if (c.op == ">") return a > b;
  if (c.op == ">=") return a >= b;
  if (c.op == "<") return a < b;
  if (c.op == "<=") return a <= b;
  if (c.op == "==") return a == b;
  return a != b;
}

std::string describe(const ConditionSpec& c) {
  std::string rhs = c.value ? reports::format_number(*c.value)
                            : (c.scale == 1.0 ? "" : reports::format_number(c.scale) + " * ") + c.other_kpi;
  return c.kpi + " " + c.op + " " + rhs;
}

}  // namespace vicsim::experiments
