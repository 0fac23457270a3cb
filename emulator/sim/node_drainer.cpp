// SPDX-License-Identifier: Apache-2.0
#include "node_drainer.h"

#include "emulator/controllers/eviction_api.h"
#include "emulator/controllers/pod_util.h"

#include <vector>

namespace emu::sim {

namespace {

constexpr const char *mirrorPodAnnotation = "kubernetes.io/config.mirror";

bool hasEmptyDir(const store::Pod &pod)
{
    const api::Value *volumes = pod.spec.full.find("volumes");
    if (!volumes || !volumes->isSequence())
        return false;
    for (const api::Value &v : volumes->items())
        if (v.find("emptyDir"))
            return true;
    return false;
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const std::string &item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

} // namespace

NodeDrainer::~NodeDrainer()
{
    m_context.engine.cancel(m_deadline);
    for (const auto &[key, state] : m_pods)
        m_context.engine.cancel(state.timer);
}

// RunCordonOrUncordon + GetPodsForDeletion + evictPods
bool NodeDrainer::start(std::string &error)
{
    m_context.store.nodes().patch(m_node, [](store::Node &n) { n.spec.unschedulable = true; }, true);
    std::vector<std::string> unreplicated, daemonSetPods, localStorage, toEvict;
    for (const auto &pod : m_context.store.pods().list()) {
        if (pod->spec.nodeName != m_node)
            continue;
        const bool finished = ctrl::isPodTerminal(*pod);
        const store::OwnerReference *ref = pod->meta.controllerRef();
        const std::string name = pod->meta.key();
        if (ref && ref->kind == "DaemonSet" && !finished) {
            if (!m_options.ignoreDaemonSets)
                daemonSetPods.push_back(name);
            continue; // ignored: the DaemonSet controller would put it back
        }
        if (pod->meta.annotations.count(mirrorPodAnnotation))
            continue; // the kubelet's static pod: the API cannot delete it
        if (!finished && hasEmptyDir(*pod) && !m_options.deleteEmptyDirData)
            localStorage.push_back(name);
        if (!ref && !finished && !m_options.force)
            unreplicated.push_back(name);
        toEvict.push_back(name);
    }
    std::vector<std::string> errors;
    if (!daemonSetPods.empty())
        errors.push_back("cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): " + joined(daemonSetPods));
    if (!localStorage.empty())
        errors.push_back("cannot delete Pods with local storage (use --delete-emptydir-data to override): " + joined(localStorage));
    if (!unreplicated.empty())
        errors.push_back("cannot delete Pods that declare no controller (use --force to override): " + joined(unreplicated));
    if (!errors.empty()) {
        error = errors.size() == 1 ? errors.front() : "[" + joined(errors) + "]";
        m_finished = true;
        return false;
    }
    if (m_options.timeout)
        m_deadline = m_context.engine.schedule(*m_options.timeout, [this] {
            const std::int64_t seconds = m_options.timeout->ns() / 1'000'000'000;
            finish(false, "drain did not complete within " + std::to_string(seconds) + "s");
        });
    for (const std::string &key : toEvict)
        m_pods[key].uid = m_context.store.pods().get(key)->meta.uid;
    for (const std::string &key : toEvict)
        evict(key);
    if (toEvict.empty())
        finish(true, {});
    return true;
}

void NodeDrainer::record(const char *type, const char *reason, const std::string &podKey, std::string message)
{
    const auto slash = podKey.find('/');
    m_context.events.record(type, reason, "Pod", podKey.substr(0, slash), podKey.substr(slash + 1), std::move(message));
}

void NodeDrainer::evict(const std::string &podKey)
{
    if (m_finished)
        return;
    PodState &state = m_pods[podKey];
    const auto slash = podKey.find('/');
    const std::string ns = podKey.substr(0, slash);
    const std::string name = podKey.substr(slash + 1);
    record("Normal", "EvictingPod", podKey, "evicting pod " + podKey);
    const ctrl::EvictionResult result =
        ctrl::evictPod(m_context.store, m_context.engine, podKey, m_options.gracePeriodSeconds);
    if (result.ok() || result.code == 404) {
        state.evicted = true;
        waitForDeletion(podKey);
        return;
    }
    const std::string what = "pods/\"" + name + "\" -n \"" + ns + "\"";
    if (result.code == 429) {
        record("Warning", "EvictionRetry", podKey,
               "error when evicting " + what + " (will retry after 5s): " + result.message);
        state.timer = m_context.engine.schedule(retryInterval, [this, podKey] { evict(podKey); });
        return;
    }
    finish(false, "error when evicting " + what + ": " + result.message);
}

// waitForDelete: polled every second; a pod with another uid is a new pod, so gone too.
void NodeDrainer::waitForDeletion(const std::string &podKey)
{
    if (m_finished)
        return;
    PodState &state = m_pods[podKey];
    const auto pod = m_context.store.pods().get(podKey);
    if (pod && pod->meta.uid == state.uid) {
        state.timer = m_context.engine.schedule(pollInterval, [this, podKey] { waitForDeletion(podKey); });
        return;
    }
    record("Normal", "PodEvicted", podKey, "pod/" + podKey.substr(podKey.find('/') + 1) + " evicted");
    m_pods.erase(podKey);
    if (m_pods.empty())
        finish(true, {});
}

void NodeDrainer::finish(bool drained, const std::string &message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_context.engine.cancel(m_deadline);
    for (const auto &[key, state] : m_pods)
        m_context.engine.cancel(state.timer);
    if (drained)
        m_context.events.record("Normal", "NodeDrained", "Node", "", m_node, "node/" + m_node + " drained");
    else
        m_context.events.record("Warning", "ActionFailed", "Node", "", m_node, "Drain: " + message);
}

} // namespace emu::sim
