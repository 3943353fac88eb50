#include "sim/infrastructure_layer.hpp"

#include <algorithm>
#include <mutex>
#include <simgrid/s4u.hpp>
#include <string>

namespace vicsim::sim {

namespace sg4 = simgrid::s4u;

#if defined(__SANITIZE_ADDRESS__)
#define VICSIM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VICSIM_ASAN 1
#endif
#endif
#ifndef VICSIM_ASAN
#define VICSIM_ASAN 0
#endif

namespace {

/** The process-wide SimGrid platform: built once, never rebuilt (SimGrid cannot reseal). */
struct Pool {
  std::unique_ptr<sg4::Engine> engine;
  std::vector<sg4::Host*> region_host, dc_host;
  std::vector<sg4::Link*> access, uplink;
  std::vector<std::vector<sg4::Link*>> backbone;  // [region slot][dc slot]
  std::vector<bool> region_used, dc_used;
  std::mutex mutex;

  Pool() {
    // Only warnings from SimGrid: its info lines would clutter vicsim's stderr.
    int argc = 2;
    char name[] = "vicsim";
    char log[] = "--log=root.thres:warning";
    char* argv[] = {name, log, nullptr, nullptr};
#if VICSIM_ASAN
    // Debian's SimGrid switches actor stacks without telling ASan (it is not built with sanitizer
    // support), which ASan reports as "ignoring requested __asan_handle_no_return". Under ASan every
    // actor runs on a thread of its own instead; the simulation is the same (docs/RELIABILITY.md).
    char threads[] = "--cfg=contexts/factory:thread";
    argv[argc++] = threads;
#endif
    engine = std::make_unique<sg4::Engine>(&argc, argv);
    // CM02: time = latency + size / bandwidth, with max-min fair sharing and no TCP corrections
    // (LV08 would multiply latency by ~13). TCP-gamma 0 removes the window bound on throughput.
    sg4::Engine::set_config("network/model:CM02");
    sg4::Engine::set_config("network/TCP-gamma:0");
    // No simulated ACK cross-traffic (it would take 5% of a shared link in the reverse direction).
    sg4::Engine::set_config("network/crosstraffic:0");
    sg4::Engine::set_config("cpu/optim:Lazy");
    auto* root = sg4::create_full_zone("vicsim");
    std::vector<sg4::NetZone*> rz, dz;
    for (std::size_t i = 0; i < kRegionSlots; ++i) {
      auto* z = sg4::create_full_zone("region_" + std::to_string(i));
      z->set_parent(root);
      region_host.push_back(z->create_host("region_" + std::to_string(i) + "_gw", 1e9));
      z->seal();
      rz.push_back(z);
      access.push_back(root->create_link("access_" + std::to_string(i), 1e9)->set_latency(0.0));
    }
    for (std::size_t j = 0; j < kDatacentreSlots; ++j) {
      auto* z = sg4::create_full_zone("dc_" + std::to_string(j));
      z->set_parent(root);
      dc_host.push_back(z->create_host("dc_" + std::to_string(j), 1e9));
      z->seal();
      dz.push_back(z);
      uplink.push_back(root->create_link("uplink_" + std::to_string(j), 1e10)->set_latency(0.0));
    }
    backbone.assign(kRegionSlots, {});
    for (std::size_t i = 0; i < kRegionSlots; ++i)
      for (std::size_t j = 0; j < kDatacentreSlots; ++j) {
        // The long haul is uncongested (fat backbone): it only carries a distance latency.
        auto* l = root->create_link("wan_" + std::to_string(i) + "_" + std::to_string(j), 1e12)
                      ->set_latency(0.0)
                      ->set_sharing_policy(sg4::Link::SharingPolicy::FATPIPE);
        backbone[i].push_back(l);
        root->add_route(rz[i]->get_netpoint(), dz[j]->get_netpoint(), region_host[i]->get_netpoint(),
                        dc_host[j]->get_netpoint(),
                        {sg4::LinkInRoute(access[i]), sg4::LinkInRoute(l), sg4::LinkInRoute(uplink[j])},
                        true);
      }
    root->seal();
    region_used.assign(kRegionSlots, false);
    dc_used.assign(kDatacentreSlots, false);
  }

