#pragma once
/** @file accounts.csv, stocks.csv and goods.csv: the stock-flow ledger of a run (docs/ODD.md 7.28), recorded
 * every tick while the model runs (the model checks the identities; this only writes them down). */
#include <ostream>
#include <utility>
#include <vector>

#include "agents/simulation_run.hpp"

namespace vicsim::reports {

/** @brief Observer copying each tick's flow matrix and end-of-month stocks from the model's ledger. */
class AccountsRecorder : public agents::RunObserver {
 public:
  /** @brief Records `model`'s ledger (which must outlive the recorder), starting with the opening stocks
   * as tick 0. */
  explicit AccountsRecorder(const agents::ClusterModel& model);
  void on_tick(const sim::World& w, const sim::TickMetrics& m, const sim::UndirectedSnapshot& s) override;
  /** @brief Writes tick,payer,payee,flow,amount: one row per non-zero flow, yuan. */
  void write_accounts_csv(std::ostream& out) const;
  /** @brief Writes tick,sector,stock,value: end-of-month stocks (yuan; inventory units in units). */
  void write_stocks_csv(std::ostream& out) const;
  /** @brief Writes tick,flow,units: the month's goods movements (production, imports, deliveries, losses,
   * inputs received, used and scrapped; units summed over types), so the goods identities can be re-checked
   * against the stocks. */
  void write_goods_csv(std::ostream& out) const;

 private:
  struct Flow {
    std::int32_t tick;
    sim::Sector payer, payee;
    sim::FlowKind kind;
    double amount;
  };
  struct Stock {
    std::int32_t tick;
    sim::Sector sector;
    const char* name;
    double value;
  };
  void record_stocks(std::int32_t tick);
  const agents::ClusterModel& model_;
  std::vector<Flow> flows_;
  std::vector<Stock> stocks_;
  std::vector<std::pair<std::int32_t, sim::GoodsFlows>> goods_;
};

}  // namespace vicsim::reports
