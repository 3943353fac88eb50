#include "sim/infrastructure_layer.hpp"

#include <catch2/catch.hpp>

using vicsim::sim::InfrastructureDemand;
using vicsim::sim::InfrastructureLayer;

namespace {
InfrastructureDemand one(std::size_t regions, std::size_t platforms) {
  InfrastructureDemand d;
  d.bytes.assign(regions, std::vector<double>(platforms, 0.0));
  d.flops.assign(platforms, 0.0);
  return d;
}
}  // namespace

TEST_CASE("infrastructure_layer: a lone message takes latency + size / bottleneck bandwidth (CM02)",
          "[sim]") {
  InfrastructureLayer layer(2, 1);
  layer.set_access(0, 12.5e6, 0.020);  // 100 Mbit/s, 20 ms
  layer.set_access(1, 125e6, 0.005);
  layer.set_datacentre(0, 1.25e9, 0.001, 100e9);
  layer.set_backbone_latency(0, 0, 0.004);
  auto d = one(2, 1);
  d.bytes[0][0] = 5e6;
  const auto t = layer.resolve(d);
  // route = access(20 ms) + backbone(4 ms) + uplink(1 ms); bottleneck 12.5 MB/s
  CHECK(t.transfer_s[0][0] == Approx(0.025 + 5e6 / 12.5e6).epsilon(1e-9));
  CHECK(t.transfer_s[1][0] == 0.0);
}

TEST_CASE("infrastructure_layer: two flows share a bottleneck fairly; compute scales with speed", "[sim]") {
  InfrastructureLayer layer(1, 2);
  layer.set_access(0, 10e6, 0.0);
  layer.set_datacentre(0, 1e9, 0.0, 50e9);
  layer.set_datacentre(1, 1e9, 0.0, 200e9);
  auto d = one(1, 2);
  d.bytes[0][0] = 10e6;
  d.bytes[0][1] = 10e6;
  d.flops[0] = 100e9;
  d.flops[1] = 100e9;
  const auto t = layer.resolve(d);
  // Both flows get 5 MB/s until they finish together: 20 MB in 2 s.
  CHECK(t.transfer_s[0][0] == Approx(2.0).epsilon(1e-9));
  CHECK(t.transfer_s[0][1] == Approx(2.0).epsilon(1e-9));
  CHECK(t.compute_s[0] == Approx(2.0).epsilon(1e-9));
  CHECK(t.compute_s[1] == Approx(0.5).epsilon(1e-9));
}

TEST_CASE("infrastructure_layer: an upgrade between ticks changes the next tick's latency only", "[sim]") {
  InfrastructureLayer layer(1, 1);
  layer.set_access(0, 1e6, 0.050);
  layer.set_datacentre(0, 1e9, 0.0, 1e9);
  auto d = one(1, 1);
  d.bytes[0][0] = 1e6;
  const double before = layer.resolve(d).transfer_s[0][0];
  CHECK(layer.resolve(d).transfer_s[0][0] == Approx(before));  // nothing changed: same time
  layer.set_access(0, 10e6, 0.010);
  const double after = layer.resolve(d).transfer_s[0][0];
  CHECK(before == Approx(1.05));
  CHECK(after == Approx(0.11));
}

TEST_CASE("infrastructure_layer: slots are returned, so many simulations run in one process", "[sim]") {
  for (int run = 0; run < 5; ++run) {
    InfrastructureLayer a(40, 20);
    InfrastructureLayer b(24, 12);  // side by side with a, e.g. the split-screen viewer
    CHECK_THROWS_AS(InfrastructureLayer(1, 1), vicsim::sim::InfrastructurePoolExhausted);
    a.set_access(3, 1e6, 0.0);
    a.set_datacentre(2, 1e9, 0.0, 1e9);
    auto d = one(40, 20);
    d.bytes[3][2] = 2e6;
    CHECK(a.resolve(d).transfer_s[3][2] == Approx(2.0));
  }
}
