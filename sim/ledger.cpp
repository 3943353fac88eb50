#include "sim/ledger.hpp"

#include <cmath>
#include <sstream>

namespace vicsim::sim {

std::string_view sector_name(Sector s) {
  static constexpr std::array<std::string_view, kSectors> names{
      "firms", "platforms", "households", "government", "lender", "rest_of_world", "world"};
  return names[static_cast<std::size_t>(s)];
}

std::string_view flow_name(FlowKind k) {
  static constexpr std::array<std::string_view, kFlowKinds> names{"wages",
                                                                  "rent",
                                                                  "services",
                                                                  "cloud",
                                                                  "purchases",
                                                                  "spot_purchases",
                                                                  "final_sales",
                                                                  "dispatch_transfer",
                                                                  "commission",
                                                                  "marketplace_fee",
                                                                  "dispatch_fee",
                                                                  "entry_fee",
                                                                  "operating_cost",
                                                                  "investment",
                                                                  "subsidy",
                                                                  "public_spending",
                                                                  "equity",
                                                                  "liquidation",
                                                                  "interest",
                                                                  "loan",
                                                                  "repayment",
                                                                  "write_off",
                                                                  "imports",
                                                                  "app_subscription",
                                                                  "dividends",
                                                                  "exports",
                                                                  "logistics_fee",
                                                                  "cross_border_fee",
                                                                  "consumer_imports",
                                                                  "world_income",
                                                                  "in_plant_service"};
  return names[static_cast<std::size_t>(k)];
}

namespace {
std::string describe(const LedgerViolation& v) {
  std::ostringstream s;
  s.precision(17);
  s << "stock-flow check failed at tick " << v.tick << ", sector " << v.sector << ": " << v.identity
    << " is off by " << v.gap << " (relative " << (v.scale > 0.0 ? std::fabs(v.gap) / v.scale : 0.0)
    << ", tolerance " << Ledger::kTolerance << ")";
  return s.str();
}
constexpr std::size_t at(Sector s) { return static_cast<std::size_t>(s); }
}  // namespace

StockFlowViolation::StockFlowViolation(const LedgerViolation& v)
    : std::runtime_error(describe(v)), violation(v) {}

void Ledger::open(const std::array<SectorStocks, kSectors>& stocks) {
  stocks_ = stocks;
  household_deposits_ = stocks[at(Sector::Households)].deposits;
  lender_deposits_ = stocks[at(Sector::Lender)].deposits;
  row_deposits_ = stocks[at(Sector::RestOfWorld)].deposits;
  world_deposits_ = stocks[at(Sector::World)].deposits;
}

void Ledger::pay(Sector payer, Sector payee, FlowKind kind, double yuan) {
  if (!(yuan > 0.0)) return;
  flows_[at(payer)][at(payee)][static_cast<std::size_t>(kind)] += yuan;
  if (kind == FlowKind::WriteOff) return;
  if (payer == Sector::Households) household_deposits_ -= yuan;
  if (payee == Sector::Households) household_deposits_ += yuan;
  if (payer == Sector::Lender) lender_deposits_ -= yuan;
  if (payee == Sector::Lender) lender_deposits_ += yuan;
  if (payer == Sector::RestOfWorld) row_deposits_ -= yuan;
  if (payee == Sector::RestOfWorld) row_deposits_ += yuan;
  if (payer == Sector::World) world_deposits_ -= yuan;
  if (payee == Sector::World) world_deposits_ += yuan;
}

double Ledger::net_cash_flow(const Matrix& m, Sector s) {
  double in = 0.0, out = 0.0;
  for (std::size_t o = 0; o < kSectors; ++o)
    for (std::size_t k = 0; k < kFlowKinds; ++k) {
      if (k == static_cast<std::size_t>(FlowKind::WriteOff)) continue;
      in += m[o][at(s)][k];
      out += m[at(s)][o][k];
    }
  return in - out;
}

double Ledger::loan_flow(const Matrix& m, Sector s) {
  const auto kind = [](FlowKind k) { return static_cast<std::size_t>(k); };
  double d = 0.0;
  const std::size_t l = at(Sector::Lender);
  if (s == Sector::Lender) {
    for (std::size_t o = 0; o < kSectors; ++o)
      d += m[l][o][kind(FlowKind::Loan)] - m[o][l][kind(FlowKind::Repayment)] -
           m[l][o][kind(FlowKind::WriteOff)];
    return d;
  }
  return m[l][at(s)][kind(FlowKind::Loan)] - m[at(s)][l][kind(FlowKind::Repayment)] -
         m[l][at(s)][kind(FlowKind::WriteOff)];
}

std::optional<LedgerViolation> Ledger::close_tick(const std::array<SectorStocks, kSectors>& measured) {
  std::array<SectorStocks, kSectors> now = measured;
  now[at(Sector::Households)].deposits = household_deposits_;
  now[at(Sector::Lender)].deposits = lender_deposits_;
  now[at(Sector::RestOfWorld)].deposits = row_deposits_;
  now[at(Sector::World)].deposits = world_deposits_;
  std::optional<LedgerViolation> found;
  const auto check = [&](std::string_view sector, const char* identity, double gap, double scale) {
    scale = std::fmax(1.0, scale);
    if (!found && !(std::fabs(gap) <= kTolerance * scale))  // also catches NaN
      found = LedgerViolation{tick_, std::string(sector), identity, gap, scale};
  };
  double gross = 0.0;
  for (const auto& row : flows_)
    for (const auto& cell : row)
      for (double v : cell) gross += v;
  // (a) Each sector's money and loans change by its flows.
  double total_change = 0.0, stock_size = 0.0;
  for (std::size_t s = 0; s < kSectors; ++s) {
    const auto sec = static_cast<Sector>(s);
    const double change = now[s].deposits - stocks_[s].deposits;
    total_change += change;
    stock_size += std::fabs(now[s].deposits) + std::fabs(stocks_[s].deposits);
    check(sector_name(sec), "change in deposits minus (inflows - outflows)",
          change - net_cash_flow(flows_, sec),
          std::fmax(std::fabs(now[s].deposits) + std::fabs(stocks_[s].deposits), gross));
    const double loans = now[s].loans - stocks_[s].loans;
    check(sector_name(sec), "change in loans minus (new loans - repayments - write-offs)",
          loans - loan_flow(flows_, sec),
          std::fmax(std::fabs(now[s].loans) + std::fabs(stocks_[s].loans), gross));
  }
  // (b) Money is only moved between sectors: the changes sum to zero. Government deficits, the lender's
  // credit and the world income from outside the model show as negative deposits, not as money from nowhere.
  // Each change is a difference of stocks, so its rounding error scales with the stocks, not only the flows.
  check("all sectors", "sum of the changes in deposits", total_change, std::fmax(gross, stock_size));
  // (c) Goods: production = deliveries + change in inventories + losses, for finished goods and inputs.
  const std::size_t f = at(Sector::Firms);
  const double d_inv = now[f].inventory_units - stocks_[f].inventory_units;
  const double d_fin = now[f].finished_units - stocks_[f].finished_units;
  check("goods", "production + imports - deliveries - losses - change in finished stocks",
        goods_.production + goods_.imports - goods_.deliveries - goods_.losses - d_fin,
        goods_.production + goods_.deliveries + now[f].finished_units);
  check("goods", "inputs received - inputs used - inputs scrapped - change in input stocks",
        goods_.inputs_in - goods_.inputs_used - goods_.inputs_lost - d_inv,
        goods_.inputs_in + goods_.inputs_used + now[f].inventory_units);
  stocks_ = now;
  last_flows_ = flows_;
  last_goods_ = goods_;
  flows_ = {};
  goods_ = {};
  return found;
}

}  // namespace vicsim::sim
