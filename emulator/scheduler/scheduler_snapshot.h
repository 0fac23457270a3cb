// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node_info.h"

#include "emulator/store/object_store.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace emu::sched {

/// The scheduler's view of the cluster for one scheduling attempt (upstream cache Snapshot):
/// every node with the pods bound to it (finished pods do not count), and the pending pods
/// that preemption nominated to each node.
struct SchedulerSnapshot
{
    std::map<std::string, NodeInfo> nodes;
    std::map<std::string, std::vector<std::shared_ptr<const store::Pod>>> nominated;

    static SchedulerSnapshot take(const store::ObjectStore &store);
};

} // namespace emu::sched
