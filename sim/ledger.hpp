#pragma once
/** @file The stock-flow ledger (docs/ODD.md 7.28): every payment of a tick as payer sector × payee
 * sector × flow kind, the sectors' end-of-month stocks, and the check of the accounting identities
 * (Godley & Lavoie 2007, ch. 2; Caiani et al. 2016). The model records flows; the check runs every tick. */
#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace vicsim::sim {

/** @brief Institutional sectors. Households also stand for the workers and owners of the services the
 * model does not represent as agents (transport, cloud, construction, public works); the rest of the
 * world sells the inputs the cluster's firms cannot make (imports) and buys its final goods (exports).
 * World is the economy outside the model: its only flow is the world income it pays the rest of the world
 * (7.95), so its deposits are minus that income summed, the term that closes the money identity. */
enum class Sector : std::uint8_t { Firms = 0, Platforms, Households, Government, Lender, RestOfWorld, World };
inline constexpr std::size_t kSectors = 7;

/** @brief Kinds of flow. All move money except WriteOff, which cancels a loan (a stock revaluation). */
enum class FlowKind : std::uint8_t {
  Wages = 0,      ///< firms → households: labour cost
  Rent,           ///< firms → households: land cost × overhead factor
  Services,       ///< → households: transport and search cost, spot premium, rework, markdown, relocation
  Cloud,          ///< firms → households: cloud subscription
  Purchases,      ///< firms → firms: inputs delivered on supply ties, at the supplier's price
  SpotPurchases,  ///< firms → firms: inputs bought on the spot market, at the type's mean price
  FinalSales,     ///< households → firms: final demand served
  DispatchTransfer,  ///< firms → firms: the sender pays the receiver for dispatched units
  Commission,        ///< firms → platforms: commission on brokered supply ties
  MarketplaceFee,    ///< firms → platforms: fee on spot purchases through a marketplace
  DispatchFee,       ///< firms → platforms: commission on dispatched units
  EntryFee,          ///< firms → platforms: one-off joining fee
  OperatingCost,     ///< platforms → households: staff, members, compute, uplink, edge
  Investment,        ///< platforms → households: capacity bought up front
  Subsidy,           ///< government → firms (vouchers) and platforms (cultivation, interconnection)
  PublicSpending,    ///< government → households: infrastructure works, supervision
  Equity,            ///< households → firms, platforms: entrants' and launched platforms' capital
  Liquidation,       ///< firms, platforms → households: cash left at exit or failure
  Interest,          ///< firms, platforms → lender
  Loan,              ///< lender → firms, platforms: new credit (overdraft turned into a loan)
  Repayment,         ///< firms, platforms → lender
  WriteOff,          ///< lender → firms, platforms: loans cancelled at exit or failure (no cash moves)
  Imports,           ///< firms → rest of world: spot inputs no firm of the cluster could make
  AppSubscription,   ///< firms → platforms: monthly subscription to a platform's shared apps (7.66)
  Dividends,         ///< firms, platforms → households: profits paid to owners (income_wealth consumption)
  Exports,           ///< rest of world → firms: final goods bought out of its receipts (7.70, 7.85)
  LogisticsFee,      ///< firms → platforms: fee on shipments through a platform's shared logistics (7.60)
  CrossBorderFee,    ///< firms → platforms: monthly fee for a platform's cross-border matchmaking (7.78)
  ConsumerImports,   ///< households → rest of world: foreign goods bought out of consumption (7.85)
  WorldIncome,       ///< world → rest of world: foreign income spent on the cluster's goods (7.95)
  InPlantService,    ///< firms → platforms: monthly price of in-plant digital services (7.102)
};
inline constexpr std::size_t kFlowKinds = 31;

/** @brief Sector name as written in accounts.csv and stocks.csv. */
std::string_view sector_name(Sector s);
/** @brief Flow kind name as written in accounts.csv. */
std::string_view flow_name(FlowKind k);

/** @brief End-of-month stocks of one sector. */
struct SectorStocks {
  double deposits = 0.0;  ///< money held, yuan (negative: net debt outside the lender's loans)
  double loans = 0.0;     ///< lender's loans: a liability of firms and platforms, the lender's asset (yuan)
  double inventory_units = 0.0;  ///< input stocks carried to next month (firms, units)
  double inventory_value = 0.0;  ///< the same at the supplier types' mean prices (yuan)
  double finished_units = 0.0;   ///< finished goods carried to next month (firms, units)
  double finished_value = 0.0;   ///< the same at their makers' unit cost (yuan)
};

