// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/core/event_id.h"
#include "emulator/sim/sim_context.h"

#include <map>
#include <string>

namespace emu::ctrl {

/// kube-controller-manager's taint-eviction-controller (pkg/controller/tainteviction): deletes
/// the pods of a node with NoExecute taints they do not tolerate at once, and those that
/// tolerate them for tolerationSeconds when that runs out (the DefaultTolerationSeconds
/// admission plugin gives every pod 300 s for not-ready and unreachable). A deletion still
/// pending when the taint goes is cancelled. Engine thread only.
class TaintEvictionController
{
public:
    explicit TaintEvictionController(sim::SimContext &context) : m_context(context) {}
    void start();

    /// Pods with a deletion scheduled (namespace/name -> due time), for tests and the GUI.
    std::map<std::string, SimTime> scheduled() const;

private:
    struct Work
    {
        EventId timer;
        SimTime createdAt;
        SimTime triggerAt;
    };

    void processNode(const store::Node &node);
    void processPod(const store::Pod &pod, const store::Node *node);
    void cancelWork(const std::string &podKey, bool withEvent);
    void evict(const std::string &podKey);

    sim::SimContext &m_context;
    std::map<std::string, Work> m_work;
};

} // namespace emu::ctrl
