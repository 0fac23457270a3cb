// SPDX-License-Identifier: Apache-2.0
#include "pod_affinity_term.h"

#include "emulator/api/value.h"

namespace emu::sched {

namespace {

/// The apiserver's matchLabelKeys / mismatchLabelKeys handling (MatchLabelKeysInPodAffinity,
/// on by default since v1.31): at pod creation each listed key the pod has becomes
/// `key In (value)` (matchLabelKeys) or `key NotIn (value)` (mismatchLabelKeys) in the
/// term's labelSelector.
bool mergeLabelKeys(api::LabelSelector &selector, const api::Value *keys, api::SelectorOperator op,
                    const store::Pod &owner)
{
    if (!keys || !keys->isSequence())
        return true;
    for (const api::Value &key : keys->items()) {
        const auto label = owner.meta.labels.find(key.text());
        if (label == owner.meta.labels.end())
            continue;
        auto requirement = api::LabelRequirement::make(key.text(), op, {label->second});
        if (!requirement)
            return false;
        if (!selector.matchesNothing())
            selector.add(std::move(*requirement.value));
    }
    return true;
}

bool parseTerm(const api::Value &value, const store::Pod &owner, AffinityTerm &term)
{
    if (!value.isMapping())
        return false;
    if (const api::Value *selector = value.find("labelSelector")) {
        auto parsed = api::LabelSelector::fromValue(*selector);
        if (!parsed)
            return false;
        term.selector = std::move(*parsed.value);
    }
    if (!mergeLabelKeys(term.selector, value.find("matchLabelKeys"), api::SelectorOperator::In, owner)
        || !mergeLabelKeys(term.selector, value.find("mismatchLabelKeys"), api::SelectorOperator::NotIn, owner))
        return false;
    if (const api::Value *namespaces = value.find("namespaces"); namespaces && namespaces->isSequence())
        for (const api::Value &ns : namespaces->items())
            term.namespaces.insert(ns.text());
    const api::Value *nsSelector = value.find("namespaceSelector");
    if (nsSelector && !nsSelector->isNull()) {
        auto parsed = api::LabelSelector::fromValue(*nsSelector);
        if (!parsed)
            return false;
        term.namespaceSelector = std::move(*parsed.value);
    }
    // upstream GetNamespacesFromPodAffinityTerm: no namespaces and no selector = own namespace
    if (term.namespaces.empty() && (!nsSelector || nsSelector->isNull()))
        term.namespaces.insert(owner.meta.namespaceName);
    const api::Value *key = value.find("topologyKey");
    if (!key || key->text().empty())
        return false;
    term.topologyKey = key->text();
    return true;
}

/// Reads one `podAffinity` / `podAntiAffinity` mapping.
bool parseAffinity(const api::Value *affinity, const store::Pod &owner, std::vector<AffinityTerm> &required,
                   std::vector<AffinityTerm> &preferred)
{
    if (!affinity || affinity->isNull())
        return true;
    if (!affinity->isMapping())
        return false;
    if (const api::Value *terms = affinity->find("requiredDuringSchedulingIgnoredDuringExecution")) {
        for (const api::Value &item : terms->items()) {
            AffinityTerm term;
            if (!parseTerm(item, owner, term))
                return false;
            required.push_back(std::move(term));
        }
    }
    if (const api::Value *terms = affinity->find("preferredDuringSchedulingIgnoredDuringExecution")) {
        for (const api::Value &item : terms->items()) {
            const api::Value *weight = item.find("weight");
            const api::Value *inner = item.find("podAffinityTerm");
            AffinityTerm term;
            if (!weight || !weight->asInt() || !inner || !parseTerm(*inner, owner, term))
                return false;
            term.weight = *weight->asInt();
            preferred.push_back(std::move(term));
        }
    }
    return true;
}

} // namespace

bool AffinityTerm::matches(const store::Pod &pod, const NamespaceLabels &namespaceLabels) const
{
    // upstream: framework.AffinityTerm.Matches
    const bool inNamespace = namespaces.count(pod.meta.namespaceName)
                             || (!namespaceSelector.matchesNothing()
                                 && namespaceSelector.matches(namespaceLabels.of(pod.meta.namespaceName)));
    return inNamespace && selector.matches(pod.meta.labels);
}

std::shared_ptr<const PodAffinityTerms> PodAffinityTerms::fromPod(const store::Pod &pod)
{
    const api::Value &affinity = pod.spec.affinity;
    if (!affinity.isMapping())
        return nullptr;
    const api::Value *podAffinity = affinity.find("podAffinity");
    const api::Value *podAntiAffinity = affinity.find("podAntiAffinity");
    if ((!podAffinity || podAffinity->isNull()) && (!podAntiAffinity || podAntiAffinity->isNull()))
        return nullptr;
    auto terms = std::make_shared<PodAffinityTerms>();
    terms->invalid = !parseAffinity(podAffinity, pod, terms->requiredAffinity, terms->preferredAffinity)
                     || !parseAffinity(podAntiAffinity, pod, terms->requiredAntiAffinity,
                                       terms->preferredAntiAffinity);
    if (!terms->invalid && terms->requiredAffinity.empty() && terms->requiredAntiAffinity.empty()
        && terms->preferredAffinity.empty() && terms->preferredAntiAffinity.empty())
        return nullptr;
    return terms;
}

} // namespace emu::sched
