// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "problem.h"

#include <vector>

namespace app::document {

class Document;
class SchedulingCheck;

/// Problems that only show when objects are looked at together: the same object defined
/// twice, more than one Cluster, a Service or PodDisruptionBudget that selects no pods, a
/// reference to an object the project does not define (PersistentVolumeClaim storage class,
/// Ingress backend Service), and workloads that no node can take.
namespace CrossObjectChecks {

/// `scheduling` keeps its results between runs (see SchedulingCheck).
std::vector<Problem> run(const Document &document, SchedulingCheck &scheduling);

} // namespace CrossObjectChecks

} // namespace app::document
