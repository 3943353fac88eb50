#pragma once
/** @file What every report builder gets besides its input directory. */
#include <filesystem>
#include <string>

namespace vicsim::reports {

/** @brief The invocation a report records in its provenance. */
struct ReportContext {
  std::filesystem::path source;  ///< the directory reported on, as given
  std::filesystem::path out;     ///< the HTML file being written, as given
  std::string command;           ///< the `vicsim report ...` command line
  std::string generated_at;      ///< report_timestamp()
};

}  // namespace vicsim::reports
