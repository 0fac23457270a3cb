// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "controller_owner.h"

#include "emulator/api/value.h"
#include "emulator/core/rng.h"
#include "emulator/sim/sim_context.h"
#include "emulator/store/workload_common.h"

#include <functional>

namespace emu::ctrl {

/// upstream controller.RealPodControl: how workload controllers create and delete their pods,
/// with the events kubectl describe shows on the controller object.
///
/// createPod() is GetPodFromTemplate + a create through the API server: the template's
/// labels, annotations (the `kubecanvas.io/behavior` annotation with them) and finalizers,
/// its spec defaulted as the API server admits a pod, an ownerReference to the controller
/// (controller and blockOwnerDeletion true), the controller's namespace, and a name from
/// generateName "<controller>-" plus five characters drawn from this PodControl's own seeded
/// stream (the API server's alphabet; a taken name is drawn again, as RetryGenerateName).
/// Events: SuccessfulCreate "Created pod: NAME", FailedCreate "Error creating: ...";
/// SuccessfulDelete "Deleted pod: NAME", FailedDelete "Error deleting: ...".
/// Engine thread only.
class PodControl
{
public:
    /// Edits the pod manifest before it is admitted (a fixed name, a nodeName, more labels).
    using Customize = std::function<void(api::Value &podManifest)>;

    PodControl(sim::SimContext &context, Rng rng) : m_context(context), m_rng(std::move(rng)) {}

    store::StoreResult createPod(const ControllerOwner &owner, const store::PodTemplate &podTemplate,
                                 const Customize &customize = {});
    /// A graceful DELETE of the pod (the pod's own grace period).
    store::StoreResult deletePod(const ControllerOwner &owner, const std::string &podKey);

    /// The Value of the pod GetPodFromTemplate builds (without a name yet).
    static api::Value podManifest(const ControllerOwner &owner, const store::PodTemplate &podTemplate);

private:
    sim::SimContext &m_context;
    Rng m_rng;
};

} // namespace emu::ctrl
