// SPDX-License-Identifier: Apache-2.0
// core/v1 Volume and its sources, and the PersistentVolumeClaim spec used by templates.
#include "k8s_schemas.h"

namespace emu::api::schemas {

using S = Schema;

namespace {

SchemaRef projectionSource()
{
    static const SchemaRef s = S::object({
        S::field("name", S::string()),
        S::field("items", keyToPathList()),
        S::field("optional", S::boolean()),
    });
    return s;
}

SchemaRef downwardApiItems()
{
    static const SchemaRef s = S::listOf(S::object({
        S::required("path", S::string()),
        S::field("fieldRef", S::object({
                     S::field("apiVersion", S::string()),
                     S::required("fieldPath", S::string()),
                 })),
        S::field("resourceFieldRef", S::object({
                     S::field("containerName", S::string()),
                     S::required("resource", S::string()),
                     S::field("divisor", S::quantity()),
                 })),
        S::field("mode", S::integer()),
    }));
    return s;
}

SchemaRef projectedSource()
{
    static const SchemaRef s = S::object({
        S::field("sources", S::listOf(S::object({
                     S::field("secret", projectionSource()),
                     S::field("configMap", projectionSource()),
                     S::field("downwardAPI", S::object({S::field("items", downwardApiItems())})),
                     S::field("serviceAccountToken", S::object({
                                  S::field("audience", S::string()),
                                  S::field("expirationSeconds", S::int64()),
                                  S::required("path", S::string()),
                              })),
                     S::field("clusterTrustBundle", S::any()),
                 }))),
        S::field("defaultMode", S::integer()),
    });
    return s;
}

SchemaRef csiVolumeSource()
{
    static const SchemaRef s = S::object({
        S::required("driver", S::string()),
        S::field("readOnly", S::boolean()),
        S::field("fsType", S::string()),
        S::field("volumeAttributes", S::stringMap()),
        S::field("nodePublishSecretRef", localObjectReference()),
    });
    return s;
}

} // namespace

SchemaRef keyToPathList()
{
    static const SchemaRef s = S::listOf(S::object({
        S::required("key", S::string()),
        S::required("path", S::string()),
        S::field("mode", S::integer()),
    }));
    return s;
}

SchemaRef hostPathVolumeSource()
{
    static const SchemaRef s = S::object({
        S::required("path", S::string()),
        S::field("type", S::string()),
    });
    return s;
}

SchemaRef nfsVolumeSource()
{
    static const SchemaRef s = S::object({
        S::required("server", S::string()),
        S::required("path", S::string()),
        S::field("readOnly", S::boolean()),
    });
    return s;
}

SchemaRef gcePersistentDiskVolumeSource()
{
    static const SchemaRef s = S::object({
        S::required("pdName", S::string()),
        S::field("fsType", S::string()),
        S::field("partition", S::integer()),
        S::field("readOnly", S::boolean()),
    });
    return s;
}

SchemaRef awsElasticBlockStoreVolumeSource()
{
    static const SchemaRef s = S::object({
        S::required("volumeID", S::string()),
        S::field("fsType", S::string()),
        S::field("partition", S::integer()),
        S::field("readOnly", S::boolean()),
    });
    return s;
}

SchemaRef volume()
{
    // Rare or removed in-tree sources are free-form: their shapes vary by release.
    static const SchemaRef s = S::object({
        S::required("name", S::identity()),
        S::field("emptyDir", S::object({
                     S::field("medium", S::string()),
                     S::field("sizeLimit", S::quantity()),
                 })),
        S::field("hostPath", hostPathVolumeSource()),
        S::field("configMap", S::object({
                     S::field("name", S::string()),
                     S::field("items", keyToPathList()),
                     S::field("defaultMode", S::integer()),
                     S::field("optional", S::boolean()),
                 })),
        S::field("secret", S::object({
                     S::field("secretName", S::string()),
                     S::field("items", keyToPathList()),
                     S::field("defaultMode", S::integer()),
                     S::field("optional", S::boolean()),
                 })),
        S::field("persistentVolumeClaim", S::object({
                     S::required("claimName", S::string()),
                     S::field("readOnly", S::boolean()),
                 })),
        S::field("projected", projectedSource()),
        S::field("downwardAPI", S::object({
                     S::field("items", downwardApiItems()),
                     S::field("defaultMode", S::integer()),
                 })),
        S::field("nfs", nfsVolumeSource()),
        S::field("csi", csiVolumeSource()),
        S::field("ephemeral", S::object({
                     S::field("volumeClaimTemplate", S::object({
                                  S::field("metadata", objectMeta()),
                                  S::required("spec", persistentVolumeClaimSpec()),
                              })),
                 })),
        S::field("gcePersistentDisk", gcePersistentDiskVolumeSource()),
        S::field("awsElasticBlockStore", awsElasticBlockStoreVolumeSource()),
        S::field("image", S::object({
                     S::field("reference", S::string()),
                     S::field("pullPolicy", S::string()),
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
        S::field("gitRepo", S::any()),
        S::field("flocker", S::any()),
        S::field("portworxVolume", S::any()),
        S::field("quobyte", S::any()),
        S::field("scaleIO", S::any()),
        S::field("storageos", S::any()),
        S::field("vsphereVolume", S::any()),
        S::field("photonPersistentDisk", S::any()),
        S::removed("metadata", "1.9", "downwardAPI"),
    });
    return s;
}

SchemaRef persistentVolumeClaimSpec()
{
    static const SchemaRef s = S::object({
        S::field("accessModes", S::stringList()),
        S::field("selector", labelSelector()),
        S::field("resources", S::object({
                     S::field("limits", S::quantityMap()),
                     S::field("requests", S::quantityMap()),
                 })),
        S::field("volumeName", S::string()),
        S::field("storageClassName", S::string()),
        S::field("volumeMode", S::string()),
        S::field("dataSource", typedLocalObjectReference()),
        S::field("dataSourceRef", S::object({
                     S::field("apiGroup", S::string()),
                     S::required("kind", S::string()),
                     S::required("name", S::string()),
                     S::field("namespace", S::string()),
                 })),
        S::field("volumeAttributesClassName", S::string()),
    });
    return s;
}

SchemaRef persistentVolumeClaimTemplate()
{
    static const SchemaRef s = topLevel({
        S::field("spec", persistentVolumeClaimSpec()),
        S::field("status", S::any()),
    });
    return s;
}

} // namespace emu::api::schemas
