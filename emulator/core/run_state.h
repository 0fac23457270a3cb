// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace emu {

/// What a Runner's worker is doing. Paused: waiting for commands (also before start()).
/// Running: advancing the engine. Stopped: the worker has ended for good.
enum class RunState { Paused, Running, Stopped };

} // namespace emu
