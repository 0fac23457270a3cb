// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/store/object_store.h"

#include <optional>

namespace emu::ctrl {

/// DELETE of a pod as the API server does it (pkg/registry/core/pod strategy
/// CheckGracefulDelete): graceful, with the request's grace period or else the pod's
/// terminationGracePeriodSeconds; removed at once when the grace is 0, when the pod was
/// never scheduled, or when it has finished. A second DELETE can only shorten the grace.
store::StoreResult deletePod(store::ObjectStore &store, const std::string &podKey,
                             std::optional<std::int64_t> gracePeriodSeconds = std::nullopt);

/// Sets a pod condition in place (type unique), as the eviction paths add DisruptionTarget.
void setPodCondition(store::Pod &pod, store::Pod::Condition condition);

} // namespace emu::ctrl
