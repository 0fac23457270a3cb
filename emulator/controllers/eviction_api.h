// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/core/engine.h"
#include "emulator/store/object_store.h"

#include <optional>
#include <string>

namespace emu::ctrl {

/// The outcome of an eviction, as the API server answers
/// POST /api/v1/namespaces/{ns}/pods/{name}/eviction.
struct EvictionResult
{
    int code = 201;            ///< 201 Created (a Status Success), 404, 429, 403, 500
    std::string reason;        ///< the Status reason: "", NotFound, TooManyRequests, Forbidden, InternalError
    std::string message;       ///< the Status message
    std::string causeMessage;  ///< details.causes[0].message (type DisruptionBudget) for a 429

    bool ok() const { return code == 201; }
};

/// The Eviction API (pkg/registry/core/pod/storage/eviction.go, spec 7.8), a library call for
/// kubectl drain here and for the emulated API server later:
/// - a pod that is Pending, Succeeded, Failed or already terminating is deleted without
///   looking at budgets; so is a pod no PodDisruptionBudget covers;
/// - more than one budget: 500 "This pod has more than one PodDisruptionBudget, which the
///   eviction subresource does not support.";
/// - a pod that is not Ready is deleted if the budget has AlwaysAllow, or (IfHealthyBudget)
///   if currentHealthy >= desiredHealthy > 0, without using up a disruption;
/// - otherwise the budget must allow a disruption: it is then decremented and the pod
///   recorded in disruptedPods (the disruption controller counts it as gone for 2 minutes);
///   else 429 "Cannot evict pod as it would violate the pod's disruption budget." with the
///   cause "The disruption budget NAME needs N healthy pods and has M currently" (or "… is
///   still being processed by the server." while its status is older than its spec).
/// The pod is deleted like a DELETE (graceful, with `gracePeriodSeconds` if given) after
/// getting the condition DisruptionTarget=True (EvictionByEvictionAPI). `dryRun` changes
/// nothing and answers as the real call would.
EvictionResult evictPod(store::ObjectStore &store, const Engine &engine, const std::string &podKey,
                        std::optional<std::int64_t> gracePeriodSeconds = std::nullopt, bool dryRun = false);

} // namespace emu::ctrl
