// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "kubelet_config.h"
#include "pod_worker.h"
#include "restart_backoff.h"

#include "emulator/core/event_id.h"
#include "emulator/core/rng.h"
#include "emulator/sim/sim_context.h"

#include <functional>
#include <map>
#include <memory>
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
    /// Starts a pod bound to this node (admission, then a PodWorker runs it), unless it runs
    /// already or the kubelet is down or cut off; a pod it runs gets its status written again.
    void syncPod(const store::Pod &pod);
    /// Stops a deleted pod's containers within its grace period and confirms the deletion
    /// (removes it from the store).
    void killPod(const store::Pod &pod);
    /// A container of a pod on this node exits now with `exitCode` (ContainerCrash action).
    void crashContainer(const std::string &podKey, const std::string &container, int exitCode);
    /// Graceful node shutdown (kubelet nodeshutdown manager, spec 4.1): Ready False, pods
    /// terminated by priority group within shutdownGracePeriod*, then the machine stops.
    /// With shutdownGracePeriod 0 (the default) the machine just stops.
    void shutdown();
    bool isShuttingDown() const { return m_shuttingDown; }
    /// Image pulls of `image` fail from now until `until` (ImagePullFailure action).
    void addPullFailure(const std::string &image, std::optional<SimTime> until);

    // --- for the PodWorkers of this kubelet
    sim::SimContext &context() { return m_context; }
    bool isConnected() const { return m_running && !m_partitioned; }
    PodWorker *workerFor(const std::string &podKey);
    const std::map<std::string, std::unique_ptr<PodWorker>> &workers() const { return m_workers; }
    /// The status manager: writes a pod's status (merged with what others own) when connected.
    void publishPodStatus(const std::string &podKey, const store::Pod::Status &status);
    /// Deletes the pod object (grace 0) once its containers have stopped.
    void removePod(const std::string &podKey);
    std::string hostIP() const;
    std::string nextPodIP();
    bool hasImage(const std::string &image) const { return m_images.count(image) > 0; }
    void addImage(const std::string &image) { m_images.insert(image); }
    const std::set<std::string> &images() const { return m_images; }
    /// serializeImagePulls: a pull of `duration` starts when the previous one has ended;
    /// returns its start time.
    SimTime reservePull(SimDuration duration);
    /// Why a pull of `image` fails now, if it does (ImagePullFailure).
    std::optional<std::string> pullFailure(const std::string &image) const;
    RestartBackoff &restartBackoff() { return m_backoff; }
    RestartBackoff &imageBackoff() { return m_imageBackoff; }
    /// A condition the kubelet reports from now on (SetCondition action): status True, False
    /// or Unknown; an empty status returns the condition to the kubelet's own view.
    void setConditionOverride(const std::string &type, const std::string &status);
    /// A container with growing memory runs: the eviction manager watches the node.
    void watchMemory() { ensureEvictionMonitoring(); }

private:
    void tryRegister();
    void renewLease();
    void onLeaseFailure();
    void updateStatus(bool force);
    void scheduleStatusTick(SimDuration delay);
    SimDuration jittered(SimDuration period);
    store::Node buildInitialNode() const;
    void recordConditionEvents(const store::Node *before, const store::Node &after);

    std::optional<std::pair<std::string, std::string>> admissionRejection(const store::Pod &pod) const;
    void ensureEvictionMonitoring();
    bool needsEvictionMonitoring() const;
    void evictionTick();
    void evictOnePod(const std::string &resource, std::int64_t available);
    struct ShutdownGroup
    {
        std::int64_t priority = 0;
        SimDuration period;
    };
    void shutdownGroup(std::vector<ShutdownGroup> groups, std::size_t index);

    sim::SimContext &m_context;
    std::set<std::string> m_images;                            ///< images present on the node
    std::map<std::string, std::unique_ptr<PodWorker>> m_workers;
    std::map<std::string, std::string> m_podBoot;              ///< bootID each pod started under
    std::uint64_t m_workerSerial = 0;
    RestartBackoff m_backoff;
    RestartBackoff m_imageBackoff;
    SimTime m_pullBusyUntil;
    std::map<std::string, std::optional<SimTime>> m_pullFailures; ///< image -> until
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
    bool m_shuttingDown = false;
    bool m_evictionMonitoring = false;
    std::optional<SimTime> m_memoryThresholdMetAt; ///< last eviction cycle that saw memory.available low
    std::set<std::string> m_userOverrides;          ///< conditions a SetCondition action forces
};

} // namespace emu::kubelet
