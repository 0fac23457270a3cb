// SPDX-License-Identifier: Apache-2.0
#include "node_taint_admission.h"

#include <algorithm>

namespace emu::store {

StoreResult admitNodeTaint(Node &node)
{
    // upstream initTaints: {Key: node.kubernetes.io/not-ready, Effect: NoSchedule}, added when
    // no taint matches it (MatchTaint: same key and effect).
    const NodeTaint notReady{"node.kubernetes.io/not-ready", {}, "NoSchedule", std::nullopt};
    if (std::none_of(node.spec.taints.begin(), node.spec.taints.end(),
                     [&](const NodeTaint &t) { return t.sameTaint(notReady); }))
        node.spec.taints.push_back(notReady);
    return {};
}

} // namespace emu::store
