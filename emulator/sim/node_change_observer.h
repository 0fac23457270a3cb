// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sim_context.h"

namespace emu::sim {

/// Watches Nodes like a client would and turns what changed into KubeCanvas's own events,
/// for timelines and scripts: NodeConditionChanged (condition, status, reason),
/// NodeTaintAdded and NodeTaintRemoved (key, effect). Engine thread only.
class NodeChangeObserver
{
public:
    explicit NodeChangeObserver(SimContext &context) : m_context(context) {}
    void start();

private:
    void compare(const store::Node *before, const store::Node &after);

    SimContext &m_context;
};

} // namespace emu::sim
