// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "kubelet_config.h"
#include "restart_backoff.h"

#include "emulator/core/event_id.h"
#include "emulator/core/rng.h"
#include "emulator/sim/sim_context.h"

#include <functional>
#include <map>
#include <set>
#include <vector>
#include <optional>
#include <string>

namespace emu::kubelet {

/// One emulated kubelet: registers its Node, renews its Lease and posts node status the way
/// the real kubelet does (kubelet_node_status.go, nodelease controller), in simulated time.
/// Failures are modelled by stopping it (crash, kubelet stop) or by cutting it off from the
/// API server (network partition: every write fails and is retried with backoff).
/// Engine thread only.
class Kubelet
{
public:
    Kubelet(sim::SimContext &context, KubeletConfig config, Rng rng);
    Kubelet(const Kubelet &) = delete;
    Kubelet &operator=(const Kubelet &) = delete;
    ~Kubelet();

    const std::string &nodeName() const { return m_config.nodeName; }
    bool isRunning() const { return m_running; }
    bool isPartitioned() const { return m_partitioned; }

    /// The kubelet process starts: registers (or adopts) its Node, then runs its loops, each
    /// at its own phase. `newBoot` gives the node a new bootID (the machine rebooted).
    void start(bool newBoot);
    /// The kubelet process stops: no more heartbeats.
    void stop();
    /// Cuts the kubelet off from the API server, or reconnects it.
    void setPartitioned(bool partitioned);
    /// Starts a pod bound to this node (pulls, creates and starts its containers in order,
    /// then reports it ready), unless it runs already or the kubelet is down or cut off.
    void syncPod(const store::Pod &pod);
    /// Stops a deleted pod's containers and confirms the deletion (removes it from the store).
    void killPod(const store::Pod &pod);
    /// A container of a pod on this node exits now with `exitCode` (ContainerCrash action).
    void crashContainer(const std::string &podKey, const std::string &container, int exitCode);
    /// A condition the kubelet reports from now on (SetCondition action): status True, False
    /// or Unknown; an empty status returns the condition to the kubelet's own view.
    void setConditionOverride(const std::string &type, const std::string &status);

private:
    void tryRegister();
    void renewLease();
    void onLeaseFailure();
    void updateStatus(bool force);
    void scheduleStatusTick(SimDuration delay);
    SimDuration jittered(SimDuration period);
    store::Node buildInitialNode() const;
    void recordConditionEvents(const store::Node *before, const store::Node &after);

    void podStep(const std::string &podKey, std::function<void(store::Pod &)> change);
    void runContainer(const std::string &podKey, std::size_t index, SimDuration delay);
    void containerExited(const std::string &podKey, std::size_t index, int exitCode);
    void after(const std::string &podKey, SimDuration delay, std::function<void()> fn);
    std::string podIP(std::size_t index) const;

    sim::SimContext &m_context;
    std::set<std::string> m_images;                            ///< images present on the node
    std::map<std::string, std::vector<EventId>> m_podTimers;   ///< pending steps per pod
    std::map<std::string, std::string> m_podBoot;              ///< bootID each pod started under
    /// Per container (pod key + "/" + index): bumped at each (re)start and exit, so timers of
    /// an earlier run of the container do nothing.
    std::map<std::string, std::uint64_t> m_incarnation;
    RestartBackoff m_backoff;
    std::size_t m_podsStarted = 0;
    KubeletConfig m_config;
    Rng m_rng;
    std::string m_bootID;
    std::map<std::string, std::string> m_conditionOverrides;
    EventId m_leaseTimer;
    EventId m_statusTimer;
    EventId m_registerTimer;
    SimDuration m_leaseBackoff;
    SimDuration m_registerBackoff;
    std::optional<SimTime> m_lastStatusReport;
    SimTime m_startedAt;
    bool m_running = false;
    bool m_partitioned = false;
    bool m_registered = false;
    bool m_everReady = false;
};

} // namespace emu::kubelet
