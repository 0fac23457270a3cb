// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/value.h"
#include "emulator/store/pod.h"

namespace emu::sim {

/// Turns a Pod manifest into the emulator's typed Pod, as the API server would admit it:
/// defaulting applied (docs/defaulting.md, including the DefaultTolerationSeconds admission
/// plugin's 300 s not-ready/unreachable tolerations), the full spec kept as written.
store::Pod decodePod(const api::Value &manifest);

} // namespace emu::sim
