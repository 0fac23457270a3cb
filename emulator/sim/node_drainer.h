// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sim_context.h"

#include "emulator/core/event_id.h"

#include <map>
#include <optional>
#include <string>

namespace emu::sim {

/// `kubectl drain NODE` (k8s.io/kubectl/pkg/drain), run in simulated time by the `Drain`
/// scenario action: cordon the node, then evict its pods through the Eviction API, each
/// refused eviction (429, a PodDisruptionBudget) retried every 5 s, and wait (polling every
/// second) until each evicted pod is gone.
///
/// Pod filters, in kubectl's order: DaemonSet-managed pods are skipped (with
/// `ignoreDaemonSets`, the default here; without it they are an error), mirror pods are
/// skipped, pods with emptyDir volumes need `deleteEmptyDirData` (default here) and pods
/// without a controller need `force` unless they have finished. Any error stops the drain
/// before the first eviction (the node stays cordoned), as kubectl does.
///
/// What kubectl prints is recorded as KubeCanvas events: EvictingPod, EvictionRetry,
/// PodEvicted, NodeDrained; failures as ActionFailed. Engine thread only.
class NodeDrainer
{
public:
    struct Options
    {
        bool force = false;
        bool ignoreDaemonSets = true;
        bool deleteEmptyDirData = true;
        std::optional<std::int64_t> gracePeriodSeconds; ///< default: each pod's own
        std::optional<SimDuration> timeout;             ///< default: wait forever
    };

    static constexpr SimDuration retryInterval = SimDuration::seconds(5);  ///< after a 429
    static constexpr SimDuration pollInterval = SimDuration::seconds(1);   ///< waitForDelete

    NodeDrainer(SimContext &context, std::string node, Options options)
        : m_context(context), m_node(std::move(node)), m_options(options) {}
    ~NodeDrainer();
    NodeDrainer(const NodeDrainer &) = delete;
    NodeDrainer &operator=(const NodeDrainer &) = delete;

    /// Cordons the node and starts evicting; false (with kubectl's error) if some pod cannot
    /// be deleted, in which case nothing is evicted.
    bool start(std::string &error);
    bool finished() const { return m_finished; }

private:
    struct PodState
    {
        std::string uid;
        bool evicted = false;
        EventId timer;
    };

    void evict(const std::string &podKey);
    void waitForDeletion(const std::string &podKey);
    void finish(bool drained, const std::string &message);
    void record(const char *type, const char *reason, const std::string &podKey, std::string message);

    SimContext &m_context;
    std::string m_node;
    Options m_options;
    std::map<std::string, PodState> m_pods;
    EventId m_deadline;
    bool m_finished = false;
};

} // namespace emu::sim
