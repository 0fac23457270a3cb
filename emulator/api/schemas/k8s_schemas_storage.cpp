// SPDX-License-Identifier: Apache-2.0
// core/v1 PersistentVolume(Claim), storage.k8s.io/v1 and snapshot.storage.k8s.io/v1.
#include "k8s_schemas.h"

namespace emu::api::schemas {

using S = Schema;

namespace {

SchemaRef persistentVolumeSpec()
{
    static const SchemaRef s = S::object({
        S::field("capacity", S::quantityMap()),
        S::field("accessModes", S::stringList()),
        S::field("claimRef", objectReference()),
        S::field("persistentVolumeReclaimPolicy", S::knownValues({"Retain", "Delete", "Recycle"})),
        S::field("storageClassName", S::string()),
        S::field("mountOptions", S::stringList()),
        S::field("volumeMode", S::string()),
        S::field("nodeAffinity", S::object({S::field("required", nodeSelector())})),
        S::field("volumeAttributesClassName", S::string()),
        S::field("hostPath", hostPathVolumeSource()),
        S::field("nfs", nfsVolumeSource()),
        S::field("gcePersistentDisk", gcePersistentDiskVolumeSource()),
        S::field("awsElasticBlockStore", awsElasticBlockStoreVolumeSource()),
        S::field("local", S::object({
                     S::required("path", S::string()),
                     S::field("fsType", S::string()),
                 })),
        S::field("csi", S::object({
                     S::required("driver", S::string()),
                     S::required("volumeHandle", S::string()),
                     S::field("readOnly", S::boolean()),
                     S::field("fsType", S::string()),
                     S::field("volumeAttributes", S::stringMap()),
                     S::field("controllerPublishSecretRef", S::any()),
                     S::field("nodeStageSecretRef", S::any()),
                     S::field("nodePublishSecretRef", S::any()),
                     S::field("controllerExpandSecretRef", S::any()),
                     S::field("nodeExpandSecretRef", S::any()),
                 })),
        S::field("azureDisk", S::any()),
        S::field("azureFile", S::any()),
        S::field("cephfs", S::any()),
        S::field("rbd", S::any()),
        S::field("iscsi", S::any()),
        S::field("glusterfs", S::any()),
        S::field("fc", S::any()),
        S::field("flexVolume", S::any()),
        S::field("cinder", S::any()),
        S::field("flocker", S::any()),
        S::field("portworxVolume", S::any()),
        S::field("quobyte", S::any()),
        S::field("scaleIO", S::any()),
        S::field("storageos", S::any()),
        S::field("vsphereVolume", S::any()),
        S::field("photonPersistentDisk", S::any()),
    });
    return s;
}

} // namespace

SchemaRef persistentVolumeKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", persistentVolumeSpec()),
        S::field("status", S::looseObject({})),
    });
    return s;
}

SchemaRef persistentVolumeClaimKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", persistentVolumeClaimSpec()),
        S::field("status", S::looseObject({
                     S::field("capacity", S::quantityMap()),
                     S::field("conditions", conditions()),
                 })),
    });
    return s;
}

SchemaRef storageClassKind()
{
    static const SchemaRef s = topLevel({
        S::required("provisioner", S::string()),
        S::field("parameters", S::stringMap()),
        S::field("reclaimPolicy", S::knownValues({"Retain", "Delete", "Recycle"})),
        S::field("mountOptions", S::stringList()),
        S::field("allowVolumeExpansion", S::boolean()),
        S::field("volumeBindingMode", S::knownValues({"Immediate", "WaitForFirstConsumer"})),
        S::field("allowedTopologies", S::listOf(S::object({
                     S::field("matchLabelExpressions", S::listOf(S::object({
                                  S::required("key", S::string()),
                                  S::required("values", S::stringList()),
                              }))),
                 }))),
    });
    return s;
}

SchemaRef volumeSnapshotKind()
{
    static const SchemaRef s = topLevel({
        S::required("spec", S::object({
                        S::required("source", S::object({
                                        S::field("persistentVolumeClaimName", S::string()),
                                        S::field("volumeSnapshotContentName", S::string()),
                                    })),
                        S::field("volumeSnapshotClassName", S::string()),
                    })),
        S::field("status", S::any()),
    });
    return s;
}

SchemaRef volumeSnapshotClassKind()
{
    static const SchemaRef s = topLevel({
        S::required("driver", S::string()),
        S::required("deletionPolicy", S::knownValues({"Delete", "Retain"})),
        S::field("parameters", S::stringMap()),
    });
    return s;
}

} // namespace emu::api::schemas
