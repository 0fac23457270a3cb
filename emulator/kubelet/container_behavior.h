// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app_health.h"

#include "emulator/api/quantity.h"
#include "emulator/core/sim_duration.h"
#include "emulator/core/sim_time.h"
#include "emulator/store/pod.h"

#include <cstdint>
#include <optional>

namespace emu::kubelet {

/// How one emulated container behaves, from the pod's `kubecanvas.io/behavior` annotation
/// (docs/formats.md). No real container runs: these numbers stand in for the image pull, the
/// process and its health. Times are seconds as written (finite, >= 0); every field is optional
/// and the defaults below apply. Parsed by PodBehavior.
struct ContainerBehavior
{
    double pullSeconds = 2;  ///< image pull time (when the image is pulled at all)
    double startSeconds = 1; ///< from container start to running
    double readySeconds = 0; ///< from running until the app would pass its readiness probe
    std::optional<double> exitAfterSeconds; ///< the process exits after running this long
    int exitCode = 0;        ///< its exit code then (0..255)
    double stopSeconds = 0;  ///< from the stop signal (SIGTERM) until the process exits
    std::optional<double> livenessFailAfterSeconds;  ///< from running until liveness fails
    std::optional<double> readinessFailAfterSeconds; ///< from running until readiness fails
    std::optional<api::Quantity> cpu;    ///< usage; default: the container's cpu request
    std::optional<api::Quantity> memory; ///< usage at start; default: the memory request
    double memoryGrowthPerSecond = 0;    ///< bytes per second, while running

    SimDuration pullDuration() const { return SimDuration::fromSeconds(pullSeconds); }
    SimDuration startDuration() const { return SimDuration::fromSeconds(startSeconds); }
    SimDuration readyDuration() const { return SimDuration::fromSeconds(readySeconds); }
    SimDuration stopDuration() const { return SimDuration::fromSeconds(stopSeconds); }
    std::optional<SimDuration> exitAfter() const;
    std::optional<SimDuration> livenessFailAfter() const;
    std::optional<SimDuration> readinessFailAfter() const;

    /// When a container instance running since runningAt passes each probe (for ProbeTracker):
    /// readiness from readySeconds until readinessFailAfterSeconds; liveness from the start
    /// until livenessFailAfterSeconds; startup (the app has finished starting) from
    /// readySeconds until livenessFailAfterSeconds.
    AppHealth readinessHealth(SimTime runningAt) const;
    AppHealth livenessHealth(SimTime runningAt) const;
    AppHealth startupHealth(SimTime runningAt) const;

    /// cpu usage: `cpu`, else the container's cpu request, else zero.
    api::Quantity cpuUsage(const store::Container &container) const;
    /// Memory in bytes after running for `running`: `memory` (else the memory request, else
    /// zero) plus memoryGrowthPerSecond x seconds, saturating at the int64 limit.
    std::int64_t memoryBytesAfter(const store::Container &container, SimDuration running) const;

    friend bool operator==(const ContainerBehavior &, const ContainerBehavior &) = default;
};

} // namespace emu::kubelet
