// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/core/sim_time.h"
#include "emulator/store/pod.h"

#include <string>
#include <string_view>

namespace emu::kubelet {

/// Pure functions over a pod's status, as the kubelet computes them (pkg/kubelet/kubelet_pods.go
/// generateAPIPodStatus, pkg/kubelet/status/generate.go).

/// Sets (or adds) a pod condition; lastTransitionTime moves only when the status changes.
void setPodCondition(store::Pod &pod, std::string_view type, std::string_view status,
                     std::string_view reason, std::string_view message, SimTime now);

/// upstream getPhase: the phase from the containers' states and the restart policy.
/// `podIsTerminal`: the kubelet decided the pod is done (eviction, shutdown, deletion).
std::string podPhase(const store::Pod &pod, bool podIsTerminal);

/// Whether a restartable init container (sidecar) is declared with restartPolicy Always.
bool isSidecar(const store::Container &container);

/// Initialized, ContainersReady and Ready from the container statuses (generate.go
/// GeneratePodInitializedCondition, GenerateContainersReadyCondition, GeneratePodReadyCondition).
void updateKubeletConditions(store::Pod &pod, SimTime now);

/// Copies the conditions the kubelet owns (PodReadyToStartContainers, Initialized,
/// ContainersReady, Ready) and the rest of `kubeletStatus` into `stored`, keeping the conditions
/// other components own (PodScheduled, DisruptionTarget written by a controller), as the status
/// manager's mergePodStatus does.
void mergeKubeletStatus(store::Pod::Status &stored, const store::Pod::Status &kubeletStatus);

} // namespace emu::kubelet
