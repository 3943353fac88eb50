#include "reports/pilot_report.hpp"

namespace vicsim::reports {

void add_pilot_sections(HtmlDocument& doc, const RunDirectory&) { doc.section("pilot", "Pilot program"); }

}  // namespace vicsim::reports
