// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "problem.h"

#include <vector>

namespace app::document {

class Document;

/// Problems that only show when objects are looked at together: the same object defined
/// twice, more than one Cluster, a Service or PodDisruptionBudget that selects no pods, a
/// reference to an object the project does not define (PersistentVolumeClaim storage class,
/// Ingress backend Service), and workloads that no node can take.
namespace CrossObjectChecks {

std::vector<Problem> run(const Document &document);

} // namespace CrossObjectChecks

} // namespace app::document
