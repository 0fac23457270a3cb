// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "namespace_labels.h"

#include "emulator/api/label_selector.h"
#include "emulator/api/labels.h"
#include "emulator/store/pod.h"

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace emu::sched {

/// One PodAffinityTerm as the scheduler uses it (upstream framework.AffinityTerm): the
/// namespaces it looks in, a namespace selector, the pod label selector and the topology key.
struct AffinityTerm
{
    /// `namespaces`, or the owning pod's namespace when neither `namespaces` nor
    /// `namespaceSelector` is given (upstream GetNamespacesFromPodAffinityTerm).
    std::set<std::string, std::less<>> namespaces;
    /// `namespaceSelector`: absent selects no namespace, `{}` every namespace.
    api::LabelSelector namespaceSelector = api::LabelSelector::nothing();
    /// `labelSelector` with `matchLabelKeys` / `mismatchLabelKeys` merged in; absent selects
    /// no pod (metav1.LabelSelectorAsSelector(nil) is labels.Nothing()).
    api::LabelSelector selector = api::LabelSelector::nothing();
    std::string topologyKey;
    std::int64_t weight = 1; ///< preferred terms only (1-100)

    /// upstream AffinityTerm.Matches: the pod's namespace is listed or its namespace's labels
    /// match the namespace selector, and the pod's labels match the selector.
    bool matches(const store::Pod &pod, const NamespaceLabels &namespaceLabels) const;
};

/// A pod's `spec.affinity.podAffinity` and `podAntiAffinity`, parsed once (upstream
/// framework.PodInfo Required/Preferred(Anti)AffinityTerms).
struct PodAffinityTerms
{
    std::vector<AffinityTerm> requiredAffinity;
    std::vector<AffinityTerm> requiredAntiAffinity;
    std::vector<AffinityTerm> preferredAffinity;
    std::vector<AffinityTerm> preferredAntiAffinity;
    /// A term did not parse (the apiserver would have rejected the pod). Such a pod matches
    /// no node, so it stays Pending rather than landing anywhere.
    bool invalid = false;

    /// nullptr when the pod has neither podAffinity nor podAntiAffinity terms (the common
    /// case, kept free of allocations).
    static std::shared_ptr<const PodAffinityTerms> fromPod(const store::Pod &pod);
};

} // namespace emu::sched
