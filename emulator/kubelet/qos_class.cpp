// SPDX-License-Identifier: Apache-2.0
// upstream: pkg/apis/core/v1/helper/qos/qos.go GetPodQOS
#include "qos_class.h"

#include <set>

namespace emu::kubelet {

namespace {

bool isSupportedQoSComputeResource(const std::string &name)
{
    return name == "cpu" || name == "memory";
}

void add(store::ResourceList &sum, const std::string &name, const api::Quantity &quantity)
{
    auto [it, inserted] = sum.try_emplace(name, quantity);
    if (!inserted)
        it->second += quantity;
}

} // namespace

std::string qosClass(const store::Pod &pod)
{
    store::ResourceList requests;
    store::ResourceList limits;
    bool isGuaranteed = true;
    const auto process = [&](const store::Container &container) {
        // SetDefaults_Pod: an unset request takes the limit's value.
        store::ResourceList containerRequests = container.requests;
        for (const auto &[name, limit] : container.limits)
            containerRequests.try_emplace(name, limit);

        for (const auto &[name, quantity] : containerRequests) {
            if (isSupportedQoSComputeResource(name) && quantity.sign() > 0)
                add(requests, name, quantity);
        }
        std::set<std::string> qosLimitsFound;
        for (const auto &[name, quantity] : container.limits) {
            if (isSupportedQoSComputeResource(name) && quantity.sign() > 0) {
                qosLimitsFound.insert(name);
                add(limits, name, quantity);
            }
        }
        if (!qosLimitsFound.contains("memory") || !qosLimitsFound.contains("cpu"))
            isGuaranteed = false;
    };
    for (const store::Container &container : pod.spec.containers)
        process(container);
    for (const store::Container &container : pod.spec.initContainers)
        process(container);

    if (requests.empty() && limits.empty())
        return "BestEffort";
    // Check if requests match limits for all resources.
    if (isGuaranteed) {
        for (const auto &[name, request] : requests) {
            const auto it = limits.find(name);
            if (it == limits.end() || it->second != request) {
                isGuaranteed = false;
                break;
            }
        }
    }
    if (isGuaranteed && requests.size() == limits.size())
        return "Guaranteed";
    return "Burstable";
}

} // namespace emu::kubelet
