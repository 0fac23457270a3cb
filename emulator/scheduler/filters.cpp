// SPDX-License-Identifier: Apache-2.0
#include "filters.h"

namespace emu::sched {

namespace {

using Code = FilterResult::Code;

FilterResult reject(Code code, std::string_view pluginName, std::string reason)
{
    return FilterResult::reject(code, std::string(pluginName), {std::move(reason)});
}

} // namespace

std::string untoleratedTaintReason(const api::Taint &taint, TaintMessageStyle style)
{
    if (style == TaintMessageStyle::Generic)
        return std::string(reason::UntoleratedTaintGeneric);
    // upstream: fmt.Sprintf("node(s) had untolerated taint {%s: %s}", taint.Key, taint.Value)
    return "node(s) had untolerated taint {" + taint.key + ": " + taint.value + "}";
}

FilterResult filterNodeUnschedulable(const PodInfo &pod, const NodeInfo &node)
{
    // upstream: pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go
    if (!node.node() || !node.node()->spec.unschedulable)
        return FilterResult::success();
    const api::Taint unschedulable{"node.kubernetes.io/unschedulable", {}, api::TaintEffect::NoSchedule, {}};
    if (api::tolerationsTolerateTaint(pod.tolerations(), unschedulable))
        return FilterResult::success();
    return reject(Code::UnschedulableAndUnresolvable, plugin::NodeUnschedulable,
                  std::string(reason::NodeUnschedulable));
}

FilterResult filterNodeName(const PodInfo &pod, const NodeInfo &node)
{
    // upstream: pkg/scheduler/framework/plugins/nodename/node_name.go Fits
    const std::string &wanted = pod.pod().spec.nodeName;
    if (wanted.empty() || wanted == node.name())
        return FilterResult::success();
    return reject(Code::UnschedulableAndUnresolvable, plugin::NodeName, std::string(reason::NodeName));
}

FilterResult filterTaintToleration(const PodInfo &pod, const NodeInfo &node, TaintMessageStyle style)
{
    // upstream: pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go Filter,
    // with helper.DoNotScheduleTaintsFilterFunc (NoSchedule and NoExecute only)
    const auto taint = api::findUntoleratedTaint(node.taints(), pod.tolerations(),
                                                 {api::TaintEffect::NoSchedule, api::TaintEffect::NoExecute});
    if (!taint)
        return FilterResult::success();
    return reject(Code::UnschedulableAndUnresolvable, plugin::TaintToleration,
                  untoleratedTaintReason(*taint, style));
}

FilterResult filterNodeAffinity(const PodInfo &pod, const NodeInfo &node)
{
    // upstream: pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go Filter with
    // nodeaffinity.GetRequiredNodeAffinity(pod).Match(node)
    const bool match = !pod.nodeAffinityInvalid()
                       && api::requiredNodeAffinityMatches(pod.pod().spec.nodeSelector,
                                                           pod.requiredNodeAffinity(), node.labels(),
                                                           node.name());
    if (match)
        return FilterResult::success();
    return reject(Code::UnschedulableAndUnresolvable, plugin::NodeAffinity, std::string(reason::NodeAffinity));
}

FilterResult filterNodeResourcesFit(const PodInfo &pod, const NodeInfo &node)
{
    // upstream: pkg/scheduler/framework/plugins/noderesources/fit.go fitsRequest
    std::vector<std::string> reasons;
    const Resource &request = pod.requests();
    const Resource &allocatable = node.allocatable();
    const Resource &requested = node.requested();

    if (static_cast<std::int64_t>(node.podCount()) + 1 > allocatable.allowedPodNumber)
        reasons.emplace_back(reason::TooManyPods);

    if (!request.requestsNothing()) {
        if (request.milliCpu > 0 && request.milliCpu > allocatable.milliCpu - requested.milliCpu)
            reasons.emplace_back("Insufficient cpu");
        if (request.memory > 0 && request.memory > allocatable.memory - requested.memory)
            reasons.emplace_back("Insufficient memory");
        if (request.ephemeralStorage > 0
            && request.ephemeralStorage > allocatable.ephemeralStorage - requested.ephemeralStorage)
            reasons.emplace_back("Insufficient ephemeral-storage");
        for (const auto &[name, quantity] : request.scalarResources) {
            if (quantity == 0)
                continue;
            if (quantity > allocatable.amount(name) - requested.amount(name))
                reasons.push_back("Insufficient " + name);
        }
    }

    if (reasons.empty())
        return FilterResult::success();
    return FilterResult::reject(Code::Unschedulable, std::string(plugin::NodeResourcesFit), std::move(reasons));
}

FilterResult runFilters(const PodInfo &pod, const NodeInfo &node, TaintMessageStyle style)
{
    // upstream: pkg/scheduler/apis/config/v1/default_plugins.go order; framework
    // RunFilterPlugins returns the first non-success status.
    if (FilterResult r = filterNodeUnschedulable(pod, node); !r)
        return r;
    if (FilterResult r = filterNodeName(pod, node); !r)
        return r;
    if (FilterResult r = filterTaintToleration(pod, node, style); !r)
        return r;
    if (FilterResult r = filterNodeAffinity(pod, node); !r)
        return r;
    return filterNodeResourcesFit(pod, node);
}

} // namespace emu::sched
