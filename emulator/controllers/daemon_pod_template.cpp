// SPDX-License-Identifier: Apache-2.0
#include "daemon_pod_template.h"

#include "emulator/api/taint.h"
#include "emulator/api/value.h"

namespace emu::ctrl {

namespace {

struct DaemonToleration
{
    const char *key;
    const char *effect;
};

// upstream pkg/controller/daemon/util AddOrUpdateDaemonPodTolerations.
constexpr DaemonToleration daemonTolerations[] = {
    {"node.kubernetes.io/not-ready", "NoExecute"},
    {"node.kubernetes.io/unreachable", "NoExecute"},
    {"node.kubernetes.io/disk-pressure", "NoSchedule"},
    {"node.kubernetes.io/memory-pressure", "NoSchedule"},
    {"node.kubernetes.io/pid-pressure", "NoSchedule"},
    {"node.kubernetes.io/unschedulable", "NoSchedule"},
};
constexpr DaemonToleration networkUnavailable = {"node.kubernetes.io/network-unavailable", "NoSchedule"};

std::string textOf(const api::Value *value)
{
    return value && value->isScalar() && !value->isNull() ? value->text() : std::string();
}

// v1helper.AddOrUpdateTolerationInPodSpec: replaces a toleration with the same key and effect.
void addOrUpdateToleration(api::Value &podSpec, const DaemonToleration &t)
{
    api::Value toleration = api::Value::mapping();
    toleration.set("key", api::Value::string(t.key));
    toleration.set("operator", api::Value::string("Exists"));
    toleration.set("effect", api::Value::string(t.effect));
    api::Value *list = podSpec.find("tolerations");
    if (!list || !list->isSequence())
        list = &podSpec.set("tolerations", api::Value::sequence());
    api::Value updated = api::Value::sequence();
    bool replaced = false;
    for (const api::Value &existing : list->items()) {
        const bool same = existing.isMapping() && textOf(existing.find("key")) == t.key
                          && textOf(existing.find("effect")) == t.effect;
        if (same && !replaced) {
            updated.append(toleration);
            replaced = true;
        } else if (!same) {
            updated.append(existing);
        }
    }
    if (!replaced)
        updated.append(toleration);
    *list = std::move(updated);
}

std::vector<api::Taint> nodeTaints(const store::Node &node)
{
    std::vector<api::Taint> taints;
    taints.reserve(node.spec.taints.size());
    for (const store::NodeTaint &t : node.spec.taints)
        if (auto effect = api::parseTaintEffect(t.effect))
            taints.push_back({t.key, t.value, *effect, std::nullopt});
    return taints;
}

} // namespace

void addDaemonPodTolerations(api::Value &podSpec)
{
    for (const DaemonToleration &t : daemonTolerations)
        addOrUpdateToleration(podSpec, t);
    const api::Value *hostNetwork = podSpec.find("hostNetwork");
    if (hostNetwork && hostNetwork->asBool().value_or(false))
        addOrUpdateToleration(podSpec, networkUnavailable);
}

void replaceNodeNameAffinity(api::Value &podSpec, const std::string &nodeName)
{
    api::Value requirement = api::Value::mapping();
    requirement.set("key", api::Value::string("metadata.name"));
    requirement.set("operator", api::Value::string("In"));
    api::Value values = api::Value::sequence();
    values.append(api::Value::string(nodeName));
    requirement.set("values", std::move(values));
    api::Value fields = api::Value::sequence();
    fields.append(std::move(requirement));
    api::Value term = api::Value::mapping();
    term.set("matchFields", std::move(fields));
    api::Value terms = api::Value::sequence();
    terms.append(std::move(term));
    api::Value required = api::Value::mapping();
    required.set("nodeSelectorTerms", std::move(terms));

    api::Value *affinity = podSpec.find("affinity");
    if (!affinity || !affinity->isMapping())
        affinity = &podSpec.set("affinity", api::Value::mapping());
    api::Value *nodeAffinity = affinity->find("nodeAffinity");
    if (!nodeAffinity || !nodeAffinity->isMapping())
        nodeAffinity = &affinity->set("nodeAffinity", api::Value::mapping());
    nodeAffinity->set("requiredDuringSchedulingIgnoredDuringExecution", std::move(required));
}

std::string daemonPodTargetNode(const store::Pod &pod)
{
    if (!pod.spec.nodeName.empty())
        return pod.spec.nodeName;
    const api::Value &affinity = pod.spec.affinity;
    const api::Value *nodeAffinity = affinity.isMapping() ? affinity.find("nodeAffinity") : nullptr;
    const api::Value *required =
        nodeAffinity && nodeAffinity->isMapping() ? nodeAffinity->find("requiredDuringSchedulingIgnoredDuringExecution")
                                                  : nullptr;
    const api::Value *terms = required && required->isMapping() ? required->find("nodeSelectorTerms") : nullptr;
    if (!terms)
        return {};
    for (const api::Value &term : terms->items()) {
        const api::Value *fields = term.isMapping() ? term.find("matchFields") : nullptr;
        if (!fields)
            continue;
        for (const api::Value &r : fields->items()) {
            const api::Value *values = r.isMapping() ? r.find("values") : nullptr;
            if (textOf(r.find("key")) == "metadata.name" && textOf(r.find("operator")) == "In" && values
                && values->size() == 1)
                return textOf(&values->at(0));
        }
    }
    return {};
}

DaemonPodTemplate::DaemonPodTemplate(const store::PodTemplate &podTemplate)
{
    api::Value value = podTemplate.value;
    if (!value.isMapping())
        value = api::Value::mapping();
    api::Value *spec = value.find("spec");
    if (!spec || !spec->isMapping())
        spec = &value.set("spec", api::Value::mapping());
    addDaemonPodTolerations(*spec);
    m_template.setValue(value);

    m_nodeName = textOf(spec->find("nodeName"));
    if (const api::Value *selector = spec->find("nodeSelector"); selector && selector->isMapping())
        for (std::size_t i = 0; i < selector->size(); ++i)
            m_nodeSelector[selector->keyAt(i).text()] = textOf(&selector->valueAt(i));
    const api::Value *affinity = spec->find("affinity");
    const api::Value *nodeAffinity = affinity && affinity->isMapping() ? affinity->find("nodeAffinity") : nullptr;
    if (nodeAffinity && !nodeAffinity->isNull()) {
        auto parsed = api::NodeAffinity::fromValue(*nodeAffinity);
        if (parsed)
            m_required = parsed->required;
        else
            m_affinityInvalid = true; // upstream ignores the error: the affinity matches nothing
    }
    if (auto tolerations = api::tolerationsFromValue(*spec->find("tolerations")))
        m_tolerations = *tolerations;
}

DaemonPlacement DaemonPodTemplate::placement(const store::Node &node) const
{
    // fitsNodeName and fitsNodeAffinity: neither allows a pod here at all.
    if (!m_nodeName.empty() && m_nodeName != node.meta.name)
        return {};
    if (m_affinityInvalid
        || !api::requiredNodeAffinityMatches(m_nodeSelector, m_required, node.meta.labels, node.meta.name))
        return {};
    const std::vector<api::Taint> taints = nodeTaints(node);
    using api::TaintEffect;
    if (!api::findUntoleratedTaint(taints, m_tolerations, {TaintEffect::NoSchedule, TaintEffect::NoExecute}))
        return {true, true};
    // "Scheduled daemon pods should continue running if they tolerate NoExecute taint."
    return {false, !api::findUntoleratedTaint(taints, m_tolerations, {TaintEffect::NoExecute})};
}

} // namespace emu::ctrl
