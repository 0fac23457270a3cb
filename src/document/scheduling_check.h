// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "problem.h"

#include <vector>

namespace app::document {

class Document;

/// Finds workloads (and Pods) that no node of the project could take, and says why in the
/// scheduler's own words ("0/6 nodes are available: 6 node(s) didn't match Pod's node
/// affinity/selector.").
///
/// Each pod template is run through the emulator's scheduler filters (NodeUnschedulable,
/// NodeName, TaintToleration, NodeAffinity, NodeResourcesFit) against every node of the
/// project, empty: the nodes of each NodePool (one per zone stands for the others) and the
/// Node manifests. A project without nodes is not checked.
namespace SchedulingCheck {

void run(const Document &document, std::vector<Problem> &out);

} // namespace SchedulingCheck

} // namespace app::document
