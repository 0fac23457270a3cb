// SPDX-License-Identifier: Apache-2.0
#include "kind_registry.h"

#include "schemas/k8s_schemas.h"

#include <algorithm>

namespace emu::api {

namespace {

using namespace schemas;

constexpr bool Namespaced = true;
constexpr bool ClusterScoped = false;

// Removal releases from the Kubernetes deprecated API migration guide.
const std::vector<RemovedVersion> appsBetas = {{"v1beta1", "1.16", "apps/v1"},
                                               {"v1beta2", "1.16", "apps/v1"}};
const std::vector<RemovedVersion> appsBeta2 = {{"v1beta2", "1.16", "apps/v1"}};
const std::vector<RemovedVersion> extensionsApps = {{"v1beta1", "1.16", "apps/v1"}};
const std::vector<RemovedVersion> rbacBetas = {
    {"v1beta1", "1.22", "rbac.authorization.k8s.io/v1"},
    {"v1alpha1", "1.22", "rbac.authorization.k8s.io/v1"}};
const std::vector<RemovedVersion> storageBeta = {{"v1beta1", "1.22", "storage.k8s.io/v1"}};
const std::vector<RemovedVersion> snapshotBeta = {{"v1beta1", "", "snapshot.storage.k8s.io/v1"}};
const std::vector<RemovedVersion> flowcontrolBetas = {
    {"v1beta1", "1.26", "flowcontrol.apiserver.k8s.io/v1"},
    {"v1beta2", "1.29", "flowcontrol.apiserver.k8s.io/v1"},
    {"v1beta3", "1.32", "flowcontrol.apiserver.k8s.io/v1"}};
const std::vector<RemovedVersion> admissionBeta = {
    {"v1beta1", "1.22", "admissionregistration.k8s.io/v1"}};
const std::vector<std::string_view> v1 = {"v1"};
const std::vector<std::string_view> none = {};

std::vector<KindInfo> buildRegistry()
{
    return {
        // core
        {"", "Namespace", v1, {}, ClusterScoped, NameRule::Label, namespaceKind},
        {"", "Node", v1, {}, ClusterScoped, NameRule::Subdomain, nodeKind},
        {"", "Pod", v1, {}, Namespaced, NameRule::Subdomain, podKind},
        {"", "PodTemplate", v1, {}, Namespaced, NameRule::Subdomain, podTemplateKind},
        {"", "ReplicationController", v1, {}, Namespaced, NameRule::Subdomain,
         replicationControllerKind},
        {"", "Service", v1, {}, Namespaced, NameRule::Dns1035Label, serviceKind},
        {"", "Endpoints", v1, {}, Namespaced, NameRule::Subdomain, endpointsKind},
        {"", "ConfigMap", v1, {}, Namespaced, NameRule::Subdomain, configMapKind},
        {"", "Secret", v1, {}, Namespaced, NameRule::Subdomain, secretKind},
        {"", "PersistentVolume", v1, {}, ClusterScoped, NameRule::Subdomain, persistentVolumeKind},
        {"", "PersistentVolumeClaim", v1, {}, Namespaced, NameRule::Subdomain,
         persistentVolumeClaimKind},
        {"", "ResourceQuota", v1, {}, Namespaced, NameRule::Subdomain, resourceQuotaKind},
        {"", "LimitRange", v1, {}, Namespaced, NameRule::Subdomain, limitRangeKind},
        {"", "ServiceAccount", v1, {}, Namespaced, NameRule::Subdomain, serviceAccountKind},
        {"", "Event", v1, {}, Namespaced, NameRule::None, looseTopLevel},
        {"", "Binding", v1, {}, Namespaced, NameRule::Subdomain, looseTopLevel},
        {"", "ComponentStatus", v1, {}, ClusterScoped, NameRule::None, looseTopLevel},
        // apps
        {"apps", "Deployment", v1, appsBetas, Namespaced, NameRule::Subdomain, deploymentKind},
        {"apps", "StatefulSet", v1, appsBetas, Namespaced, NameRule::Subdomain, statefulSetKind},
        {"apps", "DaemonSet", v1, appsBeta2, Namespaced, NameRule::Subdomain, daemonSetKind},
        {"apps", "ReplicaSet", v1, appsBeta2, Namespaced, NameRule::Subdomain, replicaSetKind},
        {"apps", "ControllerRevision", v1, appsBetas, Namespaced, NameRule::Subdomain, looseTopLevel},
        {"extensions", "Deployment", none, extensionsApps, Namespaced, NameRule::Subdomain,
         deploymentKind},
        {"extensions", "DaemonSet", none, extensionsApps, Namespaced, NameRule::Subdomain,
         daemonSetKind},
        {"extensions", "ReplicaSet", none, extensionsApps, Namespaced, NameRule::Subdomain,
         replicaSetKind},
        {"extensions", "Ingress", none, {{"v1beta1", "1.22", "networking.k8s.io/v1"}}, Namespaced,
         NameRule::Subdomain, ingressKind},
        {"extensions", "NetworkPolicy", none, {{"v1beta1", "1.16", "networking.k8s.io/v1"}},
         Namespaced, NameRule::Subdomain, networkPolicyKind},
        {"extensions", "PodSecurityPolicy", none, {{"v1beta1", "1.16", "policy/v1beta1"}},
         ClusterScoped, NameRule::Subdomain, looseTopLevel},
        // batch, autoscaling, policy
        {"batch", "Job", v1, {}, Namespaced, NameRule::Subdomain, jobKind},
        {"batch", "CronJob", v1,
         {{"v1beta1", "1.25", "batch/v1"}, {"v2alpha1", "1.21", "batch/v1"}}, Namespaced,
         NameRule::Subdomain, cronJobKind},
        {"autoscaling", "HorizontalPodAutoscaler", {"v1", "v2"},
         {{"v2beta1", "1.25", "autoscaling/v2"}, {"v2beta2", "1.26", "autoscaling/v2"}},
         Namespaced, NameRule::Subdomain, looseTopLevel},
        {"policy", "PodDisruptionBudget", v1, {{"v1beta1", "1.25", "policy/v1"}}, Namespaced,
         NameRule::Subdomain, podDisruptionBudgetKind},
        {"policy", "PodSecurityPolicy", none, {{"v1beta1", "1.25", "Pod Security Admission"}},
         ClusterScoped, NameRule::Subdomain, looseTopLevel},
        {"policy", "Eviction", v1, {{"v1beta1", "1.25", "policy/v1"}}, Namespaced,
         NameRule::Subdomain, looseTopLevel},
        // networking, discovery
        {"networking.k8s.io", "Ingress", v1, {{"v1beta1", "1.22", "networking.k8s.io/v1"}},
         Namespaced, NameRule::Subdomain, ingressKind},
        {"networking.k8s.io", "IngressClass", v1, {{"v1beta1", "1.22", "networking.k8s.io/v1"}},
         ClusterScoped, NameRule::Subdomain, ingressClassKind},
        {"networking.k8s.io", "NetworkPolicy", v1, {}, Namespaced, NameRule::Subdomain,
         networkPolicyKind},
        {"networking.k8s.io", "ServiceCIDR", {"v1", "v1beta1"}, {}, ClusterScoped,
         NameRule::Subdomain, looseTopLevel},
        {"networking.k8s.io", "IPAddress", {"v1", "v1beta1"}, {}, ClusterScoped, NameRule::None,
         looseTopLevel},
        {"discovery.k8s.io", "EndpointSlice", v1, {{"v1beta1", "1.25", "discovery.k8s.io/v1"}},
         Namespaced, NameRule::Subdomain, endpointSliceKind},
        // storage
        {"storage.k8s.io", "StorageClass", v1, storageBeta, ClusterScoped, NameRule::Subdomain,
         storageClassKind},
        {"storage.k8s.io", "CSIDriver", v1, storageBeta, ClusterScoped, NameRule::Subdomain,
         looseTopLevel},
        {"storage.k8s.io", "CSINode", v1, storageBeta, ClusterScoped, NameRule::Subdomain,
         looseTopLevel},
        {"storage.k8s.io", "VolumeAttachment", v1, storageBeta, ClusterScoped, NameRule::Subdomain,
         looseTopLevel},
        {"storage.k8s.io", "CSIStorageCapacity", v1, {{"v1beta1", "1.27", "storage.k8s.io/v1"}},
         Namespaced, NameRule::Subdomain, looseTopLevel},
        {"storage.k8s.io", "VolumeAttributesClass", {"v1beta1", "v1alpha1"}, {}, ClusterScoped,
         NameRule::Subdomain, looseTopLevel},
        {"snapshot.storage.k8s.io", "VolumeSnapshot", v1, snapshotBeta, Namespaced,
         NameRule::Subdomain, volumeSnapshotKind},
        {"snapshot.storage.k8s.io", "VolumeSnapshotClass", v1, snapshotBeta, ClusterScoped,
         NameRule::Subdomain, volumeSnapshotClassKind},
        {"snapshot.storage.k8s.io", "VolumeSnapshotContent", v1, snapshotBeta, ClusterScoped,
         NameRule::Subdomain, looseTopLevel},
        // rbac: names are path segments ("system:controller:foo"), not DNS names
        {"rbac.authorization.k8s.io", "Role", v1, rbacBetas, Namespaced, NameRule::None,
         looseTopLevel},
        {"rbac.authorization.k8s.io", "RoleBinding", v1, rbacBetas, Namespaced, NameRule::None,
         looseTopLevel},
        {"rbac.authorization.k8s.io", "ClusterRole", v1, rbacBetas, ClusterScoped, NameRule::None,
         looseTopLevel},
        {"rbac.authorization.k8s.io", "ClusterRoleBinding", v1, rbacBetas, ClusterScoped,
         NameRule::None, looseTopLevel},
        // scheduling, coordination, node
        {"scheduling.k8s.io", "PriorityClass", v1,
         {{"v1beta1", "1.22", "scheduling.k8s.io/v1"}, {"v1alpha1", "1.17", "scheduling.k8s.io/v1"}},
         ClusterScoped, NameRule::Subdomain, priorityClassKind},
        {"coordination.k8s.io", "Lease", v1, {{"v1beta1", "1.22", "coordination.k8s.io/v1"}},
         Namespaced, NameRule::Subdomain, leaseKind},
        {"node.k8s.io", "RuntimeClass", v1,
         {{"v1beta1", "1.25", "node.k8s.io/v1"}, {"v1alpha1", "1.25", "node.k8s.io/v1"}},
         ClusterScoped, NameRule::Subdomain, runtimeClassKind},
        // extension and admission machinery: top-level checks only
        {"admissionregistration.k8s.io", "MutatingWebhookConfiguration", v1, admissionBeta,
         ClusterScoped, NameRule::Subdomain, looseTopLevel},
        {"admissionregistration.k8s.io", "ValidatingWebhookConfiguration", v1, admissionBeta,
         ClusterScoped, NameRule::Subdomain, looseTopLevel},
        {"admissionregistration.k8s.io", "ValidatingAdmissionPolicy", {"v1", "v1beta1", "v1alpha1"},
         {}, ClusterScoped, NameRule::Subdomain, looseTopLevel},
        {"admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding",
         {"v1", "v1beta1", "v1alpha1"}, {}, ClusterScoped, NameRule::Subdomain, looseTopLevel},
        {"admissionregistration.k8s.io", "MutatingAdmissionPolicy", {"v1alpha1"}, {},
         ClusterScoped, NameRule::Subdomain, looseTopLevel},
        {"admissionregistration.k8s.io", "MutatingAdmissionPolicyBinding", {"v1alpha1"}, {},
         ClusterScoped, NameRule::Subdomain, looseTopLevel},
        {"admissionregistration.k8s.io", "InitializerConfiguration", none, {{"v1alpha1", "1.14", ""}},
         ClusterScoped, NameRule::Subdomain, looseTopLevel},
        {"apiextensions.k8s.io", "CustomResourceDefinition", v1,
         {{"v1beta1", "1.22", "apiextensions.k8s.io/v1"}}, ClusterScoped, NameRule::Subdomain,
         looseTopLevel},
        {"apiregistration.k8s.io", "APIService", v1,
         {{"v1beta1", "1.22", "apiregistration.k8s.io/v1"}}, ClusterScoped, NameRule::None,
         looseTopLevel},
        {"certificates.k8s.io", "CertificateSigningRequest", v1,
         {{"v1beta1", "1.22", "certificates.k8s.io/v1"}}, ClusterScoped, NameRule::Subdomain,
         looseTopLevel},
        {"events.k8s.io", "Event", v1, {{"v1beta1", "1.25", "events.k8s.io/v1"}}, Namespaced,
         NameRule::None, looseTopLevel},
        {"flowcontrol.apiserver.k8s.io", "FlowSchema", v1, flowcontrolBetas, ClusterScoped,
         NameRule::Subdomain, looseTopLevel},
        {"flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration", v1, flowcontrolBetas,
         ClusterScoped, NameRule::Subdomain, looseTopLevel},
        // KubeCanvas's own kinds, validated by validateKubeCanvasObject()
        {"kubecanvas.io", "Cluster", none, {}, ClusterScoped, NameRule::Subdomain, nullptr},
        {"kubecanvas.io", "NodePool", none, {}, ClusterScoped, NameRule::Subdomain, nullptr},
        {"kubecanvas.io", "Scenario", none, {}, ClusterScoped, NameRule::Subdomain, nullptr},
        {"kubecanvas.io", "Layout", none, {}, ClusterScoped, NameRule::Subdomain, nullptr},
    };
}

const std::vector<KindInfo> &registry()
{
    static const std::vector<KindInfo> kinds = buildRegistry();
    return kinds;
}

} // namespace

const RemovedVersion *KindInfo::findRemoved(std::string_view version) const
{
    const auto it = std::find_if(removedVersions.begin(), removedVersions.end(),
                                 [version](const RemovedVersion &r) { return r.version == version; });
    return it == removedVersions.end() ? nullptr : &*it;
}

bool KindInfo::serves(std::string_view version) const
{
    return std::find(servedVersions.begin(), servedVersions.end(), version) != servedVersions.end();
}

const KindInfo *findKind(std::string_view group, std::string_view kind)
{
    const std::vector<KindInfo> &kinds = registry();
    const auto it = std::find_if(kinds.begin(), kinds.end(), [&](const KindInfo &info) {
        return info.group == group && info.kind == kind;
    });
    return it == kinds.end() ? nullptr : &*it;
}

bool isNamespaced(std::string_view group, std::string_view kind)
{
    const KindInfo *info = findKind(group, kind);
    return info ? info->namespaced : true;
}

GroupVersion splitApiVersion(std::string_view apiVersion)
{
    const std::size_t slash = apiVersion.find('/');
    if (slash == std::string_view::npos)
        return {{}, apiVersion};
    return {apiVersion.substr(0, slash), apiVersion.substr(slash + 1)};
}

bool isKnownGroup(std::string_view group)
{
    const std::vector<KindInfo> &kinds = registry();
    return std::any_of(kinds.begin(), kinds.end(),
                       [group](const KindInfo &info) { return info.group == group; });
}

} // namespace emu::api