/** @brief Goods movements of one tick, in units summed over firm types. Production is counted by
 * producers; deliveries by the receivers (customers' ties, spot purchases, households). */
struct GoodsFlows {
  double production = 0.0;  ///< units produced
  double imports = 0.0;     ///< units bought from the rest of the world
  double deliveries = 0.0;  ///< units received by buyers
  double losses = 0.0;      ///< finished units scrapped: personalised overshoot, obsolescence, stock of exits
  double inputs_in = 0.0;   ///< inputs received by firms (units)
  double inputs_used = 0.0;  ///< inputs consumed by production (units)
  double inputs_lost = 0.0;  ///< input stocks scrapped when their firm exits (units)
};

/** @brief An identity that failed: which tick, which sector (or "goods"), and by how much. */
struct LedgerViolation {
  std::int32_t tick = 0;
  std::string sector;    ///< sector name, "all sectors" or "goods"
  std::string identity;  ///< what was checked
  double gap = 0.0;      ///< stock change minus net flows (yuan or units)
  double scale = 0.0;    ///< the magnitude the gap is relative to
};

/** @brief Thrown by the model when an identity fails; `vicsim` turns it into exit 1. */
struct StockFlowViolation : std::runtime_error {
  explicit StockFlowViolation(const LedgerViolation& v);
  LedgerViolation violation;
};

/** @brief Per-tick flow matrix payer × payee × kind, goods movements, and stocks. */
class Ledger {
 public:
  using Matrix = std::array<std::array<std::array<double, kFlowKinds>, kSectors>, kSectors>;

  /** @brief Relative tolerance of the identities. */
  static constexpr double kTolerance = 1e-9;

  /** @brief Sets the stocks the first tick's changes are measured from. */
  void open(const std::array<SectorStocks, kSectors>& stocks);
  /** @brief Starts tick `tick`. Flows recorded since the last close (between ticks, e.g. a forced join)
   * belong to it. */
  void begin_tick(std::int32_t tick) { tick_ = tick; }
  /** @brief Records a payment of `yuan` (must be ≥ 0; zero is ignored). Households' and the lender's
   * deposits follow from their flows (they take no decisions), so they are updated here. */
  void pay(Sector payer, Sector payee, FlowKind kind, double yuan);
  /** @brief Goods movements of this tick, filled by trade. */
  GoodsFlows& goods() { return goods_; }
  const GoodsFlows& goods() const { return goods_; }
  /** @brief Household deposits (yuan), carried by the ledger. */
  double household_deposits() const { return household_deposits_; }
  /** @brief Lender deposits: interest and repayments in minus loans out (yuan; negative = credit created). */
  double lender_deposits() const { return lender_deposits_; }
  /** @brief Rest-of-world deposits: what the cluster paid for imports (yuan). */
  double rest_of_world_deposits() const { return row_deposits_; }
  /** @brief World deposits: minus the world income paid to the rest of the world so far (yuan, ≤ 0). */
  double world_deposits() const { return world_deposits_; }

  /** @brief Checks this tick's identities against `stocks` (the end-of-month stocks of firms, platforms
   * and government measured from their own state, households and lender from the ledger), then keeps
   * them as the base of the next tick. Returns the first violation beyond kTolerance. */
  std::optional<LedgerViolation> close_tick(const std::array<SectorStocks, kSectors>& stocks);

  std::int32_t tick() const { return tick_; }
  /** @brief Flows of the last closed tick (yuan). */
  const Matrix& flows() const { return last_flows_; }
  /** @brief Goods movements of the last closed tick (units). */
  const GoodsFlows& closed_goods() const { return last_goods_; }
  /** @brief Stocks at the end of the last closed tick. */
  const std::array<SectorStocks, kSectors>& stocks() const { return stocks_; }
  /** @brief Net money into sector s in `m` (inflows − outflows; write-offs excluded). */
  static double net_cash_flow(const Matrix& m, Sector s);
  /** @brief Change of sector s's loans implied by the flows `m` (new − repaid − written off). */
  static double loan_flow(const Matrix& m, Sector s);

 private:
  std::int32_t tick_ = 0;
  Matrix flows_{}, last_flows_{};
  GoodsFlows goods_{}, last_goods_{};
  std::array<SectorStocks, kSectors> stocks_{};
  double household_deposits_ = 0.0;
  double lender_deposits_ = 0.0;
  double row_deposits_ = 0.0;
  double world_deposits_ = 0.0;
};

}  // namespace vicsim::sim
