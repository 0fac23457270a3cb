// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/node_affinity.h"
#include "emulator/api/toleration.h"
#include "emulator/store/node.h"
#include "emulator/store/pod.h"
#include "emulator/store/workload_common.h"

#include <optional>
#include <string>
#include <vector>

namespace emu::ctrl {

/// What upstream NodeShouldRunDaemonPod answers for one node.
struct DaemonPlacement
{
    bool shouldRun = false;             ///< a daemon pod should be created here
    bool shouldContinueRunning = false; ///< an existing daemon pod may stay
};

/// A DaemonSet's pod template as the daemonset controller uses it (pkg/controller/daemon):
/// the template with the tolerations the controller adds by itself (util.CreatePodTemplate,
/// AddOrUpdateDaemonPodTolerations), parsed once per sync to answer, for each node, whether
/// a daemon pod belongs there.
class DaemonPodTemplate
{
public:
    explicit DaemonPodTemplate(const store::PodTemplate &podTemplate);

    /// The template with the daemon tolerations added (what the pods are created from).
    const store::PodTemplate &podTemplate() const { return m_template; }

    /// upstream NodeShouldRunDaemonPod: the template's nodeName (if any) is the node, its
    /// nodeSelector and required node affinity match, and no NoSchedule/NoExecute taint is
    /// untolerated; a pod already there may continue when only NoSchedule taints are.
    DaemonPlacement placement(const store::Node &node) const;

private:
    store::PodTemplate m_template;
    std::string m_nodeName;
    api::Labels m_nodeSelector;
    std::optional<api::NodeSelector> m_required;
    bool m_affinityInvalid = false;
    std::vector<api::Toleration> m_tolerations;
};

/// upstream util.AddOrUpdateDaemonPodTolerations: not-ready and unreachable NoExecute without
/// tolerationSeconds (daemon pods are never evicted for those), disk-, memory- and
/// pid-pressure and unschedulable NoSchedule, and network-unavailable NoSchedule for
/// hostNetwork pods. A toleration already there for the same key and effect is replaced.
void addDaemonPodTolerations(api::Value &podSpec);

/// upstream util.ReplaceDaemonSetPodNodeNameNodeAffinity: the pod's required node affinity
/// becomes one term `matchFields: metadata.name In [nodeName]` (the scheduler binds it
/// there); preferred terms are kept.
void replaceNodeNameAffinity(api::Value &podSpec, const std::string &nodeName);

/// upstream util.GetTargetNodeName: spec.nodeName, or the node named by the required node
/// affinity's matchFields metadata.name term; empty if neither.
std::string daemonPodTargetNode(const store::Pod &pod);

} // namespace emu::ctrl