  static Pool& get() {
    // Never destroyed: tearing down a SimGrid Engine at exit is not needed and not safe after use.
    static Pool* pool = new Pool;
    return *pool;
  }
};

constexpr std::size_t kNoKind = static_cast<std::size_t>(-1);

std::vector<std::size_t> claim(std::vector<bool>& used, std::size_t n) {
  std::vector<std::size_t> slots;
  for (std::size_t i = 0; i < used.size() && slots.size() < n; ++i)
    if (!used[i]) slots.push_back(i);
  if (slots.size() < n) throw InfrastructurePoolExhausted{};
  for (auto s : slots) used[s] = true;
  return slots;
}

}  // namespace

InfrastructureLayer::InfrastructureLayer(std::size_t regions, std::size_t platforms) {
  Pool& pool = Pool::get();
  std::lock_guard lock(pool.mutex);
  region_slot_ = claim(pool.region_used, regions);
  try {
    dc_slot_ = claim(pool.dc_used, platforms);
  } catch (...) {
    for (auto s : region_slot_) pool.region_used[s] = false;
    throw;
  }
  dc_speed_.assign(platforms, 1e9);
  // A slot may have served an earlier simulation: start from neutral links.
  for (auto r : region_slot_) {
    pool.access[r]->set_bandwidth(1e9)->set_latency(0.0);
    for (auto p : dc_slot_) pool.backbone[r][p]->set_latency(0.0);
  }
  for (auto p : dc_slot_) pool.uplink[p]->set_bandwidth(1e10)->set_latency(0.0);
}

InfrastructureLayer::~InfrastructureLayer() {
  Pool& pool = Pool::get();
  std::lock_guard lock(pool.mutex);
  for (auto s : region_slot_) pool.region_used[s] = false;
  for (auto s : dc_slot_) pool.dc_used[s] = false;
}

void InfrastructureLayer::set_access(std::size_t r, double bandwidth_Bps, double latency_s) {
  Pool& pool = Pool::get();
  std::lock_guard lock(pool.mutex);
  pool.access[region_slot_.at(r)]->set_bandwidth(bandwidth_Bps)->set_latency(latency_s);
}

void InfrastructureLayer::set_datacentre(std::size_t p, double uplink_Bps, double uplink_latency_s,
                                         double flops_per_s) {
  Pool& pool = Pool::get();
  std::lock_guard lock(pool.mutex);
  pool.uplink[dc_slot_.at(p)]->set_bandwidth(uplink_Bps)->set_latency(uplink_latency_s);
  // Host speed cannot change after sealing; a job of F flop on a host of speed c is run as F·1e9/c
  // flop on the slot's 1 Gflop/s host, which gives the same completion time and the same fair sharing.
  dc_speed_.at(p) = flops_per_s;
}

void InfrastructureLayer::set_backbone_latency(std::size_t r, std::size_t p, double latency_s) {
  Pool& pool = Pool::get();
  std::lock_guard lock(pool.mutex);
  pool.backbone[region_slot_.at(r)][dc_slot_.at(p)]->set_latency(latency_s);
}

InfrastructureTimes InfrastructureLayer::resolve(const InfrastructureDemand& d) {
  Pool& pool = Pool::get();
  std::lock_guard lock(pool.mutex);
  InfrastructureTimes out;
  out.transfer_s.assign(region_slot_.size(), std::vector<double>(dc_slot_.size(), 0.0));
  out.compute_s.assign(dc_slot_.size(), 0.0);
  out.kind_transfer_s.assign(d.kind_bytes.size(), out.transfer_s);
  struct Pending {
    std::size_t a, b;
    bool compute;
    std::size_t kind = kNoKind;  // kNoKind: the untyped bytes[r][p] flow
  };
  std::vector<Pending> what;
  for (std::size_t r = 0; r < region_slot_.size() && r < d.bytes.size(); ++r)
    for (std::size_t p = 0; p < dc_slot_.size() && p < d.bytes[r].size(); ++p)
      if (d.bytes[r][p] > 0.0) what.push_back({r, p, false});
  for (std::size_t k = 0; k < d.kind_bytes.size(); ++k)
    for (std::size_t r = 0; r < region_slot_.size() && r < d.kind_bytes[k].size(); ++r)
      for (std::size_t p = 0; p < dc_slot_.size() && p < d.kind_bytes[k][r].size(); ++p)
        if (d.kind_bytes[k][r][p] > 0.0) what.push_back({r, p, false, k});
  for (std::size_t p = 0; p < dc_slot_.size() && p < d.flops.size(); ++p)
    if (d.flops[p] > 0.0) what.push_back({p, 0, true});
  if (what.empty()) return out;

  // One short-lived driver actor starts every activity at once and records when each completes;
  // it ends before run() returns, so no actor outlives the tick (BRIEF §3: leftover actors poison
  // later runs). SimGrid exceptions cannot escape an actor, so nothing here throws.
  sg4::Actor::create("tick_driver", pool.region_host[region_slot_[0]], [&] {
    const double t0 = sg4::Engine::get_clock();
    std::vector<sg4::ActivityPtr> acts;
    for (const auto& w : what) {
      if (w.compute) {
        sg4::ExecPtr e = sg4::Exec::init()
                             ->set_flops_amount(d.flops[w.a] * 1e9 / dc_speed_[w.a])
                             ->set_host(pool.dc_host[dc_slot_[w.a]]);
        e->start();
        acts.push_back(e);
      } else {
        const double size = w.kind == kNoKind ? d.bytes[w.a][w.b] : d.kind_bytes[w.kind][w.a][w.b];
        sg4::CommPtr c =
            sg4::Comm::sendto_init(pool.region_host[region_slot_[w.a]], pool.dc_host[dc_slot_[w.b]])
                ->set_payload_size(static_cast<std::uint64_t>(std::max(1.0, size)));
        c->start();
        acts.push_back(c);
      }
    }
    std::vector<bool> done(acts.size(), false);
    for (std::size_t left = acts.size(); left > 0; --left) {
      // Wait for whichever pending activity finishes first and stamp its completion time.
      std::vector<sg4::ActivityPtr> pending;
      std::vector<std::size_t> index;
      for (std::size_t k = 0; k < acts.size(); ++k)
        if (!done[k]) {
          pending.push_back(acts[k]);
          index.push_back(k);
        }
      const ssize_t got = sg4::Activity::wait_any(pending);
      const std::size_t k = index[static_cast<std::size_t>(got)];
      done[k] = true;
      const double t = sg4::Engine::get_clock() - t0;
      const auto& w = what[k];
      if (w.compute)
        out.compute_s[w.a] = t;
      else if (w.kind == kNoKind)
        out.transfer_s[w.a][w.b] = t;
      else
        out.kind_transfer_s[w.kind][w.a][w.b] = t;
    }
  });
  pool.engine->run();
  return out;
}

double InfrastructureLayer::clock() { return sg4::Engine::get_clock(); }

}  // namespace vicsim::sim
