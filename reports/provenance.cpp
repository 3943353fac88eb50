#include "reports/provenance.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <sstream>

#include "reports/html_document.hpp"

namespace vicsim::reports {

std::string provenance_html(const std::vector<ProvenanceItem>& items, const std::string& reproduce) {
  std::ostringstream o;
  o << "<dl class=\"prov\">";
  for (const auto& i : items) {
    o << "<dt>" << html_escape(i.label) << "</dt><dd>";
    if (i.code)
      o << "<code>" << html_escape(i.value) << "</code>";
    else
      o << html_escape(i.value);
    o << "</dd>";
  }
  o << "</dl>";
  if (!reproduce.empty()) o << "<h3>Reproduce</h3><pre class=\"cmd\">" << html_escape(reproduce) << "</pre>";
  return o.str();
}

std::string report_timestamp() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) t = static_cast<std::time_t>(std::atoll(e));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

std::string shell_quote(const std::string& w) {
  if (!w.empty() &&
      w.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,+@%") ==
          std::string::npos)
    return w;
  std::string q = "'";
  for (char c : w) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

}  // namespace vicsim::reports
