// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/store/object_store.h"

#include <cstdint>
#include <string>

namespace emu::ctrl {

struct RollbackResult
{
    bool ok = false;
    std::string message; ///< kubectl's output or error
};

/// `kubectl rollout undo deployment/NAME --to-revision=N` (kubectl's DeploymentRollbacker,
/// done by the client since apps/v1 dropped spec.rollbackTo): the template of the
/// Deployment's ReplicaSet with that revision (0: the previous one) is written back to the
/// Deployment, without its pod-template-hash label, and the Deployment's annotations are
/// replaced by that ReplicaSet's (less the deployment.kubernetes.io/* ones). The controller
/// then scales that ReplicaSet up again as the newest revision. A paused Deployment is
/// refused; a template equal to the revision's is "skipped rollback".
RollbackResult rollbackDeployment(store::ObjectStore &store, const std::string &key, std::int64_t toRevision);

} // namespace emu::ctrl
