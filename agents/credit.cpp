#include "agents/credit.hpp"

#include <algorithm>

namespace vicsim::agents {

namespace {

using sim::FlowKind;
using sim::Sector;

/** One borrower's month with the lender: interest, scheduled repayment, overdraft into a loan. */
void serve_loan(ModelContext& c, Sector who, sim::Money& cash, sim::Money& loan) {
  const auto& sp = c.params.services;
  if (loan.yuan > 0.0) {
    const double interest = loan.yuan * sp.interest_per_year / 12.0;
    cash -= sim::Money{interest};
    c.ledger.pay(who, Sector::Lender, FlowKind::Interest, interest);
    const double repay = std::clamp(std::min(cash.yuan, loan.yuan / sp.repayment_months), 0.0, loan.yuan);
    cash -= sim::Money{repay};
    loan -= sim::Money{repay};
    c.ledger.pay(who, Sector::Lender, FlowKind::Repayment, repay);
  }
  if (cash.yuan < 0.0) {
    c.ledger.pay(Sector::Lender, who, FlowKind::Loan, -cash.yuan);
    loan -= cash;
    cash = sim::Money{0.0};
  }
}

/** Owners take the cash left; the lender writes the loan off. */
void close_account(ModelContext& c, Sector who, sim::Money& cash, sim::Money& loan) {
  if (cash.yuan < 0.0) {
    c.ledger.pay(Sector::Lender, who, FlowKind::Loan, -cash.yuan);
    loan -= cash;
    cash = sim::Money{0.0};
  }
  c.ledger.pay(who, Sector::Households, FlowKind::Liquidation, cash.yuan);
  c.ledger.pay(Sector::Lender, who, FlowKind::WriteOff, loan.yuan);
  c.stats.loan_write_offs += loan.yuan;
  cash = loan = sim::Money{0.0};
}

}  // namespace

void settle_credit(ModelContext& c) {
  sim::Firms& f = c.world.firms;
  for (auto i : c.directory.alive())
    if (f.alive[i]) serve_loan(c, Sector::Firms, f.cash[i], f.loan[i]);
  for (auto& pl : c.world.platforms)
    if (pl.alive) serve_loan(c, Sector::Platforms, pl.cash, pl.loan);
}

void close_exited_firms(ModelContext& c) {
  sim::Firms& f = c.world.firms;
  for (sim::FirmIndex i = 0; i < f.size(); ++i) {
    if (f.alive[i] || f.exit_tick[i] != c.world.tick) continue;
    close_account(c, Sector::Firms, f.cash[i], f.loan[i]);
    for (double& units : f.input_stock[i]) {
      c.ledger.goods().inputs_lost += units;
      units = 0.0;
    }
    c.ledger.goods().losses += f.finished_stock[i];
    f.finished_stock[i] = 0.0;
  }
}

void close_failed_platform(ModelContext& c, sim::Platform& pl) {
  close_account(c, Sector::Platforms, pl.cash, pl.loan);
}

}  // namespace vicsim::agents
