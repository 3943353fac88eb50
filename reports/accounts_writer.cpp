#include "reports/accounts_writer.hpp"

#include "reports/number_format.hpp"

namespace vicsim::reports {

AccountsRecorder::AccountsRecorder(const agents::ClusterModel& model) : model_(model) { record_stocks(0); }

void AccountsRecorder::record_stocks(std::int32_t tick) {
  const auto& s = model_.context().ledger.stocks();
  for (std::size_t k = 0; k < sim::kSectors; ++k) {
    const auto sector = static_cast<sim::Sector>(k);
    stocks_.push_back({tick, sector, "deposits", s[k].deposits});
    if (sector == sim::Sector::Firms || sector == sim::Sector::Platforms || sector == sim::Sector::Lender)
      stocks_.push_back({tick, sector, "loans", s[k].loans});
    if (sector == sim::Sector::Firms) {
      stocks_.push_back({tick, sector, "input_stock_units", s[k].inventory_units});
      stocks_.push_back({tick, sector, "input_stock_value", s[k].inventory_value});
      stocks_.push_back({tick, sector, "finished_stock_units", s[k].finished_units});
      stocks_.push_back({tick, sector, "finished_stock_value", s[k].finished_value});
    }
  }
}

void AccountsRecorder::on_tick(const sim::World& w, const sim::TickMetrics&, const sim::UndirectedSnapshot&) {
  const auto& m = model_.context().ledger.flows();
  for (std::size_t a = 0; a < sim::kSectors; ++a)
    for (std::size_t b = 0; b < sim::kSectors; ++b)
      for (std::size_t k = 0; k < sim::kFlowKinds; ++k)
        if (m[a][b][k] != 0.0)
          flows_.push_back({w.tick, static_cast<sim::Sector>(a), static_cast<sim::Sector>(b),
                            static_cast<sim::FlowKind>(k), m[a][b][k]});
  goods_.emplace_back(w.tick, model_.context().ledger.closed_goods());
  record_stocks(w.tick);
}

void AccountsRecorder::write_accounts_csv(std::ostream& out) const {
  out << "tick,payer,payee,flow,amount\n";
  for (const auto& f : flows_)
    out << f.tick << ',' << sim::sector_name(f.payer) << ',' << sim::sector_name(f.payee) << ','
        << sim::flow_name(f.kind) << ',' << format_number(f.amount) << '\n';
}

void AccountsRecorder::write_stocks_csv(std::ostream& out) const {
  out << "tick,sector,stock,value\n";
  for (const auto& s : stocks_)
    out << s.tick << ',' << sim::sector_name(s.sector) << ',' << s.name << ',' << format_number(s.value)
        << '\n';
}

void AccountsRecorder::write_goods_csv(std::ostream& out) const {
  out << "tick,flow,units\n";
  for (const auto& [tick, g] : goods_) {
    const std::pair<const char*, double> rows[] = {
        {"production", g.production},      {"imports", g.imports},
        {"deliveries", g.deliveries},      {"losses", g.losses},
        {"inputs_received", g.inputs_in},  {"inputs_used", g.inputs_used},
        {"inputs_scrapped", g.inputs_lost}};
    for (const auto& [name, units] : rows) out << tick << ',' << name << ',' << format_number(units) << '\n';
  }
}

}  // namespace vicsim::reports
