// SPDX-License-Identifier: Apache-2.0
// core/v1 Service and Endpoints, discovery.k8s.io/v1 and networking.k8s.io/v1.
#include "k8s_schemas.h"

namespace emu::api::schemas {

using S = Schema;

namespace {

SchemaRef servicePort()
{
    static const SchemaRef s = S::object({
        S::field("name", S::string()),
        S::field("protocol", S::knownValues({"TCP", "UDP", "SCTP"})),
        S::field("appProtocol", S::string()),
        S::required("port", S::port()),
        S::field("targetPort", S::intOrString()),
        S::field("nodePort", S::integer(0, 65535)),
    });
    return s;
}

SchemaRef serviceSpec()
{
    static const SchemaRef s = S::object({
        S::field("ports", S::listOf(servicePort())),
        S::field("selector", S::stringMap()),
        S::field("clusterIP", S::string()),
        S::field("clusterIPs", S::stringList()),
        S::field("type", S::knownValues({"ClusterIP", "NodePort", "LoadBalancer", "ExternalName"})),
        S::field("externalIPs", S::stringList()),
        S::field("sessionAffinity", S::knownValues({"None", "ClientIP"})),
        S::field("loadBalancerIP", S::string()),
        S::field("loadBalancerSourceRanges", S::stringList()),
        S::field("externalName", S::string()),
        S::field("externalTrafficPolicy", S::string()),
        S::field("healthCheckNodePort", S::integer()),
        S::field("publishNotReadyAddresses", S::boolean()),
        S::field("sessionAffinityConfig", S::object({
                     S::field("clientIP", S::object({
                                  S::field("timeoutSeconds", S::integer()),
                              })),
                 })),
        S::field("ipFamilies", S::stringList()),
        S::field("ipFamilyPolicy", S::string()),
        S::field("allocateLoadBalancerNodePorts", S::boolean()),
        S::field("loadBalancerClass", S::string()),
        S::field("internalTrafficPolicy", S::string()),
        S::field("trafficDistribution", S::string()),
        S::removed("ipFamily", "1.20", "spec.ipFamilies"),
        S::removed("topologyKeys", "1.22", "topology-aware routing"),
    });
    return s;
}

SchemaRef endpointPort()
{
    static const SchemaRef s = S::object({
        S::field("name", S::string()),
        S::field("port", S::integer(0, 65535)),
        S::field("protocol", S::string()),
        S::field("appProtocol", S::string()),
    });
    return s;
}

SchemaRef ingressBackend()
{
    static const SchemaRef s = S::object({
        S::field("service", S::object({
                     S::required("name", S::string()),
                     S::field("port", S::object({
                                  S::field("name", S::string()),
                                  S::field("number", S::integer(0, 65535)),
                              })),
                 })),
        S::field("resource", typedLocalObjectReference()),
    });
    return s;
}

SchemaRef networkPolicyPorts()
{
    static const SchemaRef s = S::listOf(S::object({
        S::field("protocol", S::string()),
        S::field("port", S::intOrString()),
        S::field("endPort", S::integer()),
    }));
    return s;
}

SchemaRef networkPolicyPeers()
{
    static const SchemaRef s = S::listOf(S::object({
        S::field("podSelector", labelSelector()),
        S::field("namespaceSelector", labelSelector()),
        S::field("ipBlock", S::object({
                     S::required("cidr", S::string()),
                     S::field("except", S::stringList()),
                 })),
    }));
    return s;
}

} // namespace

SchemaRef serviceKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", serviceSpec()),
        S::field("status", S::object({
                     S::field("loadBalancer", S::object({S::field("ingress", S::listOf(S::any()))})),
                     S::field("conditions", conditions()),
                 })),
    });
    return s;
}

SchemaRef endpointsKind()
{
    static const SchemaRef s = [] {
        const SchemaRef addresses = S::listOf(S::object({
            S::required("ip", S::string()),
            S::field("hostname", S::string()),
            S::field("nodeName", S::string()),
            S::field("targetRef", objectReference()),
        }));
        return topLevel({
            S::field("subsets", S::listOf(S::object({
                         S::field("addresses", addresses),
                         S::field("notReadyAddresses", addresses),
                         S::field("ports", S::listOf(endpointPort())),
                     }))),
        });
    }();
    return s;
}

SchemaRef endpointSliceKind()
{
    static const SchemaRef s = topLevel({
        S::required("addressType", S::string()),
        S::field("endpoints", S::listOf(S::object({
                     S::required("addresses", S::stringList()),
                     S::field("conditions", S::object({
                                  S::field("ready", S::boolean()),
                                  S::field("serving", S::boolean()),
                                  S::field("terminating", S::boolean()),
                              })),
                     S::field("hostname", S::string()),
                     S::field("targetRef", objectReference()),
                     S::field("deprecatedTopology", S::stringMap()),
                     S::field("nodeName", S::string()),
                     S::field("zone", S::string()),
                     S::field("hints", S::any()),
                 }))),
        S::field("ports", S::listOf(endpointPort())),
    });
    return s;
}

SchemaRef ingressKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", S::object({
                     S::field("ingressClassName", S::string()),
                     S::field("defaultBackend", ingressBackend()),
                     S::field("tls", S::listOf(S::object({
                                  S::field("hosts", S::stringList()),
                                  S::field("secretName", S::string()),
                              }))),
                     S::field("rules", S::listOf(S::object({
                                  S::field("host", S::string()),
                                  S::field("http", S::object({
                                               S::required("paths", S::listOf(S::object({
                                                   S::field("path", S::string()),
                                                   S::required("pathType", S::knownValues(
                                                       {"Exact", "Prefix", "ImplementationSpecific"})),
                                                   S::required("backend", ingressBackend()),
                                               }))),
                                           })),
                              }))),
                     S::removed("backend", "1.22", "spec.defaultBackend"),
                 })),
        S::field("status", S::looseObject({})),
    });
    return s;
}

SchemaRef ingressClassKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", S::object({
                     S::field("controller", S::string()),
                     S::field("parameters", S::object({
                                  S::field("apiGroup", S::string()),
                                  S::required("kind", S::string()),
                                  S::required("name", S::string()),
                                  S::field("scope", S::string()),
                                  S::field("namespace", S::string()),
                              })),
                 })),
    });
    return s;
}

SchemaRef networkPolicyKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", S::object({
                     S::field("podSelector", labelSelector()),
                     S::field("ingress", S::listOf(S::object({
                                  S::field("ports", networkPolicyPorts()),
                                  S::field("from", networkPolicyPeers()),
                              }))),
                     S::field("egress", S::listOf(S::object({
                                  S::field("ports", networkPolicyPorts()),
                                  S::field("to", networkPolicyPeers()),
                              }))),
                     S::field("policyTypes", S::stringList()),
                 })),
        S::field("status", S::looseObject({})),
    });
    return s;
}

} // namespace emu::api::schemas
