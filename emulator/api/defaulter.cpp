// SPDX-License-Identifier: Apache-2.0
#include "defaulter.h"
#include "defaulter_support.h"

#include <array>

namespace emu::api {

namespace {

using namespace defaulting;

struct KindDefaults
{
    std::string_view group; ///< "" is the core group
    std::string_view kind;
    void (*apply)(Value &object);
};

// One entry per kind with defaults; upstream registers them in each group's
// zz_generated.defaults.go (RegisterDefaults).
constexpr std::array kinds{
    KindDefaults{"", "Pod", defaultPod},
    KindDefaults{"", "PodTemplate", defaultPodTemplateObject},
    KindDefaults{"", "ReplicationController", defaultReplicationController},
    KindDefaults{"", "Service", defaultService},
    KindDefaults{"", "Endpoints", defaultEndpoints},
    KindDefaults{"", "Secret", defaultSecret},
    KindDefaults{"", "Namespace", defaultNamespace},
    KindDefaults{"", "PersistentVolume", defaultPersistentVolume},
    KindDefaults{"", "PersistentVolumeClaim", defaultPersistentVolumeClaim},
    KindDefaults{"", "LimitRange", defaultLimitRange},
    KindDefaults{"apps", "Deployment", defaultDeployment},
    KindDefaults{"apps", "ReplicaSet", defaultReplicaSet},
    KindDefaults{"apps", "StatefulSet", defaultStatefulSet},
    KindDefaults{"apps", "DaemonSet", defaultDaemonSet},
    KindDefaults{"batch", "Job", defaultJob},
    KindDefaults{"batch", "CronJob", defaultCronJob},
    KindDefaults{"discovery.k8s.io", "EndpointSlice", defaultEndpointSlice},
    KindDefaults{"networking.k8s.io", "NetworkPolicy", defaultNetworkPolicy},
    KindDefaults{"networking.k8s.io", "IngressClass", defaultIngressClass},
    KindDefaults{"storage.k8s.io", "StorageClass", defaultStorageClass},
    KindDefaults{"storage.k8s.io", "CSIDriver", defaultCsiDriver},
    KindDefaults{"rbac.authorization.k8s.io", "RoleBinding", defaultRoleBinding},
    KindDefaults{"rbac.authorization.k8s.io", "ClusterRoleBinding", defaultRoleBinding},
    KindDefaults{"scheduling.k8s.io", "PriorityClass", defaultPriorityClass},
};

/// "apps/v1" -> "apps", "v1" -> "" (the core group has no group part).
std::string_view groupOf(std::string_view apiVersion)
{
    const std::size_t slash = apiVersion.find('/');
    return slash == std::string_view::npos ? std::string_view{} : apiVersion.substr(0, slash);
}

} // namespace

void applyDefaults(Value &object)
{
    if (!object.isMapping())
        return;
    const std::string_view kind = stringOf(object.find("kind"));
    const Value *apiVersionValue = object.find("apiVersion");
    const std::string_view apiVersion = stringOf(apiVersionValue);
    // An object without apiVersion (one being built in the modeler) is matched by kind alone;
    // one with a different group (a CRD that reuses a built-in kind name) is not ours.
    auto groupMatches = [&](std::string_view group) {
        return isUnset(apiVersionValue) || groupOf(apiVersion) == group;
    };

    if (kind == "List" && groupMatches({})) {
        if (Value *items = sequenceAt(object, "items")) {
            for (std::size_t i = 0; i < items->size(); ++i)
                applyDefaults(items->at(i));
        }
        return;
    }
    if (kind == "HorizontalPodAutoscaler" && groupMatches("autoscaling")) {
        defaultHorizontalPodAutoscaler(object, apiVersion);
        return;
    }
    for (const KindDefaults &entry : kinds) {
        if (entry.kind == kind && groupMatches(entry.group)) {
            entry.apply(object);
            return;
        }
    }
}

} // namespace emu::api
