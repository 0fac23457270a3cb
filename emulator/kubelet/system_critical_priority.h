// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

namespace emu::kubelet {

/// scheduling.SystemCriticalPriority: pods at or above it (system-cluster-critical and
/// system-node-critical) are the critical group of graceful shutdown and are never chosen by
/// node-pressure eviction.
inline constexpr std::int64_t systemCriticalPriority = 2'000'000'000;

} // namespace emu::kubelet
