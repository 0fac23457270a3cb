// SPDX-License-Identifier: Apache-2.0
// The emulated kubelet's pod side: admission, one PodWorker per pod, the status manager
// (status writes merged with what other components own) and the image side (cache,
// serialised pulls, injected pull failures).
#include "kubelet.h"

#include "pod_status.h"

#include "emulator/scheduler/pod_requests.h"
#include "emulator/scheduler/resource.h"

namespace emu::kubelet {

PodWorker *Kubelet::workerFor(const std::string &podKey)
{
    const auto it = m_workers.find(podKey);
    return it == m_workers.end() ? nullptr : it->second.get();
}

std::string Kubelet::hostIP() const
{
    if (auto node = m_context.store.nodes().get(m_config.nodeName))
        for (const store::NodeAddress &a : node->status.addresses)
            if (a.type == "InternalIP")
                return a.address;
    return m_config.internalIP;
}

std::string Kubelet::nextPodIP()
{
    const std::size_t index = m_podsStarted++;
    auto node = m_context.store.nodes().get(m_config.nodeName);
    if (!node || node->spec.podCIDR.empty())
        return {};
    // The first addresses of the node's range: .1 is the bridge, pods from .2.
    std::string base = node->spec.podCIDR.substr(0, node->spec.podCIDR.find('/'));
    const auto lastDot = base.rfind('.');
    const int host = static_cast<int>(index % 250) + 2;
    return base.substr(0, lastDot + 1) + std::to_string(host);
}

SimTime Kubelet::reservePull(SimDuration duration)
{
    const SimTime start = std::max(m_context.engine.now(), m_pullBusyUntil);
    m_pullBusyUntil = start + duration;
    return start;
}

void Kubelet::addPullFailure(const std::string &image, std::optional<SimTime> until)
{
    m_pullFailures[image] = until;
}

std::optional<std::string> Kubelet::pullFailure(const std::string &image) const
{
    const auto it = m_pullFailures.find(image);
    if (it == m_pullFailures.end() || (it->second && m_context.engine.now() >= *it->second))
        return std::nullopt;
    return "rpc error: code = NotFound desc = failed to pull and unpack image \"" + image
           + "\": failed to resolve reference \"" + image + "\": not found";
}

void Kubelet::publishPodStatus(const std::string &podKey, const store::Pod::Status &status)
{
    if (!isConnected())
        return;
    if (!m_context.store.pods().get(podKey))
        return;
    m_context.store.pods().patch(podKey, [&](store::Pod &p) { mergeKubeletStatus(p.status, status); });
}

void Kubelet::removePod(const std::string &podKey)
{
    if (!isConnected())
        return;
    m_podBoot.erase(podKey);
    m_context.store.pods().remove(podKey);
    // The worker goes once the current engine event has returned (it may be running it).
    m_context.engine.schedule(SimDuration(), [this, podKey] {
        if (PodWorker *w = workerFor(podKey); w && w->isTerminated())
            m_workers.erase(podKey);
    });
}

// lifecycle/predicate.go: the kubelet re-checks what the scheduler checked (resources here;
// a pod bound by hand skips the scheduler) and refuses pods while the node shuts down.
std::optional<std::pair<std::string, std::string>> Kubelet::admissionRejection(const store::Pod &pod) const
{
    if (m_shuttingDown)
        return std::make_pair(std::string("NodeShutdown"), std::string("Pod was rejected as the node is shutting down."));
    auto node = m_context.store.nodes().get(m_config.nodeName);
    if (!node)
        return std::nullopt;
    sched::Resource allocatable;
    allocatable.add(node->status.allocatable);
    sched::Resource used;
    std::int64_t podsUsed = 0;
    for (const auto &[key, worker] : m_workers) {
        if (worker->isTerminated())
            continue;
        used.add(sched::podRequests(worker->pod()));
        ++podsUsed;
    }
    sched::Resource wanted;
    wanted.add(sched::podRequests(pod));
    auto message = [](const std::string &resource, std::int64_t requested, std::int64_t usedAmount, std::int64_t capacity) {
        return "Pod was rejected: Node didn't have enough resource: " + resource + ", requested: "
               + std::to_string(requested) + ", used: " + std::to_string(usedAmount) + ", capacity: "
               + std::to_string(capacity);
    };
    if (allocatable.allowedPodNumber > 0 && podsUsed + 1 > allocatable.allowedPodNumber)
        return std::make_pair(std::string("OutOfpods"), message("pods", 1, podsUsed, allocatable.allowedPodNumber));
    if (wanted.milliCpu > 0 && used.milliCpu + wanted.milliCpu > allocatable.milliCpu)
        return std::make_pair(std::string("OutOfcpu"), message("cpu", wanted.milliCpu, used.milliCpu, allocatable.milliCpu));
    if (wanted.memory > 0 && used.memory + wanted.memory > allocatable.memory)
        return std::make_pair(std::string("OutOfmemory"), message("memory", wanted.memory, used.memory, allocatable.memory));
    return std::nullopt;
}

void Kubelet::syncPod(const store::Pod &pod)
{
    const std::string key = pod.meta.key();
    if (!isConnected() || pod.meta.deletionTimestamp)
        return;
    if (PodWorker *w = workerFor(key)) {
        if (w->pod().meta.uid == pod.meta.uid) {
            w->republish(); // the status manager writes what it knows again
            return;
        }
        m_workers.erase(key); // a new pod with the same name
    }
    if (pod.status.phase == "Succeeded" || pod.status.phase == "Failed")
        return; // terminal: nothing runs again
    // A pod that ran before the machine rebooted: its sandbox is gone and is re-created, and
    // every container starts again (restartCount + 1).
    const auto boot = m_podBoot.find(key);
    const bool afterReboot = pod.status.startTime.has_value() && (boot == m_podBoot.end() || boot->second != m_bootID);
    m_podBoot[key] = m_bootID;
    const auto rejection = admissionRejection(pod);
    auto worker = std::make_unique<PodWorker>(*this, pod, ++m_workerSerial, afterReboot);
    PodWorker *w = worker.get();
    m_workers[key] = std::move(worker);
    if (rejection)
        w->admit(rejection->first, rejection->second);
    else
        w->admit();
}

void Kubelet::killPod(const store::Pod &pod)
{
    if (!isConnected())
        return; // Terminating until the kubelet is back
    const std::string key = pod.meta.key();
    PodWorker *w = workerFor(key);
    if (!w || w->pod().meta.uid != pod.meta.uid) {
        // Nothing runs here for it: the deletion completes at once.
        m_podBoot.erase(key);
        m_context.store.pods().remove(key);
        return;
    }
    const std::int64_t grace = pod.meta.deletionGracePeriodSeconds.value_or(pod.spec.terminationGracePeriodSeconds);
    w->terminate(SimDuration::seconds(grace));
}

void Kubelet::crashContainer(const std::string &podKey, const std::string &container, int exitCode)
{
    if (!m_running)
        return;
    if (PodWorker *w = workerFor(podKey))
        w->crashContainer(container, exitCode);
}

} // namespace emu::kubelet
