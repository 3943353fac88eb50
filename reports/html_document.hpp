#pragma once
/** @file One self-contained HTML page: sections of markup and Vega-Lite charts, with the chart libraries
 * and styles inlined. The page records JavaScript errors and, once every chart has rendered, sets a status
 * marker (#report-status data-status="ok"|"error") that the browser tests read. */
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "reports/vega_assets.hpp"

namespace vicsim::reports {

/** @brief Escapes &, <, >, " and ' for HTML text and attribute values. */
std::string html_escape(std::string_view text);

/** @brief A table cell: its text (escaped when rendered) and an optional CSS class. */
struct Cell {
  std::string text;
  std::string css_class;
  Cell(std::string t = {}, std::string c = {}) : text(std::move(t)), css_class(std::move(c)) {}
  Cell(const char* t) : text(t) {}
};

/** @brief An HTML table from a header and rows of cells (numbers right-aligned via class "num"). */
std::string html_table(const std::vector<std::string>& header, const std::vector<std::vector<Cell>>& rows,
                       const std::string& css_class = "data");

/** @brief A row of headline cards: label, value, and a small note under the value. */
struct Card {
  std::string label, value, note;
};
/** @brief The markup of a row of cards. */
std::string html_cards(const std::vector<Card>& cards);

/** @brief Builds the page. Charts are Vega-Lite specs embedded as JSON and rendered by vega-embed. */
class HtmlDocument {
 public:
  /** @brief `title` heads the page; `subtitle` is one line under it. */
  HtmlDocument(std::string title, std::string subtitle);

  /** @brief Starts a new section (closing the previous one); `id` is its anchor in the contents bar. */
  void section(const std::string& id, const std::string& heading, const std::string& lead_html = {});
  /** @brief Appends markup (already escaped) to the current section. */
  void html(const std::string& markup);
  /** @brief Appends a paragraph of plain text (escaped here). */
  void paragraph(const std::string& text);
  /** @brief Appends a chart with a caption (plain text); `renderer` is "svg" or "canvas". */
  void chart(nlohmann::json vega_lite_spec, const std::string& caption, const std::string& renderer = "svg");
  /** @brief Appends markup to the footer. */
  void footer(const std::string& markup);

  /** @brief Number of charts so far. */
  std::size_t charts() const { return charts_.size(); }
  /** @brief The whole page with the libraries inlined. */
  std::string render(const VegaAssets& assets) const;

 private:
  struct Section {
    std::string id, heading, body;
  };
  std::string title_, subtitle_, footer_;
  std::vector<Section> sections_;
  nlohmann::json charts_ = nlohmann::json::array();
};

}  // namespace vicsim::reports
