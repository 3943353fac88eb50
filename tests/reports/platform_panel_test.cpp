#include "reports/platform_panel.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "reports/csv_table.hpp"
#include "test_support.hpp"

using namespace vicsim;

namespace {

/** Counts, after every tick, the alive firms whose membership bit is set for each platform. */
struct MembershipBits : agents::RunObserver {
  std::vector<std::vector<double>> per_tick;
  void on_tick(const sim::World& w, const sim::TickMetrics&, const sim::UndirectedSnapshot&) override {
    std::vector<double> n(w.platforms.size(), 0.0);
    for (sim::FirmIndex i = 0; i < w.firms.size(); ++i)
      for (std::size_t p = 0; p < n.size(); ++p) n[p] += w.firms.alive[i] && w.firms.member_of(i, p);
    per_tick.push_back(std::move(n));
  }
};

struct PanelRun {
  std::string csv;
  std::vector<sim::TickMetrics> series;
  std::vector<std::vector<double>> bits;
  std::size_t platforms = 0;
};

PanelRun run_panel(const scenarios::Scenario& s, unsigned threads = 1) {
  auto model = scenarios::build_model(s, threads);
  reports::PlatformPanelRecorder panel(model);
  MembershipBits bits;
  PanelRun r;
  r.series = agents::run_simulation(model, s.ticks, {&panel, &bits});
  std::ostringstream out;
  panel.write_csv(out, {s.name, s.seed});
  r.csv = out.str();
  r.bits = std::move(bits.per_tick);
  r.platforms = model.world().platforms.size();
  return r;
}

scenarios::Scenario small_platform_led() {
  return test::load("platform_led.json", {"mechanisms.population.count=300", "ticks=24"});
}

/** The (column, unit) rows of the table under "### platforms.csv" in docs/outputs.md, in order. */
std::vector<std::pair<std::string, std::string>> documented_columns() {
  std::ifstream in(std::string(VICSIM_SOURCE_DIR) + "/docs/outputs.md");
  REQUIRE(in);
  std::string line;
  bool inside = false;
  std::vector<std::pair<std::string, std::string>> cols;
  const std::regex row(R"(^\| `([^`]+)` \| ([^|]*) \|)");
  while (std::getline(in, line)) {
    if (line.rfind('#', 0) == 0) {
      if (inside) break;
      inside = line == "### platforms.csv";
      continue;
    }
    std::smatch m;
    if (inside && std::regex_search(line, m, row)) cols.emplace_back(m[1], m[2]);
  }
  return cols;
}

}  // namespace

