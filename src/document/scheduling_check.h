// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "problem.h"

#include <string>
#include <unordered_map>
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
///
/// Results are kept per object while its text and the nodes stay the same, so that checking
/// again after an edit only looks at what changed (5,000 workloads take a quarter of a second
/// the first time).
class SchedulingCheck
{
public:
    void run(const Document &document, std::vector<Problem> &out);
    /// The nodes (each Node manifest and every node of each NodePool, empty) that the same
    /// filters let the object's pods run on; none for an object that makes no pods.
    static std::vector<std::string> allowedNodes(const Document &document, ObjectUid uid);

private:
    struct Cached
    {
        std::string text;
        std::optional<Problem> problem;
    };
    std::string m_nodesKey; ///< the node shapes the cache was computed against
    std::unordered_map<ObjectUid, Cached> m_cache;
};

} // namespace app::document
