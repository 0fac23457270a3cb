// SPDX-License-Identifier: Apache-2.0
#include "pod_gc_controller.h"

#include <algorithm>
#include <vector>

namespace emu::ctrl {

namespace {

constexpr SimDuration gcCheckPeriod = SimDuration::seconds(20);      ///< podgc gcCheckPeriod
constexpr SimDuration quarantineTime = SimDuration::seconds(40);     ///< podgc quarantineTime
constexpr std::size_t terminatedPodGCThreshold = 12'500;             ///< --terminated-pod-gc-threshold
constexpr const char *outOfServiceTaint = "node.kubernetes.io/out-of-service";

bool isTerminal(const store::Pod &pod)
{
    return pod.status.phase == "Succeeded" || pod.status.phase == "Failed";
}

} // namespace

PodGcController::PodGcController(sim::SimContext &context) : m_context(context) {}

void PodGcController::start()
{
    m_context.engine.schedule(gcCheckPeriod, [this] { gc(); });
}

void PodGcController::forceDelete(const std::string &podKey, bool orphan)
{
    auto &pods = m_context.store.pods();
    auto pod = pods.get(podKey);
    if (!pod)
        return;
    const SimTime now = m_context.engine.now();
    if (!isTerminal(*pod) || orphan)
        pods.patch(podKey, [&](store::Pod &p) {
            if (!isTerminal(p))
                p.status.phase = "Failed";
            if (orphan) {
                bool found = false;
                for (store::Pod::Condition &c : p.status.conditions)
                    if (c.type == "DisruptionTarget") {
                        c = {"DisruptionTarget", "True", "DeletionByPodGC", "PodGC: node no longer exists", now};
                        found = true;
                    }
                if (!found)
                    p.status.conditions.push_back(
                        {"DisruptionTarget", "True", "DeletionByPodGC", "PodGC: node no longer exists", now});
            }
        });
    pods.remove(podKey); // grace period 0
}

void PodGcController::gc()
{
    const SimTime now = m_context.engine.now();
    auto &pods = m_context.store.pods();
    const auto all = pods.list();
    std::vector<std::shared_ptr<const store::Pod>> terminated;
    std::map<std::string, bool> nodeExists;
    for (const auto &pod : all) {
        if (isTerminal(*pod))
            terminated.push_back(pod);
        const std::string &nodeName = pod->spec.nodeName;
        if (nodeName.empty()) {
            if (pod->meta.deletionTimestamp)
                pods.remove(pod->meta.key());
            continue;
        }
        auto node = m_context.store.nodes().get(nodeName);
        if (!node) {
            // gcOrphaned: the node must stay missing for the quarantine time.
            const auto [it, inserted] = m_missingNodeSince.emplace(nodeName, now);
            if (now - it->second >= quarantineTime)
                forceDelete(pod->meta.key(), true);
            continue;
        }
        m_missingNodeSince.erase(nodeName);
        if (!pod->meta.deletionTimestamp)
            continue;
        // gcTerminating: not Ready and tainted out-of-service.
        const store::NodeCondition *ready = node->condition("Ready");
        const bool notReady = !ready || ready->status != "True";
        const bool outOfService = std::any_of(node->spec.taints.begin(), node->spec.taints.end(),
                                              [](const store::NodeTaint &t) { return t.key == outOfServiceTaint; });
        if (notReady && outOfService)
            forceDelete(pod->meta.key(), false);
    }
    // gcTerminated: the oldest (by creation) beyond the threshold.
    if (terminated.size() > terminatedPodGCThreshold) {
        std::stable_sort(terminated.begin(), terminated.end(), [](const auto &a, const auto &b) {
            return a->meta.creationTimestamp < b->meta.creationTimestamp;
        });
        for (std::size_t i = 0; i < terminated.size() - terminatedPodGCThreshold; ++i)
            pods.remove(terminated[i]->meta.key());
    }
    m_context.engine.schedule(gcCheckPeriod, [this] { gc(); });
}

} // namespace emu::ctrl
