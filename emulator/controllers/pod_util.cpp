// SPDX-License-Identifier: Apache-2.0
#include "pod_util.h"

namespace emu::ctrl {

bool isPodTerminal(const store::Pod &pod)
{
    return pod.status.phase == "Succeeded" || pod.status.phase == "Failed";
}

bool isPodActive(const store::Pod &pod)
{
    return !isPodTerminal(pod) && !pod.meta.deletionTimestamp;
}

bool isPodReady(const store::Pod &pod)
{
    const store::Pod::Condition *ready = pod.condition("Ready");
    return ready && ready->status == "True";
}

std::optional<SimTime> podReadyTime(const store::Pod &pod)
{
    const store::Pod::Condition *ready = pod.condition("Ready");
    if (!ready || ready->status != "True")
        return std::nullopt;
    return ready->lastTransitionTime;
}

bool isPodAvailable(const store::Pod &pod, std::int32_t minReadySeconds, SimTime now)
{
    const std::optional<SimTime> readySince = podReadyTime(pod);
    if (!readySince)
        return false;
    // lastTransitionTime is a metav1.Time: controllers read it in whole seconds.
    const SimTime since = SimTime::fromNs(readySince->ns() - readySince->ns() % 1'000'000'000);
    return minReadySeconds == 0 || since + SimDuration::seconds(minReadySeconds) < now;
}

} // namespace emu::ctrl
