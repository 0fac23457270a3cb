// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/store/pod.h"

#include <optional>

namespace emu::ctrl {

/// upstream controller.IsPodActive: not Succeeded or Failed and not being deleted.
bool isPodActive(const store::Pod &pod);
/// upstream podutil.IsPodReady: the Ready condition is True.
bool isPodReady(const store::Pod &pod);
/// When the pod's Ready condition last turned True (podReadyTime); nullopt if not Ready.
std::optional<SimTime> podReadyTime(const store::Pod &pod);
/// upstream podutil.IsPodAvailable: Ready, and for at least minReadySeconds (the condition's
/// lastTransitionTime, in whole seconds as the API carries it, + minReadySeconds strictly
/// before now).
bool isPodAvailable(const store::Pod &pod, std::int32_t minReadySeconds, SimTime now);
/// The pod is Succeeded or Failed.
bool isPodTerminal(const store::Pod &pod);

} // namespace emu::ctrl
