#include "reports/display_format.hpp"

#include <cmath>
#include <cstdio>

namespace vicsim::reports {

namespace {

std::string printf_g(double x, int sig) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", sig, x);
  return buf;
}

std::string with_thousands(long long v) {
  std::string digits = std::to_string(v < 0 ? -v : v), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (v < 0 ? "-" : "") + out;
}

}  // namespace

std::string display_fixed(double x, int decimals) {
  if (!std::isfinite(x)) return "–";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  std::string s = buf;
  if (s == "-0" || s.find_first_not_of("-0.") == std::string::npos) s = s[0] == '-' ? s.substr(1) : s;
  return s;
}

std::string display_number(double x) {
  if (std::isnan(x)) return "–";
  if (std::isinf(x)) return x > 0 ? "∞" : "-∞";
  const double a = std::fabs(x);
  if (a >= 1e9) return printf_g(x / 1e9, 3) + " bn";
  if (a >= 1e6) return printf_g(x / 1e6, 3) + " M";
  if (a >= 1e3) return with_thousands(std::llround(x));
  if (a == 0) return "0";
  return printf_g(x, 3);
}

std::string display_percent(double share) {
  if (!std::isfinite(share)) return "–";
  return display_fixed(share * 100.0, 1) + "%";
}

std::string display_signed(double x) {
  if (!std::isfinite(x)) return display_number(x);
  const std::string s = display_number(x);
  return x > 0 ? "+" + s : s;
}

}  // namespace vicsim::reports
