// SPDX-License-Identifier: Apache-2.0
#pragma once

// The schema tables of the built-in Kubernetes kinds (v1.32), one file per API group.
// Each function builds its schema once and returns the shared instance.

#include "../schema.h"

namespace emu::api::schemas {

// meta: k8s_schemas_meta.cpp
SchemaRef objectMeta();
SchemaRef labelSelector();
SchemaRef nodeSelector();
SchemaRef nodeSelectorTerm();
SchemaRef localObjectReference(); ///< {name}
SchemaRef objectReference();
SchemaRef typedLocalObjectReference();
SchemaRef conditions();           ///< list of metav1.Condition-like entries
SchemaRef topLevel(std::initializer_list<SchemaField> fields); ///< apiVersion, kind, metadata + fields
SchemaRef looseTopLevel();        ///< apiVersion, kind, metadata; anything else accepted

// core/v1 pod: k8s_schemas_pod.cpp, k8s_schemas_container.cpp, k8s_schemas_volume.cpp
SchemaRef podSpec();
SchemaRef podTemplateSpec();
SchemaRef podStatus();
SchemaRef container();
SchemaRef ephemeralContainer();
SchemaRef resourceRequirements();
SchemaRef securityContext();
SchemaRef podSecurityContext();
SchemaRef affinity();
SchemaRef toleration();
SchemaRef volume();
SchemaRef keyToPathList();
SchemaRef hostPathVolumeSource();
SchemaRef nfsVolumeSource();
SchemaRef gcePersistentDiskVolumeSource();
SchemaRef awsElasticBlockStoreVolumeSource();
SchemaRef persistentVolumeClaimSpec();
SchemaRef persistentVolumeClaimTemplate(); ///< a PVC without apiVersion/kind required

// Kinds
SchemaRef namespaceKind();
SchemaRef nodeKind();
SchemaRef podKind();
SchemaRef podTemplateKind();
SchemaRef replicaSetKind();
SchemaRef replicationControllerKind();
SchemaRef deploymentKind();
SchemaRef statefulSetKind();
SchemaRef daemonSetKind();
SchemaRef jobKind();
SchemaRef cronJobKind();
SchemaRef serviceKind();
SchemaRef endpointsKind();
SchemaRef endpointSliceKind();
SchemaRef ingressKind();
SchemaRef ingressClassKind();
SchemaRef networkPolicyKind();
SchemaRef configMapKind();
SchemaRef secretKind();
SchemaRef persistentVolumeKind();
SchemaRef persistentVolumeClaimKind();
SchemaRef storageClassKind();
SchemaRef volumeSnapshotKind();
SchemaRef volumeSnapshotClassKind();
SchemaRef priorityClassKind();
SchemaRef podDisruptionBudgetKind();
SchemaRef leaseKind();
SchemaRef runtimeClassKind();
SchemaRef resourceQuotaKind();
SchemaRef limitRangeKind();
SchemaRef serviceAccountKind();

} // namespace emu::api::schemas
