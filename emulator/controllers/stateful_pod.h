// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/value.h"
#include "emulator/store/pod.h"
#include "emulator/store/stateful_set.h"

#include <optional>
#include <string>
#include <vector>

namespace emu::ctrl::statefulpod {

/// The label with a StatefulSet pod's revision (apps.ControllerRevisionHashLabelKey; for
/// StatefulSets it holds the ControllerRevision's name).
inline constexpr const char *revisionLabel = "controller-revision-hash";
inline constexpr const char *podNameLabel = "statefulset.kubernetes.io/pod-name";
inline constexpr const char *podIndexLabel = "apps.kubernetes.io/pod-index";

/// getParentNameAndOrdinal: "<parent>-<ordinal>"; nullopt when the name has no ordinal.
std::optional<int> ordinalOf(const std::string &setName, const std::string &podName);
/// The pod's revision label ("" if none).
std::string revisionOf(const store::Pod &pod);

/// One claim a pod of the set uses: "<template name>-<set>-<ordinal>".
struct Claim
{
    std::string volumeName;
    std::string claimName;
    api::Value claimTemplate; ///< the volumeClaimTemplate ({metadata, spec})
};
std::vector<Claim> claimsFor(const store::StatefulSet &set, int ordinal);

/// newStatefulSetPod: the pod manifest of `ordinal` from `podTemplate` (the template of the
/// revision it belongs to): name "<set>-<ordinal>", labels pod-name, pod-index and the
/// revision, hostname = name, subdomain = serviceName, and a persistentVolumeClaim volume per
/// volumeClaimTemplate (replacing a template volume of that name).
api::Value podManifest(const store::StatefulSet &set, const api::Value &podTemplate, int ordinal,
                       const std::string &revision);

/// The ControllerRevision data of a set: {"spec": {"template": ..., "$patch": "replace"}}.
api::Value revisionData(const api::Value &podTemplate);
/// The template a revision's data holds.
api::Value templateOf(const api::Value &revisionData);

} // namespace emu::ctrl::statefulpod
