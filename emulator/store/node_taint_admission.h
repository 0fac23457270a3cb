// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"
#include "store_result.h"

namespace emu::store {

/// upstream admission plugin TaintNodesAtCreation (plugin/pkg/admission/nodetaint): every Node
/// is created with the NoSchedule taint node.kubernetes.io/not-ready (unless it already has
/// it), so that nothing is scheduled onto it before the node lifecycle controller has seen it
/// Ready and removed the taint (doNoScheduleTaintingPass).
StoreResult admitNodeTaint(Node &node);

} // namespace emu::store
