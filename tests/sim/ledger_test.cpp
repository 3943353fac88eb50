// The stock-flow ledger and its identities (docs/ODD.md 7.28).
#include "sim/ledger.hpp"

#include <catch2/catch.hpp>

using namespace vicsim;
using sim::FlowKind;
using sim::Sector;

namespace {
std::array<sim::SectorStocks, sim::kSectors> zero() { return {}; }
sim::SectorStocks& at(std::array<sim::SectorStocks, sim::kSectors>& s, Sector k) {
  return s[static_cast<std::size_t>(k)];
}
}  // namespace

TEST_CASE("ledger: balanced flows pass, households and lender deposits follow their flows", "[sim]") {
  sim::Ledger L;
  L.open(zero());
  L.begin_tick(1);
  L.pay(Sector::Households, Sector::Firms, FlowKind::FinalSales, 1000.0);
  L.pay(Sector::Firms, Sector::Households, FlowKind::Wages, 600.0);
  L.pay(Sector::Firms, Sector::Firms, FlowKind::Purchases, 250.0);  // inside the sector: nets out
  L.pay(Sector::Lender, Sector::Firms, FlowKind::Loan, 50.0);
  L.pay(Sector::Government, Sector::Platforms, FlowKind::Subsidy, 30.0);
  auto s = zero();
  at(s, Sector::Firms).deposits = 450.0;
  at(s, Sector::Firms).loans = 50.0;
  at(s, Sector::Platforms).deposits = 30.0;
  at(s, Sector::Government).deposits = -30.0;
  at(s, Sector::Lender).loans = 50.0;
  L.goods().production = 10.0;
  L.goods().deliveries = 9.0;
  L.goods().losses = 1.0;
  CHECK_FALSE(L.close_tick(s).has_value());
  CHECK(L.household_deposits() == Approx(-400.0));
  CHECK(L.lender_deposits() == Approx(-50.0));
  CHECK(L.flows()[0][2][static_cast<std::size_t>(FlowKind::Wages)] == 600.0);
}

TEST_CASE("ledger: money that appears without a flow is reported with its tick, sector and gap", "[sim]") {
  sim::Ledger L;
  L.open(zero());
  L.begin_tick(7);
  L.pay(Sector::Households, Sector::Firms, FlowKind::FinalSales, 1000.0);
  auto s = zero();
  at(s, Sector::Firms).deposits = 1000.0 + 1e-3;  // a leak of a thousandth of a yuan per 1000
  const auto v = L.close_tick(s);
  REQUIRE(v.has_value());
  CHECK(v->tick == 7);
  CHECK(v->sector == "firms");
  CHECK(v->gap == Approx(1e-3));
  CHECK_THROWS_AS(throw sim::StockFlowViolation(*v), sim::StockFlowViolation);
  // A gap within the relative tolerance passes.
  L.begin_tick(8);
  auto t = s;
  at(t, Sector::Firms).deposits += 1e-9;
  CHECK_FALSE(L.close_tick(t).has_value());
}

TEST_CASE("ledger: loans must change by new credit, repayments and write-offs", "[sim]") {
  sim::Ledger L;
  L.open(zero());
  L.begin_tick(1);
  L.pay(Sector::Lender, Sector::Firms, FlowKind::Loan, 100.0);
  L.pay(Sector::Lender, Sector::Firms, FlowKind::WriteOff, 40.0);  // cancels a loan, moves no money
  auto s = zero();
  at(s, Sector::Firms).deposits = 100.0;
  at(s, Sector::Firms).loans = 60.0;
  at(s, Sector::Lender).loans = 60.0;
  CHECK_FALSE(L.close_tick(s).has_value());
  L.begin_tick(2);
  auto t = s;
  at(t, Sector::Firms).loans = 70.0;  // more debt without a loan flow
  at(t, Sector::Lender).loans = 70.0;
  const auto v = L.close_tick(t);
  REQUIRE(v.has_value());
  CHECK(v->sector == "firms");
  CHECK(v->gap == Approx(10.0));
}

TEST_CASE("ledger: goods produced must be delivered, stocked or lost", "[sim]") {
  sim::Ledger L;
  L.open(zero());
  L.begin_tick(3);
  L.goods().production = 100.0;
  L.goods().deliveries = 101.0;  // one unit from nowhere
  auto v = L.close_tick(zero());
  REQUIRE(v.has_value());
  CHECK(v->sector == "goods");
  CHECK(v->gap == Approx(-1.0));
  L.begin_tick(4);
  L.goods().inputs_in = 50.0;
  L.goods().inputs_used = 45.0;
  auto s = zero();
  at(s, Sector::Firms).inventory_units = 5.0;  // the rest is carried
  CHECK_FALSE(L.close_tick(s).has_value());
  // Finished goods: 100 made, 90 delivered, 4 scrapped, 6 carried; counting 11 as carried fails.
  const auto month = [&](std::int32_t tick, double carried) {
    L.begin_tick(tick);
    L.goods().production = 100.0;
    L.goods().deliveries = 90.0;
    L.goods().losses = 4.0;
    at(s, Sector::Firms).finished_units = carried;
    return L.close_tick(s);
  };
  CHECK_FALSE(month(5, 6.0).has_value());
  auto w = month(6, 11.0);
  REQUIRE(w.has_value());
  CHECK(w->gap == Approx(1.0));
}

TEST_CASE(
    "ledger: world income enters the rest of the world from outside, the world's deposits close the sum",
    "[sim]") {
  sim::Ledger L;
  L.open(zero());
  L.begin_tick(1);
  L.pay(Sector::World, Sector::RestOfWorld, FlowKind::WorldIncome, 200.0);
  L.pay(Sector::RestOfWorld, Sector::Firms, FlowKind::Exports, 150.0);
  auto s = zero();
  at(s, Sector::Firms).deposits = 150.0;
  CHECK_FALSE(L.close_tick(s).has_value());
  CHECK(L.world_deposits() == Approx(-200.0));
  CHECK(L.rest_of_world_deposits() == Approx(50.0));
  CHECK(L.stocks()[static_cast<std::size_t>(Sector::World)].deposits == Approx(-200.0));
  CHECK(sim::sector_name(Sector::World) == "world");
  CHECK(sim::flow_name(FlowKind::WorldIncome) == "world_income");
  // Money that enters without the world's flow is a violation.
  L.begin_tick(2);
  auto t = L.stocks();
  at(t, Sector::Firms).deposits += 100.0;
  CHECK(L.close_tick(t).has_value());
}
