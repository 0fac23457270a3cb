// SPDX-License-Identifier: Apache-2.0
// PodWorker: admission, the start sequence (init containers, sidecars, app containers) and
// status publication. Containers and probes: pod_worker_containers.cpp; termination and
// eviction: pod_worker_termination.cpp.
#include "pod_worker.h"

#include "kubelet.h"
#include "pod_status.h"
#include "qos_class.h"

namespace emu::kubelet {

namespace {

using Kind = store::Pod::ContainerState::Kind;

std::optional<store::Pod::ContainerStatus> previousStatus(const std::vector<store::Pod::ContainerStatus> &list,
                                                          const std::string &name)
{
    for (const store::Pod::ContainerStatus &s : list)
        if (s.name == name)
            return s;
    return std::nullopt;
}

} // namespace

PodWorker::PodWorker(Kubelet &kubelet, const store::Pod &pod, std::uint64_t serial, bool afterReboot)
    : m_kubelet(kubelet)
    , m_key(pod.meta.key())
    , m_serial(serial)
    , m_pod(pod)
    , m_behavior(PodBehavior::fromPod(pod))
    , m_afterReboot(afterReboot)
{
    m_initCount = m_pod.spec.initContainers.size();
    m_runs.resize(m_initCount + m_pod.spec.containers.size());
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        Run &r = m_runs[i];
        r.init = i < m_initCount;
        r.statusIndex = r.init ? i : i - m_initCount;
        r.spec = r.init ? &m_pod.spec.initContainers[i] : &m_pod.spec.containers[i - m_initCount];
        r.sidecar = r.init && isSidecar(*r.spec);
        r.behavior = m_behavior.behaviorFor(r.spec->name);
        // A regular init container that says nothing about exiting completes at once.
        if (r.init && !r.sidecar && !r.behavior.exitAfterSeconds)
            r.behavior.exitAfterSeconds = 0;
    }
}

void PodWorker::admit(const std::string &rejectReason, const std::string &rejectMessage)
{
    sim::SimContext &context = m_kubelet.context();
    const SimTime now = context.engine.now();
    store::Pod::Status &st = m_pod.status;
    const std::vector<store::Pod::ContainerStatus> oldInit = st.initContainerStatuses;
    const std::vector<store::Pod::ContainerStatus> oldApp = st.containerStatuses;
    // The kubelet's own view starts empty: other components' conditions stay theirs.
    st.conditions.clear();
    if (!st.startTime)
        st.startTime = now;
    st.qosClass = qosClass(m_pod);
    if (!rejectReason.empty()) {
        // kubelet admission (lifecycle.PodAdmitHandler): the pod fails without starting.
        st.phase = "Failed";
        st.reason = rejectReason;
        st.message = rejectMessage;
        m_forcedPhase = "Failed";
        m_podIsTerminal = true;
        m_terminated = true;
        event("Warning", rejectReason, rejectMessage);
        publish();
        return;
    }
    st.hostIP = m_kubelet.hostIP();
    st.podIP = m_kubelet.nextPodIP();
    if (m_afterReboot)
        event("Normal", "SandboxChanged", "Pod sandbox changed, it will be killed and re-created.");
    // The sandbox and its network are ready at once.
    setPodCondition(m_pod, "PodReadyToStartContainers", "True", "", "", now);
    st.initContainerStatuses.clear();
    st.containerStatuses.clear();
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        Run &r = m_runs[i];
        store::Pod::ContainerStatus s;
        s.name = r.spec->name;
        s.image = r.spec->image;
        s.state.reason = r.init || m_initCount > 0 ? "PodInitializing" : "ContainerCreating";
        if (auto old = previousStatus(r.init ? oldInit : oldApp, s.name)) {
            // The machine rebooted: the containers are gone (exit 255, reason Unknown) and
            // start again as a restart.
            s.restartCount = old->restartCount + (m_afterReboot ? 1 : 0);
            if (m_afterReboot && old->state.kind != Kind::Waiting)
                s.lastState = store::Pod::ContainerState{Kind::Terminated, "Unknown", "", 255,
                                                         old->state.startedAt, now};
            else
                s.lastState = old->lastState;
        }
        (r.init ? st.initContainerStatuses : st.containerStatuses).push_back(std::move(s));
        // Probe workers start when the pod is added (prober_manager AddPod); regular init
        // containers have none.
        if (r.init && !r.sidecar)
            continue;
        if (r.spec->startupProbe)
            r.startup.emplace(ProbeType::Startup, *r.spec->startupProbe, now);
        if (r.spec->livenessProbe)
            r.liveness.emplace(ProbeType::Liveness, *r.spec->livenessProbe, now);
        if (r.spec->readinessProbe)
            r.readiness.emplace(ProbeType::Readiness, *r.spec->readinessProbe, now);
    }
    publish();
    advance();
}

