// SPDX-License-Identifier: Apache-2.0
#include "taint_eviction_controller.h"

#include "emulator/api/taint.h"
#include "emulator/api/toleration.h"

#include <algorithm>

namespace emu::ctrl {

namespace {

std::vector<api::Taint> noExecuteTaints(const store::Node &node)
{
    std::vector<api::Taint> out;
    for (const store::NodeTaint &t : node.spec.taints) {
        if (t.effect != "NoExecute")
            continue;
        api::Taint taint;
        taint.key = t.key;
        taint.value = t.value;
        taint.effect = api::TaintEffect::NoExecute;
        out.push_back(std::move(taint));
    }
    return out;
}

std::vector<api::Toleration> tolerationsOf(const store::Pod &pod)
{
    std::vector<api::Toleration> out;
    for (const store::Toleration &t : pod.spec.tolerations) {
        api::Toleration toleration;
        toleration.key = t.key;
        toleration.op = t.op == "Exists" ? api::Toleration::Operator::Exists : api::Toleration::Operator::Equal;
        toleration.value = t.value;
        if (!t.effect.empty())
            toleration.effect = api::parseTaintEffect(t.effect);
        toleration.tolerationSeconds = t.tolerationSeconds;
        out.push_back(std::move(toleration));
    }
    return out;
}

} // namespace

void TaintEvictionController::start()
{
    m_context.store.nodes().watch([this](const store::WatchEvent<store::Node> &event) {
        if (event.type == store::WatchEventType::Deleted)
            return;
        // handleNodeUpdate: only a change of the NoExecute taints matters.
        if (event.previous && noExecuteTaints(*event.previous).size() == noExecuteTaints(*event.object).size()) {
            const auto a = noExecuteTaints(*event.previous);
            const auto b = noExecuteTaints(*event.object);
            bool same = true;
            for (std::size_t i = 0; i < a.size(); ++i)
                same = same && a[i].key == b[i].key && a[i].value == b[i].value;
            if (same)
                return;
        }
        processNode(*event.object);
    });
    m_context.store.pods().watch([this](const store::WatchEvent<store::Pod> &event) {
        const std::string key = event.object->meta.key();
        if (event.type == store::WatchEventType::Deleted) {
            cancelWork(key, false);
            return;
        }
        const store::Pod &pod = *event.object;
        if (pod.spec.nodeName.empty() || pod.meta.deletionTimestamp)
            return;
        auto node = m_context.store.nodes().get(pod.spec.nodeName);
        processPod(pod, node.get());
    });
}

void TaintEvictionController::processNode(const store::Node &node)
{
    for (const auto &pod : m_context.store.pods().list())
        if (pod->spec.nodeName == node.meta.name && !pod->meta.deletionTimestamp)
            processPod(*pod, &node);
}

// processPodOnNode
void TaintEvictionController::processPod(const store::Pod &pod, const store::Node *node)
{
    const std::string key = pod.meta.key();
    const std::vector<api::Taint> taints = node ? noExecuteTaints(*node) : std::vector<api::Taint>();
    if (taints.empty()) {
        cancelWork(key, true);
        return;
    }
    const std::vector<api::Toleration> tolerations = tolerationsOf(pod);
    const SimTime now = m_context.engine.now();
    std::vector<api::Toleration> used;
    bool allTolerated = true;
    for (const api::Taint &taint : taints) {
        bool tolerated = false;
        for (const api::Toleration &t : tolerations) {
            if (t.toleratesTaint(taint)) {
                tolerated = true;
                used.push_back(t);
            }
        }
        allTolerated = allTolerated && tolerated;
    }
    auto schedule = [&](SimTime createdAt, SimTime triggerAt) {
        Work work{m_context.engine.scheduleAt(std::max(triggerAt, now), [this, key] { evict(key); }),
                  createdAt, triggerAt};
        m_work[key] = work;
    };
    if (!allTolerated) {
        cancelWork(key, true);
        schedule(now, now);
        return;
    }
    // getMinTolerationTime: no tolerationSeconds on any used toleration means forever.
    std::optional<std::int64_t> minSeconds;
    for (const api::Toleration &t : used) {
        if (!t.tolerationSeconds)
            continue;
        const std::int64_t s = std::max<std::int64_t>(0, *t.tolerationSeconds);
        minSeconds = minSeconds ? std::min(*minSeconds, s) : s;
    }
    if (!minSeconds) {
        cancelWork(key, true);
        return;
    }
    const SimDuration tolerance = SimDuration::seconds(*minSeconds);
    SimTime startTime = now;
    const SimTime triggerTime = now + tolerance;
    if (auto it = m_work.find(key); it != m_work.end()) {
        // An earlier deadline already scheduled wins.
        startTime = it->second.createdAt;
        if (startTime + tolerance < triggerTime)
            return;
        cancelWork(key, true);
    }
    schedule(startTime, triggerTime);
}

void TaintEvictionController::cancelWork(const std::string &podKey, bool withEvent)
{
    const auto it = m_work.find(podKey);
    if (it == m_work.end())
        return;
    m_context.engine.cancel(it->second.timer);
    m_work.erase(it);
    if (withEvent) {
        const auto slash = podKey.find('/');
        m_context.events.record("Normal", "TaintManagerEviction", "Pod", podKey.substr(0, slash),
                                podKey.substr(slash + 1), "Cancelling deletion of Pod " + podKey);
    }
}

void TaintEvictionController::evict(const std::string &podKey)
{
    m_work.erase(podKey);
    auto pod = m_context.store.pods().get(podKey);
    if (!pod || pod->meta.deletionTimestamp)
        return;
    m_context.events.record("Normal", "TaintManagerEviction", "Pod", pod->meta.namespaceName,
                            pod->meta.name, "Marking for deletion Pod " + podKey);
    // addConditionAndDeletePod: DisruptionTarget first, then a graceful DELETE.
    const SimTime now = m_context.engine.now();
    m_context.store.pods().patch(podKey, [&](store::Pod &p) {
        auto it = std::find_if(p.status.conditions.begin(), p.status.conditions.end(),
                               [](const store::Pod::Condition &c) { return c.type == "DisruptionTarget"; });
        store::Pod::Condition condition{"DisruptionTarget", "True", "DeletionByTaintManager",
                                        "Taint manager: deleting due to NoExecute taint", now};
        if (it == p.status.conditions.end())
            p.status.conditions.push_back(condition);
        else
            *it = condition;
    });
    m_context.store.pods().terminate(podKey, pod->spec.terminationGracePeriodSeconds);
}

std::map<std::string, SimTime> TaintEvictionController::scheduled() const
{
    std::map<std::string, SimTime> out;
    for (const auto &[key, work] : m_work)
        out[key] = work.triggerAt;
    return out;
}

} // namespace emu::ctrl
