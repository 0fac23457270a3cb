// SPDX-License-Identifier: Apache-2.0
// ScenarioExecutor: the actions that act on pods and API objects (DeletePod, ContainerCrash,
// ImagePullFailure, Apply, Cordon, Uncordon, Delete).
#include "scenario_executor.h"

#include "emulator.h"
#include "pod_decoder.h"
#include "unstructured_decoder.h"
#include "workload_decoder.h"

#include "emulator/api/go_duration.h"
#include "emulator/controllers/pod_deletion.h"

namespace emu::sim {

using Action = api::ScenarioSpec::Action;
using ActionType = api::ScenarioSpec::ActionType;

namespace {

std::string scalarField(const Action &action, std::string_view key)
{
    const api::Value *v = action.fields.find(key);
    return v && v->isScalar() ? v->text() : std::string();
}

std::optional<std::int64_t> intField(const Action &action, std::string_view key)
{
    const api::Value *v = action.fields.find(key);
    return v ? v->asInt() : std::nullopt;
}

} // namespace

// DELETE of a pod (registry/core/pod strategy): graceful with the pod's
// terminationGracePeriodSeconds unless the request says otherwise; 0 removes it at once
// (kubectl delete --force --grace-period=0); an unscheduled or finished pod goes at once.
void ScenarioExecutor::deletePod(const std::string &key, std::optional<std::int64_t> gracePeriodSeconds)
{
    ctrl::deletePod(m_emulator.store(), key, gracePeriodSeconds);
}

void ScenarioExecutor::apply(const api::Value &manifest, std::string &subject)
{
    api::Value object = manifest;
    api::Value *metadata = object.find("metadata");
    if (metadata && !metadata->find("name") && metadata->find("generateName")) {
        // generateName: five characters from the API server's alphabet, drawn from the seed.
        static constexpr char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
        Rng rng = m_emulator.context().rng.child("generateName/" + std::to_string(++m_generated));
        std::string name = metadata->find("generateName")->text();
        for (int i = 0; i < 5; ++i)
            name.push_back(alphabet[rng.uniformInt(0, 26)]);
        metadata->set("name", api::Value::string(name));
    }
    const api::Value *kind = object.find("kind");
    const api::Value *apiVersion = object.find("apiVersion");
    if (kind && apiVersion && kind->text() == "Pod" && apiVersion->text() == "v1") {
        store::Pod pod = decodePod(object);
        subject = "Pod " + pod.meta.key();
        auto &pods = m_emulator.store().pods();
        if (auto current = pods.get(pod.meta.key())) {
            // Pods are mostly immutable: apply changes labels, annotations and images.
            pods.patch(pod.meta.key(), [&](store::Pod &p) {
                p.meta.labels = pod.meta.labels;
                p.meta.annotations = pod.meta.annotations;
                for (std::size_t i = 0; i < p.spec.containers.size() && i < pod.spec.containers.size(); ++i)
                    p.spec.containers[i].image = pod.spec.containers[i].image;
            });
        } else if (const store::StoreResult r = pods.create(pod); !r.ok()) {
            m_emulator.events().record("Warning", "FailedCreate", "Pod", pod.meta.namespaceName, pod.meta.name,
                                       "Error creating: " + r.message);
        }
        return;
    }
    if (kind && apiVersion && kind->text() == "Node" && apiVersion->text() == "v1") {
        // kubectl apply of a Node: labels, taints and unschedulable (e.g. the out-of-service
        // taint of a non-graceful shutdown).
        const api::Value *spec = object.find("spec");
        const api::Value *meta = object.find("metadata");
        const std::string name = meta && meta->find("name") ? meta->find("name")->text() : std::string();
        subject = "Node " + name;
        if (!m_emulator.store().nodes().get(name)) {
            m_emulator.events().record("Warning", "ActionFailed", "Node", "", name,
                                       "Apply: no node named \"" + name + "\" (nodes join through NodePools and AddNode)");
            return;
        }
        m_emulator.store().nodes().patch(name, [&](store::Node &n) {
            if (const api::Value *labels = meta->find("labels"); labels && labels->isMapping())
                for (std::size_t i = 0; i < labels->size(); ++i)
                    n.meta.labels[labels->keyAt(i).text()] = labels->valueAt(i).text();
            if (!spec)
                return;
            if (const api::Value *u = spec->find("unschedulable"))
                n.spec.unschedulable = u->asBool().value_or(false);
            if (const api::Value *taints = spec->find("taints"); taints && taints->isSequence()) {
                // A three-way apply keeps the taints others added (the node controllers').
                for (const api::Value &t : taints->items()) {
                    store::NodeTaint taint;
                    if (const api::Value *v = t.find("key"))
                        taint.key = v->text();
                    if (const api::Value *v = t.find("value"))
                        taint.value = v->text();
                    if (const api::Value *v = t.find("effect"))
                        taint.effect = v->text();
                    taint.timeAdded = m_emulator.engine().now();
                    std::erase_if(n.spec.taints, [&](const store::NodeTaint &o) { return o.sameTaint(taint); });
                    n.spec.taints.push_back(std::move(taint));
                }
            }
        }, true);
        return;
    }
    if (std::optional<std::string> workload = applyWorkload(m_emulator.store(), object)) {
        subject = *workload;
        return;
    }
    store::UnstructuredObject u = decodeUnstructured(object);
    subject = u.kind + " " + u.meta.key();
    auto &others = m_emulator.store().others();
    const std::string key = storeKey(u);
    if (others.get(key))
        others.patch(key, [&](store::UnstructuredObject &o) {
            o.body = u.body;
            o.metadata = u.metadata;
            o.meta.labels = u.meta.labels;
            o.meta.annotations = u.meta.annotations;
        }, true);
    else if (const store::StoreResult r = others.create(u); !r.ok())
        m_emulator.events().record("Warning", "FailedCreate", u.kind, u.meta.namespaceName, u.meta.name,
                                   "Error creating: " + r.message);
}

std::optional<bool> ScenarioExecutor::executeObjectAction(const Action &action, api::Value &details, std::string &subject)
{
    EventSink &events = m_emulator.events();
    const auto &target = action.target;
    const std::string ns = target.namespaceName.empty() ? "default" : target.namespaceName;
    auto failed = [&](const std::string &kind, const std::string &message) {
        events.record("Warning", "ActionFailed", kind, ns, target.name, message, std::move(details));
        return std::optional<bool>(false);
    };
    switch (action.type) {
    case ActionType::ContainerCrash: {
        const std::string key = ns + "/" + target.name;
        auto pod = m_emulator.store().pods().get(key);
        kubelet::Kubelet *k = pod && !pod->spec.nodeName.empty() ? m_emulator.kubelet(pod->spec.nodeName) : nullptr;
        if (!k)
            return failed("Pod", "ContainerCrash: pod " + key + " is not running on a node");
        k->crashContainer(key, scalarField(action, "container"), static_cast<int>(intField(action, "exitCode").value_or(1)));
        subject = "pod " + key + " container " + scalarField(action, "container");
        return true;
    }
    case ActionType::DeletePod: {
        const std::string key = ns + "/" + target.name;
        if (!m_emulator.store().pods().get(key))
            return failed("Pod", "DeletePod: pod " + key + " not found");
        deletePod(key, intField(action, "gracePeriodSeconds"));
        subject = "pod " + key;
        return true;
    }
    case ActionType::ImagePullFailure: {
        const std::string image = scalarField(action, "image");
        const std::string node = scalarField(action, "node");
        std::optional<SimTime> until;
        if (const api::Value *u = action.fields.find("until"))
            if (auto ns = api::parseGoDuration(u->text()))
                until = SimTime::fromNs(*ns);
        if (!node.empty() && !m_emulator.kubelet(node))
            return failed("Node", "ImagePullFailure: no node named \"" + node + "\"");
        for (const std::string &name : m_emulator.nodeNames())
            if (node.empty() || name == node)
                if (kubelet::Kubelet *k = m_emulator.kubelet(name))
                    k->addPullFailure(image, until);
        subject = "image " + image + (node.empty() ? std::string() : " on node " + node);
        return true;
    }
    case ActionType::Apply: {
        const api::Value *manifest = action.fields.find("manifest");
        if (!manifest || !manifest->isMapping())
            return failed("Scenario", "Apply: no manifest");
        apply(*manifest, subject);
        return true;
    }
    case ActionType::Cordon:
    case ActionType::Uncordon: {
        const bool cordon = action.type == ActionType::Cordon;
        for (const std::string &name : resolveNodes(target))
            m_emulator.store().nodes().patch(name, [&](store::Node &n) { n.spec.unschedulable = cordon; }, true);
        subject = std::to_string(resolveNodes(target).size()) + " node(s)";
        return true;
    }
    case ActionType::Delete: {
        if (target.kind == "Pod") {
            const std::string key = ns + "/" + target.name;
            if (!m_emulator.store().pods().get(key))
                return failed("Pod", "Delete: pod " + key + " not found");
            deletePod(key, intField(action, "gracePeriodSeconds"));
            subject = "pod " + key;
            return true;
        }
        if (target.kind == "Node") {
            m_emulator.removeNode(target.name);
            subject = "node " + target.name;
            return true;
        }
        return deleteObject(action, subject); // the API server's DELETE and the garbage collector
    }
    default:
        return std::nullopt;
    }
}

} // namespace emu::sim
