// SPDX-License-Identifier: Apache-2.0
#include "scheduler_snapshot.h"

namespace emu::sched {

SchedulerSnapshot SchedulerSnapshot::take(const store::ObjectStore &store)
{
    SchedulerSnapshot snapshot;
    for (const auto &node : store.nodes().list())
        snapshot.nodes.emplace(node->meta.name, NodeInfo(node));
    for (const auto &pod : store.pods().list()) {
        if (pod->spec.nodeName.empty()) {
            // upstream PodNominator: pending pods with status.nominatedNodeName.
            if (!pod->status.nominatedNodeName.empty() && !pod->meta.deletionTimestamp)
                snapshot.nominated[pod->status.nominatedNodeName].push_back(pod);
            continue;
        }
        const auto it = snapshot.nodes.find(pod->spec.nodeName);
        if (it != snapshot.nodes.end() && pod->status.phase != "Succeeded" && pod->status.phase != "Failed")
            it->second.addPod(pod);
    }
    return snapshot;
}

} // namespace emu::sched
