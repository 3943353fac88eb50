#pragma once
/** @file The coupling between the firm model and the SimGrid layer: infrastructure levels become
 * link parameters, members' information flows (orders, C2M forecast data, dispatch coordination, device
 * telemetry, design data) become traffic of five kinds, and their completion times and losses come back
 * as order handling time, forecast freshness, dispatch in time, telemetry delivered and congestion
 * (docs/ODD.md 7.23, 7.45–7.48). */
#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Access bandwidth (bytes/s) of a region at infrastructure level L in [0,1]. */
double access_bandwidth_Bps(const InfrastructureParams& p, double level);
/** @brief Access latency (s) at level L. */
double access_latency_s(const InfrastructureParams& p, double level);

/** @brief Mean wait (s) of a message sent during the busy hours behind a route of load ρ (fluid FIFO
 * queue: the backlog grows at ρ − 1 seconds per second for `busy_hours`, so the mean wait is half the
 * last one). 0 when ρ ≤ 1. */
double backlog_wait_s(double load, double busy_hours);
/** @brief Predictive value (0–1) of C2M data `age_days` old: exp(−age / coherence). */
double forecast_freshness(double age_days, double coherence_days);
/** @brief Share (0–1) of the busy hours in which dispatch coordination taking `message_s` plus the
 * backlog wait at that moment completes within the dispatch window. */
double dispatch_in_time(const InfrastructureParams& p, double load, double message_s);
/** @brief Share (0–1) of device telemetry delivered on a route of load ρ: fire-and-forget telemetry
 * (MQTT QoS 0) loses what the route cannot carry, 1 − 1/ρ. */
double telemetry_delivered(double load);

/** @brief Pushes changed infrastructure levels and platform capacities to SimGrid. */
void push_infrastructure(ModelContext& c);

/** @brief Submits this tick's traffic by kind and the compute jobs, and sets each route's service
 * (ModelContext::infra) and each platform's congestion, service latency, loads, telemetry delivered
 * and order handling time from the completion times. */
void resolve_service_times(ModelContext& c);

/** @brief C2M data freshness (0–1) firm f gets from the forecasting platforms it belongs to (the best). */
double member_forecast_freshness(const ModelContext& c, sim::FirmIndex f);
/** @brief Share of firm f's dispatch coordination through platform p that completes in time (0–1). */
double member_dispatch_in_time(const ModelContext& c, sim::FirmIndex f, std::size_t p);
/** @brief Share of firm f's telemetry delivered to its best knowledge (app-sharing) platform (0–1). */
double member_telemetry_delivered(const ModelContext& c, sim::FirmIndex f);

}  // namespace vicsim::agents
