// SPDX-License-Identifier: Apache-2.0
// core/v1 Container and its parts: ports, env, resources, probes, lifecycle, security context.
#include "k8s_schemas.h"

#include "../validation_context.h"
#include "../value.h"

namespace emu::api::schemas {

using S = Schema;

namespace {

SchemaRef keySelector()
{
    static const SchemaRef s = S::object({
        S::field("name", S::string()),
        S::required("key", S::string()),
        S::field("optional", S::boolean()),
    });
    return s;
}

SchemaRef objectFieldSelector()
{
    static const SchemaRef s = S::object({
        S::field("apiVersion", S::string()),
        S::required("fieldPath", S::string()),
    });
    return s;
}

SchemaRef resourceFieldSelector()
{
    static const SchemaRef s = S::object({
        S::field("containerName", S::string()),
        S::required("resource", S::string()),
        S::field("divisor", S::quantity()),
    });
    return s;
}

SchemaRef envVar()
{
    static const SchemaRef s = S::object({
        S::required("name", S::identity()),
        S::field("value", S::string()),
        S::field("valueFrom", S::object({
                     S::field("fieldRef", objectFieldSelector()),
                     S::field("resourceFieldRef", resourceFieldSelector()),
                     S::field("configMapKeyRef", keySelector()),
                     S::field("secretKeyRef", keySelector()),
                 })),
    });
    return s;
}

SchemaRef envFromSource()
{
    static const SchemaRef s = [] {
        const SchemaRef ref = S::object({
            S::field("name", S::string()),
            S::field("optional", S::boolean()),
        });
        return S::object({
            S::field("prefix", S::string()),
            S::field("configMapRef", ref),
            S::field("secretRef", ref),
        });
    }();
    return s;
}

SchemaRef containerPort()
{
    static const SchemaRef s = S::object({
        S::field("name", S::string()),
        S::field("hostPort", S::integer(0, 65535)),
        S::required("containerPort", S::port()),
        S::field("protocol", S::knownValues({"TCP", "UDP", "SCTP"})),
        S::field("hostIP", S::string()),
    });
    return s;
}

SchemaRef httpGetAction()
{
    static const SchemaRef s = S::object({
        S::field("path", S::string()),
        S::required("port", S::intOrString()),
        S::field("host", S::string()),
        S::field("scheme", S::string()),
        S::field("httpHeaders", S::listOf(S::object({
                     S::required("name", S::string()),
                     S::field("value", S::string()),
                 }))),
    });
    return s;
}

SchemaRef execAction()
{
    static const SchemaRef s = S::object({S::field("command", S::stringList())});
    return s;
}

SchemaRef tcpSocketAction()
{
    static const SchemaRef s = S::object({
        S::required("port", S::intOrString()),
        S::field("host", S::string()),
    });
    return s;
}

SchemaRef probe()
{
    static const SchemaRef s = S::object({
        S::field("exec", execAction()),
        S::field("httpGet", httpGetAction()),
        S::field("tcpSocket", tcpSocketAction()),
        S::field("grpc", S::object({
                     S::required("port", S::integer()),
                     S::field("service", S::string()),
                 })),
        S::field("initialDelaySeconds", S::integer()),
        S::field("timeoutSeconds", S::integer()),
        S::field("periodSeconds", S::integer()),
        S::field("successThreshold", S::integer()),
        S::field("failureThreshold", S::integer()),
        S::field("terminationGracePeriodSeconds", S::int64()),
    });
    return s;
}

SchemaRef lifecycleHandler()
{
    static const SchemaRef s = S::object({
        S::field("exec", execAction()),
        S::field("httpGet", httpGetAction()),
        S::field("tcpSocket", tcpSocketAction()),
        S::field("sleep", S::object({S::required("seconds", S::int64())})),
    });
    return s;
}

SchemaRef containerFields(bool ephemeral)
{
    const SchemaRef base = S::object({
        // A null name (`- name:`) is rejected by the API server: required identity.
        S::required("name", S::identity()),
        S::field("image", S::string()),
        S::field("command", S::stringList()),
        S::field("args", S::stringList()),
        S::field("workingDir", S::string()),
        S::field("ports", S::listOf(containerPort())),
        S::field("envFrom", S::listOf(envFromSource())),
        S::field("env", S::listOf(envVar())),
        S::field("resources", resourceRequirements()),
        S::field("resizePolicy", S::listOf(S::object({
                     S::required("resourceName", S::string()),
                     S::required("restartPolicy", S::string()),
                 }))),
        S::field("restartPolicy", S::string()),
        S::field("volumeMounts", S::listOf(S::object({
                     S::required("name", S::string()),
                     S::field("readOnly", S::boolean()),
                     S::field("recursiveReadOnly", S::string()),
                     S::required("mountPath", S::string()),
                     S::field("subPath", S::string()),
                     S::field("mountPropagation", S::string()),
                     S::field("subPathExpr", S::string()),
                 }))),
        S::field("volumeDevices", S::listOf(S::object({
                     S::required("name", S::string()),
                     S::required("devicePath", S::string()),
                 }))),
        S::field("livenessProbe", probe()),
        S::field("readinessProbe", probe()),
        S::field("startupProbe", probe()),
        S::field("lifecycle", S::object({
                     S::field("postStart", lifecycleHandler()),
                     S::field("preStop", lifecycleHandler()),
                     S::field("stopSignal", S::string()),
                 })),
        S::field("terminationMessagePath", S::string()),
        S::field("terminationMessagePolicy", S::string()),
        S::field("imagePullPolicy", S::string()),
        S::field("securityContext", securityContext()),
        S::field("stdin", S::boolean()),
        S::field("stdinOnce", S::boolean()),
        S::field("tty", S::boolean()),
    });
    if (!ephemeral)
        return base;
    return S::extend(base, {S::field("targetContainerName", S::string())});
}

SchemaRef seLinuxOptions()
{
    static const SchemaRef s = S::object({
        S::field("user", S::string()),
        S::field("role", S::string()),
        S::field("type", S::string()),
        S::field("level", S::string()),
    });
    return s;
}

SchemaRef windowsOptions()
{
    static const SchemaRef s = S::object({
        S::field("gmsaCredentialSpecName", S::string()),
        S::field("gmsaCredentialSpec", S::string()),
        S::field("runAsUserName", S::string()),
        S::field("hostProcess", S::boolean()),
    });
    return s;
}

SchemaRef profile()
{
    static const SchemaRef s = S::object({
        S::required("type", S::string()),
        S::field("localhostProfile", S::string()),
    });
    return s;
}

// The API server requires an image, but documentation snippets and templates completed by
// tools often leave it out: worth a warning, not a rejection.
void checkImage(const Value &container, const std::string &path, ValidationContext &context)
{
    const Value *image = container.find("image");
    if (!image || image->isNull() || (image->isString() && image->text().empty()))
        context.warning(childPath(path, "image"), image ? image->pos() : container.pos(),
                        "Required value: image is required");
}

} // namespace

SchemaRef container()
{
    static const SchemaRef s = S::withCheck(containerFields(false), checkImage);
    return s;
}

SchemaRef ephemeralContainer()
{
    static const SchemaRef s = S::withCheck(containerFields(true), checkImage);
    return s;
}

SchemaRef resourceRequirements()
{
    static const SchemaRef s = S::object({
        S::field("limits", S::quantityMap()),
        S::field("requests", S::quantityMap()),
        S::field("claims", S::listOf(S::object({
                     S::required("name", S::string()),
                     S::field("request", S::string()),
                 }))),
    });
    return s;
}

SchemaRef securityContext()
{
    static const SchemaRef s = S::object({
        S::field("capabilities", S::object({
                     S::field("add", S::stringList()),
                     S::field("drop", S::stringList()),
                 })),
        S::field("privileged", S::boolean()),
        S::field("seLinuxOptions", seLinuxOptions()),
        S::field("windowsOptions", windowsOptions()),
        S::field("runAsUser", S::int64()),
        S::field("runAsGroup", S::int64()),
        S::field("runAsNonRoot", S::boolean()),
        S::field("readOnlyRootFilesystem", S::boolean()),
        S::field("allowPrivilegeEscalation", S::boolean()),
        S::field("procMount", S::string()),
        S::field("seccompProfile", profile()),
        S::field("appArmorProfile", profile()),
    });
    return s;
}

SchemaRef podSecurityContext()
{
    static const SchemaRef s = S::object({
        S::field("seLinuxOptions", seLinuxOptions()),
        S::field("windowsOptions", windowsOptions()),
        S::field("runAsUser", S::int64()),
        S::field("runAsGroup", S::int64()),
        S::field("runAsNonRoot", S::boolean()),
        S::field("supplementalGroups", S::listOf(S::int64())),
        S::field("supplementalGroupsPolicy", S::string()),
        S::field("fsGroup", S::int64()),
        S::field("sysctls", S::listOf(S::object({
                     S::required("name", S::string()),
                     S::required("value", S::string()),
                 }))),
        S::field("fsGroupChangePolicy", S::string()),
        S::field("seccompProfile", profile()),
        S::field("appArmorProfile", profile()),
        S::field("seLinuxChangePolicy", S::string()),
    });
    return s;
}

} // namespace emu::api::schemas
