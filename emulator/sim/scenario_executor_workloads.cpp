// SPDX-License-Identifier: Apache-2.0
// ScenarioExecutor: the actions on workloads (Scale, SetImage, Rollback), done the way kubectl
// does them: a change of the object's spec that the controllers then act on.
#include "scenario_executor.h"

#include "emulator.h"
#include "node_drainer.h"

#include "emulator/api/go_duration.h"

#include "emulator/controllers/deployment_rollback.h"

#include <cctype>

namespace emu::sim {

using Action = api::ScenarioSpec::Action;
using ActionType = api::ScenarioSpec::ActionType;

namespace {

std::string lower(std::string text)
{
    for (char &c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

/// kubectl's resource names in its messages ("deployment.apps/web scaled").
std::string resourceName(const std::string &kind)
{
    if (kind == "Deployment" || kind == "ReplicaSet" || kind == "StatefulSet" || kind == "DaemonSet")
        return lower(kind) + ".apps";
    if (kind == "Job" || kind == "CronJob")
        return lower(kind) + ".batch";
    return lower(kind);
}

template<class T>
bool scaleObject(store::ObjectTable<T> &table, const std::string &key, std::int64_t replicas)
{
    return table.patch(key, [&](T &o) { o.spec.set("replicas", api::Value::integer(replicas)); }, true).ok();
}

// kubectl set image: the container (or init container) of that name in a pod spec.
bool setContainerImage(api::Value &podSpec, const std::string &container, const std::string &image)
{
    for (const char *list : {"containers", "initContainers"}) {
        api::Value *items = podSpec.isMapping() ? podSpec.find(list) : nullptr;
        for (std::size_t i = 0; items && items->isSequence() && i < items->size(); ++i) {
            const api::Value *name = items->at(i).find("name");
            if (name && name->text() == container) {
                items->at(i).set("image", api::Value::string(image));
                return true;
            }
        }
    }
    return false;
}

/// Sets the image in spec.template (or, for a CronJob, spec.jobTemplate.spec.template).
template<class T>
bool setTemplateImage(store::ObjectTable<T> &table, const std::string &key, const std::string &container,
                      const std::string &image, bool &found)
{
    auto object = table.get(key);
    if (!object)
        return false;
    api::Value spec = object->spec.full;
    api::Value *templ = spec.find("template");
    if constexpr (std::is_same_v<T, store::CronJob>) {
        api::Value *jobTemplate = spec.find("jobTemplate");
        api::Value *jobSpec = jobTemplate ? jobTemplate->find("spec") : nullptr;
        templ = jobSpec ? jobSpec->find("template") : nullptr;
    }
    api::Value *podSpec = templ ? templ->find("spec") : nullptr;
    found = podSpec && setContainerImage(*podSpec, container, image);
    if (!found)
        return true;
    table.patch(key, [&](T &o) { o.spec = T::Spec::fromValue(spec); }, true);
    return true;
}

} // namespace

std::optional<bool> ScenarioExecutor::executeWorkloadAction(const Action &action, std::string &subject)
{
    const auto &target = action.target;
    const std::string ns = target.namespaceName.empty() ? "default" : target.namespaceName;
    const std::string key = ns + "/" + target.name;
    store::ObjectStore &store = m_emulator.store();
    auto failed = [&](const std::string &message) {
        m_emulator.events().record("Warning", "ActionFailed", target.kind, ns, target.name,
                                   std::string(api::ScenarioSpec::actionTypeName(action.type)) + ": " + message);
        return std::optional<bool>(false);
    };
    const std::string notFound = resourceName(target.kind) + " \"" + target.name + "\" not found";
    const std::string resource = resourceName(target.kind) + "/" + target.name;
    switch (action.type) {
    case ActionType::Scale: {
        const std::int64_t replicas = action.fields.find("replicas")->asInt().value_or(0);
        bool ok = false;
        if (target.kind == "Deployment")
            ok = scaleObject(store.deployments(), key, replicas);
        else if (target.kind == "ReplicaSet")
            ok = scaleObject(store.replicaSets(), key, replicas);
        else if (target.kind == "StatefulSet")
            ok = scaleObject(store.statefulSets(), key, replicas);
        else if (target.kind == "ReplicationController")
            ok = scaleObject(store.replicationControllers(), key, replicas);
        if (!ok)
            return failed(notFound);
        subject = resource + " (replicas " + std::to_string(replicas) + ")";
        return true;
    }
    case ActionType::SetImage: {
        if (target.kind == "Pod")
            return std::nullopt; // a pod's own image: the object actions
        const std::string container = action.fields.find("container")->text();
        const std::string image = action.fields.find("image")->text();
        bool found = false;
        bool exists = false;
        if (target.kind == "Deployment")
            exists = setTemplateImage(store.deployments(), key, container, image, found);
        else if (target.kind == "ReplicaSet")
            exists = setTemplateImage(store.replicaSets(), key, container, image, found);
        else if (target.kind == "StatefulSet")
            exists = setTemplateImage(store.statefulSets(), key, container, image, found);
        else if (target.kind == "DaemonSet")
            exists = setTemplateImage(store.daemonSets(), key, container, image, found);
        else if (target.kind == "Job")
            exists = setTemplateImage(store.jobs(), key, container, image, found);
        else if (target.kind == "CronJob")
            exists = setTemplateImage(store.cronJobs(), key, container, image, found);
        else if (target.kind == "ReplicationController")
            exists = setTemplateImage(store.replicationControllers(), key, container, image, found);
        if (!exists)
            return failed(notFound);
        if (!found)
            return failed("unable to find container named \"" + container + "\"");
        subject = resource + " (" + container + "=" + image + ")";
        return true;
    }
    case ActionType::Rollback: {
        if (target.kind != "Deployment")
            return std::nullopt; // StatefulSet and DaemonSet history arrive with their controllers
        const std::int64_t revision = action.fields.find("revision")->asInt().value_or(0);
        const ctrl::RollbackResult result = ctrl::rollbackDeployment(store, key, revision);
        if (!result.ok)
            return failed(result.message);
        subject = resource + " (" + result.message.substr(result.message.find(' ') + 1) + ")";
        return true;
    }
    case ActionType::Drain:
        return drain(action, subject);
    default:
        return std::nullopt;
    }
}

bool ScenarioExecutor::drain(const Action &action, std::string &subject)
{
    NodeDrainer::Options options;
    auto flag = [&](const char *key, bool fallback) {
        const api::Value *v = action.fields.find(key);
        return v ? v->asBool().value_or(fallback) : fallback;
    };
    options.force = flag("force", false);
    options.ignoreDaemonSets = flag("ignoreDaemonSets", true);
    options.deleteEmptyDirData = flag("deleteEmptyDirData", true);
    if (const api::Value *g = action.fields.find("gracePeriodSeconds"))
        options.gracePeriodSeconds = g->asInt();
    if (const api::Value *t = action.fields.find("timeout"))
        if (const auto ns = api::parseGoDuration(t->text()); ns && *ns > 0)
            options.timeout = SimDuration::nanoseconds(*ns);
    // Finished drains are dropped; the running ones keep their timers.
    std::erase_if(m_drains, [](const auto &d) { return d->finished(); });
    const std::vector<std::string> nodes = resolveNodes(action.target);
    bool allStarted = true;
    for (const std::string &node : nodes) {
        if (!m_emulator.store().nodes().get(node)) {
            m_emulator.events().record("Warning", "ActionFailed", "Node", "", node,
                                       "Drain: nodes \"" + node + "\" not found");
            allStarted = false;
            continue;
        }
        auto drainer = std::make_unique<NodeDrainer>(m_emulator.context(), node, options);
        std::string error;
        if (!drainer->start(error)) {
            m_emulator.events().record("Warning", "ActionFailed", "Node", "", node, "Drain: " + error);
            allStarted = false;
            continue;
        }
        m_drains.push_back(std::move(drainer));
    }
    subject = nodes.size() == 1 ? "node " + nodes.front() : std::to_string(nodes.size()) + " nodes";
    return allStarted;
}

bool ScenarioExecutor::deleteObject(const Action &action, std::string &subject)
{
    const auto &target = action.target;
    const std::string ns = target.namespaceName.empty() ? "default" : target.namespaceName;
    ctrl::Propagation policy = ctrl::Propagation::Background; // kubectl's --cascade=background
    if (const api::Value *p = action.fields.find("propagationPolicy"))
        policy = p->text() == "Foreground" ? ctrl::Propagation::Foreground
                 : p->text() == "Orphan"   ? ctrl::Propagation::Orphan
                                           : ctrl::Propagation::Background;
    std::optional<std::int64_t> grace;
    if (const api::Value *g = action.fields.find("gracePeriodSeconds"))
        grace = g->asInt();
    const store::StoreResult result = m_emulator.workloadControllers().garbageCollector().deleteObject(
        {}, target.kind, ns, target.name, policy, grace);
    if (!result.ok()) {
        m_emulator.events().record("Warning", "ActionFailed", target.kind, ns, target.name,
                                   "Delete: " + resourceName(target.kind) + " \"" + target.name + "\" not found");
        return false;
    }
    subject = resourceName(target.kind) + "/" + target.name;
    return true;
}

} // namespace emu::sim
