// SPDX-License-Identifier: Apache-2.0
#include "pod_status.h"

#include <algorithm>

namespace emu::kubelet {

namespace {

using Kind = store::Pod::ContainerState::Kind;

const store::Pod::ContainerStatus *statusOf(const std::vector<store::Pod::ContainerStatus> &list,
                                            const std::string &name)
{
    for (const store::Pod::ContainerStatus &s : list)
        if (s.name == name)
            return &s;
    return nullptr;
}

bool kubeletOwned(std::string_view type)
{
    return type == "PodReadyToStartContainers" || type == "Initialized" || type == "ContainersReady"
           || type == "Ready";
}

std::string nameList(const std::vector<std::string> &names)
{
    std::string out;
    for (const std::string &n : names)
        out += (out.empty() ? "" : " ") + n;
    return "[" + out + "]";
}

} // namespace

bool isSidecar(const store::Container &container)
{
    return container.restartPolicy == "Always";
}

void setPodCondition(store::Pod &pod, std::string_view type, std::string_view status,
                     std::string_view reason, std::string_view message, SimTime now)
{
    for (store::Pod::Condition &c : pod.status.conditions) {
        if (c.type != type)
            continue;
        if (c.status != status)
            c.lastTransitionTime = now;
        c.status = status;
        c.reason = reason;
        c.message = message;
        return;
    }
    pod.status.conditions.push_back(
        {std::string(type), std::string(status), std::string(reason), std::string(message), now});
}

std::string podPhase(const store::Pod &pod, bool podIsTerminal)
{
    int pendingSidecars = 0;
    int pendingInit = 0;
    int failedInit = 0;
    for (const store::Container &c : pod.spec.initContainers) {
        const store::Pod::ContainerStatus *s = statusOf(pod.status.initContainerStatuses, c.name);
        if (isSidecar(c)) {
            if (!s || s->state.kind != Kind::Running || !s->started)
                ++pendingSidecars;
            continue;
        }
        if (!s) {
            ++pendingInit;
        } else if (s->state.kind == Kind::Running) {
            ++pendingInit;
        } else if (s->state.kind == Kind::Terminated) {
            if (s->state.exitCode != 0)
                ++failedInit;
        } else if (s->lastState && s->lastState->kind == Kind::Terminated) {
            if (s->lastState->exitCode != 0)
                ++failedInit;
        } else {
            ++pendingInit;
        }
    }
    int unknown = 0, running = 0, waiting = 0, stopped = 0, succeeded = 0;
    for (const store::Container &c : pod.spec.containers) {
        const store::Pod::ContainerStatus *s = statusOf(pod.status.containerStatuses, c.name);
        if (!s) {
            ++unknown;
        } else if (s->state.kind == Kind::Running) {
            ++running;
        } else if (s->state.kind == Kind::Terminated) {
            ++stopped;
            if (s->state.exitCode == 0)
                ++succeeded;
        } else if (s->lastState && s->lastState->kind == Kind::Terminated) {
            ++stopped;
        } else {
            ++waiting;
        }
    }
    if (failedInit > 0 && pod.spec.restartPolicy == "Never")
        return "Failed";
    if (pendingInit > 0 || (pendingSidecars > 0 && running + stopped == 0))
        return "Pending";
    if (waiting > 0)
        return "Pending";
    if (running > 0 && unknown == 0)
        return "Running";
    if (running == 0 && stopped > 0 && unknown == 0) {
        if (podIsTerminal)
            return stopped == succeeded ? "Succeeded" : "Failed";
        if (pod.spec.restartPolicy == "Always")
            return "Running";
        if (stopped == succeeded)
            return "Succeeded";
        if (pod.spec.restartPolicy == "Never")
            return "Failed";
        return "Running";
    }
    return "Pending";
}

void updateKubeletConditions(store::Pod &pod, SimTime now)
{
    const bool terminal = pod.status.phase == "Succeeded" || pod.status.phase == "Failed";
    // Initialized: every regular init container exited 0 (sidecars: started).
    std::vector<std::string> incomplete;
    for (const store::Container &c : pod.spec.initContainers) {
        const store::Pod::ContainerStatus *s = statusOf(pod.status.initContainerStatuses, c.name);
        const bool done = isSidecar(c) ? (s && s->started)
                                       : (s && s->state.kind == Kind::Terminated && s->state.exitCode == 0);
        const bool everDone = s && !isSidecar(c) && s->lastState && s->lastState->exitCode == 0
                              && s->lastState->kind == Kind::Terminated;
        if (!done && !everDone)
            incomplete.push_back(c.name);
    }
    const store::Pod::Condition *initialized = pod.condition("Initialized");
    if (initialized && initialized->status == "True") {
        // Stays True once reached (a sidecar restart does not un-initialize the pod).
    } else if (incomplete.empty() || terminal) {
        setPodCondition(pod, "Initialized", "True", "", "", now);
    } else {
        setPodCondition(pod, "Initialized", "False", "ContainersNotInitialized",
                        "containers with incomplete status: " + nameList(incomplete), now);
    }
    if (terminal) {
        setPodCondition(pod, "ContainersReady", "False", "PodCompleted", "", now);
        setPodCondition(pod, "Ready", "False", "PodCompleted", "", now);
        return;
    }
    std::vector<std::string> unready;
    for (const store::Container &c : pod.spec.initContainers) {
        if (!isSidecar(c))
            continue;
        const store::Pod::ContainerStatus *s = statusOf(pod.status.initContainerStatuses, c.name);
        if (!s || !s->ready)
            unready.push_back(c.name);
    }
    for (const store::Container &c : pod.spec.containers) {
        const store::Pod::ContainerStatus *s = statusOf(pod.status.containerStatuses, c.name);
        if (!s || !s->ready)
            unready.push_back(c.name);
    }
    if (!incomplete.empty()) {
        const std::string message = "containers with incomplete status: " + nameList(incomplete);
        setPodCondition(pod, "ContainersReady", "False", "ContainersNotReady",
                        "containers with unready status: " + nameList(unready), now);
        setPodCondition(pod, "Ready", "False", "ContainersNotReady",
                        "containers with unready status: " + nameList(unready), now);
        return;
    }
    if (unready.empty()) {
        setPodCondition(pod, "ContainersReady", "True", "", "", now);
        setPodCondition(pod, "Ready", "True", "", "", now);
    } else {
        const std::string message = "containers with unready status: " + nameList(unready);
        setPodCondition(pod, "ContainersReady", "False", "ContainersNotReady", message, now);
        setPodCondition(pod, "Ready", "False", "ContainersNotReady", message, now);
    }
}

void mergeKubeletStatus(store::Pod::Status &stored, const store::Pod::Status &kubeletStatus)
{
    std::vector<store::Pod::Condition> conditions;
    for (const store::Pod::Condition &c : stored.conditions)
        if (!kubeletOwned(c.type))
            conditions.push_back(c);
    for (const store::Pod::Condition &c : kubeletStatus.conditions) {
        if (kubeletOwned(c.type)) {
            conditions.push_back(c);
            continue;
        }
        // A condition the kubelet adds itself (DisruptionTarget on eviction or shutdown).
        auto same = std::find_if(conditions.begin(), conditions.end(),
                                 [&](const store::Pod::Condition &o) { return o.type == c.type; });
        if (same == conditions.end())
            conditions.push_back(c);
        else
            *same = c;
    }
    const std::string nominated = stored.nominatedNodeName;
    stored = kubeletStatus;
    stored.conditions = std::move(conditions);
    stored.nominatedNodeName = nominated;
}

} // namespace emu::kubelet
