#include "reports/tidy_csv.hpp"

#include <vector>

#include "reports/csv_field.hpp"
#include "reports/kpi_catalog.hpp"

namespace vicsim::reports {

void write_tidy_csv(std::ostream& out, const CsvTable& t, const std::set<std::string>& factors) {
  std::vector<std::size_t> ids, metrics;
  for (std::size_t c = 0; c < t.header().size(); ++c) {
    const std::string& name = t.header()[c];
    const bool id = is_identifier_column(name) || !t.is_numeric(c) || name.find('.') != std::string::npos ||
                    factors.count(name) > 0;
    (id ? ids : metrics).push_back(c);
  }
  for (std::size_t c : ids) out << csv_field(t.header()[c]) << ',';
  out << "metric,value\n";
  for (std::size_t r = 0; r < t.rows(); ++r)
    for (std::size_t m : metrics) {
      for (std::size_t c : ids) out << csv_field(t.text(r, c)) << ',';
      out << csv_field(t.header()[m]) << ',' << (t.text(r, m).empty() ? "NA" : csv_field(t.text(r, m)))
          << '\n';
    }
}

}  // namespace vicsim::reports
