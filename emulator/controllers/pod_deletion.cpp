// SPDX-License-Identifier: Apache-2.0
#include "pod_deletion.h"

#include <algorithm>

namespace emu::ctrl {

store::StoreResult deletePod(store::ObjectStore &store, const std::string &podKey,
                             std::optional<std::int64_t> gracePeriodSeconds)
{
    auto &pods = store.pods();
    const auto pod = pods.get(podKey);
    if (!pod)
        return {store::StoreError::NotFound, "pods \"" + podKey + "\" not found", 0};
    std::int64_t grace = gracePeriodSeconds.value_or(pod->spec.terminationGracePeriodSeconds);
    if (pod->spec.nodeName.empty() || pod->status.phase == "Succeeded" || pod->status.phase == "Failed")
        grace = 0;
    return grace <= 0 ? pods.remove(podKey) : pods.terminate(podKey, grace);
}

void setPodCondition(store::Pod &pod, store::Pod::Condition condition)
{
    auto &conditions = pod.status.conditions;
    const auto it = std::find_if(conditions.begin(), conditions.end(),
                                 [&](const store::Pod::Condition &c) { return c.type == condition.type; });
    if (it == conditions.end()) {
        conditions.push_back(std::move(condition));
        return;
    }
    if (it->status == condition.status)
        condition.lastTransitionTime = it->lastTransitionTime;
    *it = std::move(condition);
}

} // namespace emu::ctrl
