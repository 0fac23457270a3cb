// SPDX-License-Identifier: Apache-2.0
#include "job_pod_failure_policy.h"

#include <algorithm>

namespace emu::ctrl {

namespace {

std::string valueText(const api::Value *value)
{
    return value && value->isScalar() && !value->isNull() ? value->text() : std::string();
}

// getMatchingContainerFromList + isOnExitCodesOperatorMatching
const store::Pod::ContainerStatus *matchingContainer(const std::vector<store::Pod::ContainerStatus> &statuses,
                                                     const api::Value &requirement)
{
    const std::string containerName = valueText(requirement.find("containerName"));
    const std::string op = valueText(requirement.find("operator"));
    const api::Value *values = requirement.find("values");
    for (const store::Pod::ContainerStatus &status : statuses) {
        if (status.state.kind != store::Pod::ContainerState::Kind::Terminated || status.state.exitCode == 0)
            continue;
        if (!containerName.empty() && containerName != status.name)
            continue;
        bool listed = false;
        if (values)
            for (const api::Value &v : values->items())
                listed = listed || v.asInt() == status.state.exitCode;
        if ((op == "In" && listed) || (op == "NotIn" && !listed))
            return &status;
    }
    return nullptr;
}

} // namespace

std::optional<PodFailurePolicyMatch> matchPodFailurePolicy(const api::Value &policy, const store::Pod &pod)
{
    const api::Value *rules = policy.isMapping() ? policy.find("rules") : nullptr;
    if (!rules)
        return std::nullopt;
    const std::string podName = pod.meta.namespaceName + "/" + pod.meta.name;
    for (std::size_t index = 0; index < rules->size(); ++index) {
        const api::Value &rule = rules->at(index);
        const std::string action = valueText(rule.find("action"));
        if (const api::Value *onExitCodes = rule.find("onExitCodes"); onExitCodes && onExitCodes->isMapping()) {
            const store::Pod::ContainerStatus *container = matchingContainer(pod.status.containerStatuses, *onExitCodes);
            if (!container)
                container = matchingContainer(pod.status.initContainerStatuses, *onExitCodes);
            if (container)
                return PodFailurePolicyMatch{
                    action, "Container " + container->name + " for pod " + podName + " failed with exit code "
                                + std::to_string(container->state.exitCode) + " matching " + action
                                + " rule at index " + std::to_string(index)};
            continue;
        }
        if (const api::Value *conditions = rule.find("onPodConditions")) {
            for (const api::Value &pattern : conditions->items()) {
                const std::string type = valueText(pattern.find("type"));
                std::string status = valueText(pattern.find("status"));
                if (status.empty())
                    status = "True";
                const store::Pod::Condition *condition = pod.condition(type);
                if (condition && condition->status == status)
                    return PodFailurePolicyMatch{action, "Pod " + podName + " has condition " + type + " matching "
                                                             + action + " rule at index " + std::to_string(index)};
            }
        }
    }
    return std::nullopt;
}

} // namespace emu::ctrl
