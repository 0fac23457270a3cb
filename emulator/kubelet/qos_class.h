// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/store/pod.h"

#include <string>

namespace emu::kubelet {

/// The pod's QoS class, "Guaranteed", "Burstable" or "BestEffort", as upstream
/// pkg/apis/core/v1/helper/qos GetPodQOS computes it (spec 5.8):
/// - only cpu and memory count, and only positive quantities; regular and init containers
///   (sidecars included) are summed;
/// - BestEffort: no positive cpu/memory request or limit anywhere;
/// - Guaranteed: every container has positive cpu and memory limits, and the pod's summed
///   requests equal its summed limits, resource by resource;
/// - Burstable: anything else.
/// Requests a container leaves unset take its limits first (the API server's SetDefaults_Pod),
/// so an undefaulted pod gets the class a real server would give it. Pod-level resources
/// (feature PodLevelResources, alpha) are ignored.
std::string qosClass(const store::Pod &pod);

} // namespace emu::kubelet
