#include "reports/sweep_report.hpp"

#include "reports/report_input_error.hpp"

namespace vicsim::reports {

HtmlDocument sweep_report(const std::filesystem::path& dir, const ReportContext&) {
  throw ReportInputError(dir.string() + ": sweep reports are not implemented yet");
}

}  // namespace vicsim::reports
