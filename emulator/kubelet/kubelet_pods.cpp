// SPDX-License-Identifier: Apache-2.0
// The emulated kubelet's pod lifecycle (pkg/kubelet SyncPod, simplified): each container's
// image is pulled (per the pull policy and the node's image cache), the container created
// and started, in order; timings come from the kubecanvas.io/behavior annotation.
#include "kubelet.h"

#include "image_pull_policy.h"
#include "pod_behavior.h"
#include "qos_class.h"

#include "emulator/api/go_duration.h"

namespace emu::kubelet {

namespace {

std::string containerKey(const std::string &podKey, std::size_t index)
{
    return podKey + '/' + std::to_string(index);
}

store::Pod::Condition *condition(store::Pod &pod, std::string_view type)
{
    for (store::Pod::Condition &c : pod.status.conditions)
        if (c.type == type)
            return &c;
    return nullptr;
}

void setCondition(store::Pod &pod, const std::string &type, const std::string &status,
                  const std::string &reason, const std::string &message, SimTime now)
{
    store::Pod::Condition *c = condition(pod, type);
    if (!c) {
        pod.status.conditions.push_back({type, status, reason, message, now});
        return;
    }
    if (c->status != status)
        c->lastTransitionTime = now;
    c->status = status;
    c->reason = reason;
    c->message = message;
}

std::string unreadyList(const store::Pod &pod)
{
    std::string names;
    for (const store::Pod::ContainerStatus &s : pod.status.containerStatuses)
        if (!s.ready)
            names += (names.empty() ? "" : " ") + s.name;
    return "[" + names + "]";
}

void updateReadiness(store::Pod &pod, SimTime now)
{
    bool allReady = !pod.status.containerStatuses.empty();
    for (const store::Pod::ContainerStatus &s : pod.status.containerStatuses)
        allReady = allReady && s.ready;
    const std::string message = allReady ? std::string() : "containers with unready status: " + unreadyList(pod);
    setCondition(pod, "ContainersReady", allReady ? "True" : "False", allReady ? "" : "ContainersNotReady", message, now);
    setCondition(pod, "Ready", allReady ? "True" : "False", allReady ? "" : "ContainersNotReady", message, now);
}

std::string seconds(SimDuration d)
{
    return api::formatGoDuration(d.ns());
}

} // namespace

std::string Kubelet::podIP(std::size_t index) const
{
    auto node = m_context.store.nodes().get(m_config.nodeName);
    if (!node || node->spec.podCIDR.empty())
        return {};
    // The first addresses of the node's range: .1 is the bridge, pods from .2.
    std::string base = node->spec.podCIDR.substr(0, node->spec.podCIDR.find('/'));
    const auto lastDot = base.rfind('.');
    const int host = static_cast<int>(index % 250) + 2;
    return base.substr(0, lastDot + 1) + std::to_string(host);
}

void Kubelet::podStep(const std::string &podKey, std::function<void(store::Pod &)> change)
{
    if (!m_running || m_partitioned)
        return;
    m_context.store.pods().patch(podKey, change);
}

void Kubelet::syncPod(const store::Pod &pod)
{
    const std::string key = pod.meta.key();
    if (!m_running || m_partitioned || pod.meta.deletionTimestamp || m_podTimers.count(key))
        return;
    const auto boot = m_podBoot.find(key);
    const bool startedHere = pod.status.startTime && boot != m_podBoot.end() && boot->second == m_bootID;
    if (startedHere)
        return; // running (a kubelet restart leaves containers running)
    // A pod that ran before the machine rebooted: its sandbox is gone and is re-created, and
    // every container starts again (restartCount + 1).
    const bool afterReboot = pod.status.startTime.has_value();
    m_podBoot[key] = m_bootID;
    const SimTime now = m_context.engine.now();
    if (afterReboot)
        m_context.events.record("Normal", "SandboxChanged", "Pod", pod.meta.namespaceName, pod.meta.name,
                                "Pod sandbox changed, it will be killed and re-created.");
    const PodBehavior behavior = PodBehavior::fromPod(pod);
    std::string hostIP;
    if (auto node = m_context.store.nodes().get(m_config.nodeName))
        for (const store::NodeAddress &a : node->status.addresses)
            if (a.type == "InternalIP")
                hostIP = a.address;
    const std::string ip = podIP(m_podsStarted++);
    podStep(key, [&](store::Pod &p) {
        std::map<std::string, int> restarts;
        for (const store::Pod::ContainerStatus &s : p.status.containerStatuses)
            restarts[s.name] = s.restartCount + (afterReboot ? 1 : 0);
        if (!p.status.startTime)
            p.status.startTime = now;
        p.status.phase = "Pending";
        p.status.hostIP = hostIP;
        p.status.podIP = ip;
        p.status.qosClass = qosClass(p);
        setCondition(p, "PodReadyToStartContainers", "True", "", "", now);
        setCondition(p, "Initialized", "True", "", "", now);
        p.status.containerStatuses.clear();
        for (const store::Container &c : p.spec.containers) {
            store::Pod::ContainerStatus s;
            s.name = c.name;
            s.image = c.image;
            s.state.reason = "ContainerCreating";
            s.restartCount = restarts.count(c.name) ? restarts[c.name] : 0;
            p.status.containerStatuses.push_back(std::move(s));
        }
        updateReadiness(p, now);
    });
    // Containers start one after the other, each after its image is there.
    std::vector<EventId> &timers = m_podTimers[key];
    SimDuration t;
    const std::string ns = pod.meta.namespaceName;
    const std::string name = pod.meta.name;
    auto at = [&](SimDuration when, std::function<void()> fn) {
        timers.push_back(m_context.engine.schedule(when, std::move(fn)));
    };
    for (std::size_t i = 0; i < pod.spec.containers.size(); ++i) {
        const store::Container &c = pod.spec.containers[i];
        const ContainerBehavior &b = behavior.behaviorFor(c.name);
        const bool present = m_images.count(c.image) > 0;
        const ImagePullAction action = imagePullAction(c, present);
        if (action == ImagePullAction::ErrNeverPull) {
            at(t, [this, key, ns, name, i, image = c.image] {
                m_context.events.record("Warning", "ErrImageNeverPull", "Pod", ns, name,
                                        "Container image \"" + image + "\" is not present with pull policy of Never");
                podStep(key, [&](store::Pod &p) { p.status.containerStatuses[i].state.reason = "ErrImageNeverPull"; });
            });
            break; // the kubelet retries; the pod stays Pending
        }
        if (action == ImagePullAction::Pull) {
            const SimDuration pull = b.pullDuration();
            at(t, [this, ns, name, image = c.image] {
                m_context.events.record("Normal", "Pulling", "Pod", ns, name, "Pulling image \"" + image + "\"");
            });
            t += pull;
            at(t, [this, ns, name, image = c.image, pull] {
                m_images.insert(image);
                m_context.events.record("Normal", "Pulled", "Pod", ns, name,
                                        "Successfully pulled image \"" + image + "\" in " + seconds(pull)
                                            + " (" + seconds(pull) + " including waiting)");
            });
        } else {
            at(t, [this, ns, name, image = c.image] {
                m_context.events.record("Normal", "Pulled", "Pod", ns, name,
                                        "Container image \"" + image + "\" already present on machine");
            });
        }
        runContainer(key, i, t);
        t += b.startDuration();
    }
}

void Kubelet::after(const std::string &podKey, SimDuration delay, std::function<void()> fn)
{
    m_podTimers[podKey].push_back(m_context.engine.schedule(delay, std::move(fn)));
}

// Created now + delay, Running startSeconds later, ready per its readiness probe, and exits
// after exitAfterSeconds if its behavior says so.
void Kubelet::runContainer(const std::string &podKey, std::size_t index, SimDuration delay)
{
    auto pod = m_context.store.pods().get(podKey);
    if (!pod || index >= pod->spec.containers.size())
        return;
    const store::Container &c = pod->spec.containers[index];
    const ContainerBehavior b = PodBehavior::fromPod(*pod).behaviorFor(c.name);
    const std::string ns = pod->meta.namespaceName;
    const std::string name = pod->meta.name;
    const std::uint64_t run = ++m_incarnation[containerKey(podKey, index)];
    auto current = [this, podKey, index, run] { return m_incarnation[containerKey(podKey, index)] == run; };
    after(podKey, delay, [this, ns, name, current, container = c.name] {
        if (current())
            m_context.events.record("Normal", "Created", "Pod", ns, name, "Created container: " + container);
    });
    const SimDuration started = delay + b.startDuration();
    after(podKey, started, [this, podKey, ns, name, index, current, container = c.name] {
        if (!current())
            return;
        m_context.events.record("Normal", "Started", "Pod", ns, name, "Started container " + container);
        const SimTime now = m_context.engine.now();
        podStep(podKey, [&](store::Pod &p) {
            auto &s = p.status.containerStatuses[index];
            s.state = {store::Pod::ContainerState::Kind::Running, "", "", 0, now, std::nullopt};
            s.started = true;
            bool allRunning = true;
            for (const auto &cs : p.status.containerStatuses)
                allRunning = allRunning && cs.state.kind == store::Pod::ContainerState::Kind::Running;
            if (allRunning)
                p.status.phase = "Running";
        });
    });
    // Ready: with a readiness probe, at the first probe period once the app passes (after
    // readySeconds and initialDelaySeconds); without one, as soon as it runs.
    SimDuration readyAfter;
    if (c.readinessProbe) {
        const SimDuration initial = SimDuration::seconds(c.readinessProbe->initialDelaySeconds);
        const SimDuration period = SimDuration::seconds(std::max(1, c.readinessProbe->periodSeconds));
        readyAfter = initial;
        while (readyAfter < b.readyDuration())
            readyAfter += period;
        readyAfter += period * (std::max(1, c.readinessProbe->successThreshold) - 1);
    }
    const std::optional<SimDuration> exitAfter = b.exitAfter();
    if (!exitAfter || readyAfter < *exitAfter) {
        after(podKey, started + readyAfter, [this, podKey, index, current] {
            if (!current())
                return;
            const SimTime when = m_context.engine.now();
            podStep(podKey, [&](store::Pod &p) {
                p.status.containerStatuses[index].ready = true;
                updateReadiness(p, when);
            });
        });
    }
    if (exitAfter)
        after(podKey, started + *exitAfter, [this, podKey, index, current, code = b.exitCode] {
            if (current())
                containerExited(podKey, index, code);
        });
}

void Kubelet::crashContainer(const std::string &podKey, const std::string &container, int exitCode)
{
    auto pod = m_context.store.pods().get(podKey);
    if (!pod || !m_running || m_partitioned)
        return;
    for (std::size_t i = 0; i < pod->status.containerStatuses.size(); ++i)
        if (pod->status.containerStatuses[i].name == container
            && pod->status.containerStatuses[i].state.kind == store::Pod::ContainerState::Kind::Running)
            containerExited(podKey, i, exitCode);
}

// The container's process ended: Terminated (Completed / Error), then restarted per the pod's
// restartPolicy with upstream's back-off (immediately the first time, then 10 s doubling to
// 300 s, reset after 10 minutes without a crash), shown as CrashLoopBackOff meanwhile.
void Kubelet::containerExited(const std::string &podKey, std::size_t index, int exitCode)
{
    auto pod = m_context.store.pods().get(podKey);
    if (!pod || index >= pod->status.containerStatuses.size())
        return;
    ++m_incarnation[containerKey(podKey, index)];
    const SimTime now = m_context.engine.now();
    const std::string reason = exitCode == 0 ? "Completed" : "Error";
    const std::string policy = pod->spec.restartPolicy.empty() ? "Always" : pod->spec.restartPolicy;
    const bool restart = policy == "Always" || (policy == "OnFailure" && exitCode != 0);
    const std::string name = pod->status.containerStatuses[index].name;
    podStep(podKey, [&](store::Pod &p) {
        auto &s = p.status.containerStatuses[index];
        store::Pod::ContainerState terminated{store::Pod::ContainerState::Kind::Terminated, reason, "",
                                              exitCode, s.state.startedAt, now};
        s.state = terminated;
        s.ready = false;
        if (!restart) {
            bool allDone = true;
            bool allSucceeded = true;
            for (const auto &cs : p.status.containerStatuses) {
                allDone = allDone && cs.state.kind == store::Pod::ContainerState::Kind::Terminated;
                allSucceeded = allSucceeded && cs.state.exitCode == 0;
            }
            if (allDone)
                p.status.phase = allSucceeded ? "Succeeded" : "Failed";
        }
        updateReadiness(p, now);
    });
    if (!restart)
        return;
    const std::string backoffKey = RestartBackoff::stableKey(pod->meta.name, pod->meta.namespaceName,
                                                             pod->meta.uid, name);
    const SimDuration wait = m_backoff.tryRestart(backoffKey, now, now);
    auto restartNow = [this, podKey, index, backoffKey, finishedAt = now] {
        auto p = m_context.store.pods().get(podKey);
        if (!p || p->meta.deletionTimestamp)
            return;
        // doBackOff again, as the next sync does: the back-off has run out since finishedAt,
        // so this advances it (10 s, 20 s, ...) for the next crash.
        m_backoff.tryRestart(backoffKey, finishedAt, m_context.engine.now());
        podStep(podKey, [&](store::Pod &q) {
            auto &s = q.status.containerStatuses[index];
            s.lastState = s.state;
            s.restartCount += 1;
            s.state = {store::Pod::ContainerState::Kind::Waiting, "", "", 0, std::nullopt, std::nullopt};
        });
        runContainer(podKey, index, SimDuration());
    };
    if (wait == SimDuration()) {
        restartNow();
        return;
    }
    const std::string who = pod->meta.name + "_" + pod->meta.namespaceName + "(" + pod->meta.uid + ")";
    m_context.events.record("Warning", "BackOff", "Pod", pod->meta.namespaceName, pod->meta.name,
                            "Back-off restarting failed container " + name + " in pod " + who);
    podStep(podKey, [&](store::Pod &p) {
        auto &s = p.status.containerStatuses[index];
        s.lastState = s.state;
        s.state = {store::Pod::ContainerState::Kind::Waiting, "CrashLoopBackOff",
                   "back-off " + api::formatGoDuration(m_backoff.get(backoffKey).ns()) + " restarting failed container="
                       + name + " pod=" + who,
                   0, std::nullopt, std::nullopt};
    });
    after(podKey, wait, restartNow);
}

void Kubelet::killPod(const store::Pod &pod)
{
    if (!m_running || m_partitioned)
        return; // Terminating until the kubelet is back
    const std::string key = pod.meta.key();
    if (auto it = m_podTimers.find(key); it != m_podTimers.end()) {
        for (EventId id : it->second)
            m_context.engine.cancel(id);
        m_podTimers.erase(it);
    }
    for (const store::Pod::ContainerStatus &s : pod.status.containerStatuses)
        if (s.state.kind == store::Pod::ContainerState::Kind::Running)
            m_context.events.record("Normal", "Killing", "Pod", pod.meta.namespaceName, pod.meta.name,
                                    "Stopping container " + s.name);
    // The emulated processes exit on SIGTERM at once, so the deletion completes now.
    m_podBoot.erase(key);
    m_context.store.pods().remove(key);
}

} // namespace emu::kubelet