TEST_CASE("platform panel: one row per tick x platform, members from the bits, fees in [0,1]", "[reports]") {
  const auto s = small_platform_led();
  const PanelRun r = run_panel(s);
  const auto t = reports::CsvTable::parse(r.csv, "platforms.csv");
  REQUIRE(r.platforms == 4);
  REQUIRE(t.rows() == static_cast<std::size_t>(s.ticks) * r.platforms);

  // The header is the documented column list, in order, and each metric's unit is the documented one.
  const auto docs = documented_columns();
  std::vector<std::string> documented;
  for (const auto& d : docs) documented.push_back(d.first);
  CHECK(t.header() == documented);
  // The header is the two tables, label columns first: neither is hand-listed in the writer.
  const auto& labels = reports::platform_label_columns();
  REQUIRE(t.header().size() == labels.size() + sim::platform_columns().size());
  for (std::size_t k = 0; k < labels.size(); ++k) CHECK(t.header()[k] == labels[k].name);
  for (const auto& c : sim::platform_columns()) {
    const auto d = std::find_if(docs.begin(), docs.end(), [&](const auto& x) { return x.first == c.name; });
    REQUIRE(d != docs.end());
    CHECK(d->second == c.unit);
  }

  {  // rows run tick by tick in platform order, with the platforms' names and static attributes
    const auto ticks = t.numbers("tick");
    const auto names = t.texts("platform");
    for (std::size_t row = 0; row < t.rows(); ++row) {
      CHECK(ticks[row] == static_cast<double>(row / r.platforms + 1));
      CHECK(names[row] == s.platforms[row % r.platforms].name);
    }
    CHECK(t.texts("owner")[0] == "chain_master");  // COSMO-Appliances
    CHECK(t.texts("owner")[1] == "independent");   // E-Link Electronics
    CHECK(t.texts("level")[2] == "regional");      // Foshan Surface
    CHECK(t.texts("host_region")[3] == "Suzhou");  // Machinery Point
  }

  {  // members equal the alive firms whose membership bit is set, and agree with timeseries.csv
    const auto members = t.numbers("members");
    const auto alive = t.numbers("alive");
    double most = 0;
    for (std::size_t tick = 0; tick < r.bits.size(); ++tick) {
      double total = 0, hhi = 0;
      for (std::size_t p = 0; p < r.platforms; ++p) {
        const double n = members[tick * r.platforms + p];
        CHECK(n == r.bits[tick][p]);
        total += n;
        most = std::max(most, n);
      }
      // Herfindahl index of memberships over the alive platforms, as timeseries.csv computes it.
      for (std::size_t p = 0; p < r.platforms; ++p)
        if (alive[tick * r.platforms + p] > 0.5 && total > 0) {
          const double sh = members[tick * r.platforms + p] / total;
          hhi += sh * sh;
        }
      CHECK(hhi == Approx(r.series[tick].platform_hhi).margin(1e-12));
      // At least as many memberships as firms on some platform (multi-homing counts twice).
      CHECK(total >= r.series[tick].platform_member_share * r.series[tick].firms - 1e-6);
    }
    CHECK(most >= 5);  // the platforms do attract members (16 at month 24 when written)
  }

  {  // platform trade and dispatch add up to the cluster totals; fees are shares; no NA
    const auto gmv = t.numbers("gmv_yuan");
    const auto dispatched = t.numbers("dispatched_units");
    for (std::size_t tick = 0; tick < r.series.size(); ++tick) {
      double g = 0, d = 0;
      for (std::size_t p = 0; p < r.platforms; ++p) {
        g += gmv[tick * r.platforms + p];
        d += dispatched[tick * r.platforms + p];
      }
      CHECK(g == Approx(r.series[tick].platform_gmv).epsilon(1e-9));
      CHECK(d == Approx(r.series[tick].dispatched_units).epsilon(1e-9));
    }
    for (const char* fee : {"transaction_fee", "posted_transaction_fee", "edge_share"})
      for (double x : t.numbers(fee)) {
        CHECK(x >= 0.0);
        CHECK(x <= 1.0);
      }
    for (std::size_t c = 4; c < t.header().size(); ++c)
      for (std::size_t row = 0; row < t.rows(); ++row) CHECK(t.text(row, c) != "NA");
    // E-Link Electronics launches in month 6: not alive before.
    CHECK(t.numbers("alive")[1] == 0);                     // E-Link Electronics, tick 1
    CHECK(t.numbers("alive")[11 * r.platforms + 1] == 1);  // tick 12
  }
}

TEST_CASE("platform panel: transaction_fee is the fee under a supervision cap, the posted fee beside it",
          "[reports]") {
  auto s = small_platform_led();
  scenarios::PolicySpec cap;
  cap.name = "fee cap";
  cap.instrument = "supervision";
  cap.start = 1;
  cap.end = s.ticks;
  cap.fee_cap = 0.012;
  s.policies.push_back(cap);
  const auto t = reports::CsvTable::parse(run_panel(s).csv, "platforms.csv");
  const auto fee = t.numbers("transaction_fee"), posted = t.numbers("posted_transaction_fee");
  bool capped = false;
  for (std::size_t row = 0; row < t.rows(); ++row) {
    CHECK(fee[row] <= 0.012);
    CHECK(fee[row] == std::min(posted[row], 0.012));
    capped = capped || posted[row] > fee[row];
  }
  CHECK(capped);  // COSMO-Appliances posts 2% until it next moves its fee
}

TEST_CASE("platform panel: byte-identical for the same seed and for any thread count", "[reports]") {
  // SimGrid's clock is shared by every model in a process, so a second in-process run can differ in the
  // last bits of the infrastructure loads (docs/ODD.md, reproducibility); tests/cli/end_to_end.sh compares
  // whole runs, each in its own process. Here the layer is off, so every byte must match.
  const auto s = test::load("platform_led.json", {"mechanisms.population.count=300", "ticks=24",
                                                  "mechanisms.infrastructure.enabled=false"});
  const std::string once = run_panel(s).csv;
  CHECK(run_panel(s).csv == once);
  CHECK(run_panel(s, 2).csv == once);
  auto other = s;
  other.seed += 1;
  CHECK(run_panel(other).csv != once);
}