store::Pod::ContainerStatus &PodWorker::status(std::size_t run)
{
    const Run &r = m_runs[run];
    return r.init ? m_pod.status.initContainerStatuses[r.statusIndex]
                  : m_pod.status.containerStatuses[r.statusIndex];
}

void PodWorker::publish()
{
    const SimTime now = m_kubelet.context().engine.now();
    m_pod.status.phase = m_forcedPhase.empty() ? podPhase(m_pod, m_podIsTerminal) : m_forcedPhase;
    updateKubeletConditions(m_pod, now);
    m_kubelet.publishPodStatus(m_key, m_pod.status);
}

void PodWorker::republish()
{
    m_kubelet.publishPodStatus(m_key, m_pod.status);
}

void PodWorker::event(const std::string &type, const std::string &reason, const std::string &message)
{
    if (m_kubelet.isConnected())
        m_kubelet.context().events.record(type, reason, "Pod", m_pod.meta.namespaceName, m_pod.meta.name, message);
}

void PodWorker::at(SimDuration delay, std::function<void(PodWorker &)> fn)
{
    Kubelet *kubelet = &m_kubelet;
    m_kubelet.context().engine.schedule(delay, [kubelet, key = m_key, serial = m_serial, fn = std::move(fn)] {
        if (PodWorker *w = kubelet->workerFor(key); w && w->serial() == serial)
            fn(*w);
    });
}

// computePodActions, in order: the first init container that is not done starts (the next
// one waits for it to exit 0, or for a sidecar to have started), then all app containers.
void PodWorker::advance()
{
    if (m_terminating || m_terminated)
        return;
    for (std::size_t i = 0; i < m_initCount; ++i) {
        Run &r = m_runs[i];
        const store::Pod::ContainerStatus &s = status(i);
        if (r.sidecar) {
            if (s.started)
                continue;
            if (!r.busy)
                startContainer(i, [i](PodWorker &w) { (void)i; w.advance(); });
            return;
        }
        const bool done = s.state.kind == Kind::Terminated && s.state.exitCode == 0;
        if (done)
            continue;
        if (!r.busy && !(s.state.kind == Kind::Terminated && m_pod.spec.restartPolicy == "Never"))
            startContainer(i, nullptr);
        return;
    }
    if (m_appsStarted)
        return;
    m_appsStarted = true;
    for (std::size_t i = m_initCount; i < m_runs.size(); ++i) {
        store::Pod::ContainerStatus &s = status(i);
        if (s.state.kind == Kind::Waiting && s.state.reason == "PodInitializing")
            s.state.reason = "ContainerCreating";
    }
    publish();
    startAppContainers(m_initCount);
}

// SyncPod starts the app containers one after the other (each pull, create and start is a
// blocking call of the runtime).
void PodWorker::startAppContainers(std::size_t from)
{
    if (from >= m_runs.size() || m_terminating)
        return;
    startContainer(from, [from](PodWorker &w) { w.startAppContainers(from + 1); });
}

// A pod whose app containers all ended for good reaches its final phase; its sidecars are
// then stopped (a Job pod is done when its app containers are).
void PodWorker::finishIfDone()
{
    if (m_terminating || m_terminated)
        return;
    for (std::size_t i = m_initCount; i < m_runs.size(); ++i)
        if (m_runs[i].busy)
            return;
    publish();
    const std::string phase = m_pod.status.phase;
    if (phase != "Succeeded" && phase != "Failed")
        return;
    m_terminating = true;
    stopAll(SimDuration::seconds(m_pod.spec.terminationGracePeriodSeconds), [](PodWorker &w) { w.stopped(); });
}

std::int64_t PodWorker::memoryUsage(SimTime now) const
{
    std::int64_t total = 0;
    for (const Run &r : m_runs)
        if (r.running)
            total += r.behavior.memoryBytesAfter(*r.spec, now - r.runningSince);
    return total;
}

std::int64_t PodWorker::containerMemoryUsage(const std::string &container, SimTime now) const
{
    for (const Run &r : m_runs)
        if (r.running && r.spec->name == container)
            return r.behavior.memoryBytesAfter(*r.spec, now - r.runningSince);
    return 0;
}

bool PodWorker::hasGrowingMemory() const
{
    for (const Run &r : m_runs)
        if (r.running && r.behavior.memoryGrowthPerSecond > 0)
            return true;
    return false;
}

std::int64_t PodWorker::cpuUsageMillis() const
{
    std::int64_t total = 0;
    for (const Run &r : m_runs)
        if (r.running)
            total += r.behavior.cpuUsage(*r.spec).milliValue();
    return total;
}

} // namespace emu::kubelet
