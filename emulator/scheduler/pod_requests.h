// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/store/pod.h"

#include <cstdint>

namespace emu::sched {

/// upstream: pkg/scheduler/util/pod_resources.go DefaultMilliCPURequest (0.1 core).
inline constexpr std::int64_t kDefaultMilliCpuRequest = 100;
/// upstream: pkg/scheduler/util/pod_resources.go DefaultMemoryRequest (200 MiB).
inline constexpr std::int64_t kDefaultMemoryRequest = 200 * 1024 * 1024;

/// upstream: k8s.io/component-helpers/resource PodResourcesOptions, the parts that apply
/// to a pod that has not been resized in place and has no pod-level resources.
struct PodRequestsOptions
{
    bool excludeOverhead = false;
    /// Fills a container's *missing* requests (an explicit 0 stays 0) before aggregating;
    /// the scheduler's scoring passes {cpu: 100m, memory: 200Mi} (nonZeroDefaults()).
    store::ResourceList nonMissingContainerRequests;
};

/// The scheduler's default non-zero requests, for NodeResourcesFit scoring
/// (upstream schedutil.GetNonzeroRequests / getNonMissingContainerRequests).
store::ResourceList nonZeroDefaults();

/// upstream: k8s.io/component-helpers/resource PodRequests (the sidecar KEP-753 formula):
///   max( sum(app containers) + sum(sidecars),
///        max over init containers i of (request_i + sum of the sidecars declared before i) )
///   + pod overhead.
/// Sidecars are init containers with restartPolicy Always. A container without a request
/// for a resource contributes nothing for it.
store::ResourceList podRequests(const store::Pod &pod, const PodRequestsOptions &options = {});

/// The pod's `spec.overhead` (set by the RuntimeClass admission plugin). store::Pod has no
/// typed field for it, so it is read from the spec as written; unparsable entries are skipped.
store::ResourceList podOverhead(const store::Pod &pod);

} // namespace emu::sched
