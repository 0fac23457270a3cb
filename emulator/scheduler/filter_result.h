// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace emu::sched {

/// The outcome of one Filter plugin on one node (upstream framework.Status of a filter).
struct FilterResult
{
    /// upstream framework.Code for a rejection: Unschedulable may be resolved by preemption,
    /// UnschedulableAndUnresolvable may not (DefaultPreemption skips such nodes).
    enum class Code { Success, Unschedulable, UnschedulableAndUnresolvable };

    bool ok = true;
    std::vector<std::string> reasons; ///< upstream Status.Reasons(), in the plugin's order
    Code code = Code::Success;
    std::string plugin;               ///< the rejecting plugin (upstream names.*), empty if ok

    static FilterResult success() { return {}; }
    static FilterResult reject(Code code, std::string plugin, std::vector<std::string> reasons)
    {
        return FilterResult{false, std::move(reasons), code, std::move(plugin)};
    }
    explicit operator bool() const { return ok; }
};

} // namespace emu::sched
