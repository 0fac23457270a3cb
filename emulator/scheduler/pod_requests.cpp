// SPDX-License-Identifier: Apache-2.0
#include "pod_requests.h"

#include "emulator/api/quantity.h"
#include "emulator/api/value.h"

namespace emu::sched {

namespace {

using store::ResourceList;

// upstream: component-helpers/resource addResourceList
void addResourceList(ResourceList &list, const ResourceList &newList)
{
    for (const auto &[name, quantity] : newList) {
        auto it = list.find(name);
        if (it == list.end())
            list.emplace(name, quantity);
        else
            it->second += quantity;
    }
}

// upstream: component-helpers/resource maxResourceList
void maxResourceList(ResourceList &list, const ResourceList &newList)
{
    for (const auto &[name, quantity] : newList) {
        auto it = list.find(name);
        if (it == list.end())
            list.emplace(name, quantity);
        else if (quantity > it->second)
            it->second = quantity;
    }
}

// upstream: component-helpers/resource applyNonMissing
ResourceList applyNonMissing(const ResourceList &requests, const ResourceList &nonMissing)
{
    if (nonMissing.empty())
        return requests;
    ResourceList copy = requests;
    for (const auto &[name, quantity] : nonMissing)
        copy.emplace(name, quantity); // no-op when the container sets it (even to 0)
    return copy;
}

bool isSidecar(const store::Container &c)
{
    return c.restartPolicy == "Always";
}

} // namespace

ResourceList nonZeroDefaults()
{
    return {
        {"cpu", api::Quantity::fromMilli(kDefaultMilliCpuRequest)},
        {"memory", api::Quantity::fromValue(kDefaultMemoryRequest, api::Quantity::Format::DecimalSI)},
    };
}

ResourceList podRequests(const store::Pod &pod, const PodRequestsOptions &options)
{
    // upstream: component-helpers/resource AggregateContainerRequests + PodRequests
    ResourceList reqs;
    for (const store::Container &c : pod.spec.containers)
        addResourceList(reqs, applyNonMissing(c.requests, options.nonMissingContainerRequests));

    ResourceList restartableInitReqs; // sidecars declared so far
    ResourceList initReqs;            // max over init containers while each runs
    for (const store::Container &c : pod.spec.initContainers) {
        const ResourceList containerReqs = applyNonMissing(c.requests, options.nonMissingContainerRequests);
        if (isSidecar(c)) {
            // A sidecar keeps running beside the app containers...
            addResourceList(reqs, containerReqs);
            // ...and beside every init container that comes after it.
            addResourceList(restartableInitReqs, containerReqs);
            maxResourceList(initReqs, restartableInitReqs);
        } else {
            ResourceList whileRunning = containerReqs;
            addResourceList(whileRunning, restartableInitReqs);
            maxResourceList(initReqs, whileRunning);
        }
    }
    maxResourceList(reqs, initReqs);

    if (!options.excludeOverhead)
        addResourceList(reqs, podOverhead(pod));
    return reqs;
}

ResourceList podOverhead(const store::Pod &pod)
{
    ResourceList overhead;
    const api::Value *value = pod.spec.full.find("overhead");
    if (!value || !value->isMapping())
        return overhead;
    for (std::size_t i = 0; i < value->size(); ++i) {
        if (auto q = api::Quantity::fromValue(value->valueAt(i)))
            overhead.emplace(value->keyAt(i).text(), *q);
    }
    return overhead;
}

} // namespace emu::sched
