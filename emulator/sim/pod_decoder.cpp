// SPDX-License-Identifier: Apache-2.0
#include "pod_decoder.h"

#include "manifest_fields.h"

#include "emulator/api/defaulter.h"
#include "emulator/api/quantity.h"

namespace emu::sim {

namespace {

std::optional<store::Probe> probe(const api::Value *v, const std::vector<store::ContainerPort> &ports)
{
    if (!v || !v->isMapping())
        return std::nullopt;
    store::Probe p;
    p.kind = v->contains("exec")        ? store::Probe::Kind::Exec
             : v->contains("httpGet")   ? store::Probe::Kind::HttpGet
             : v->contains("tcpSocket") ? store::Probe::Kind::TcpSocket
             : v->contains("grpc")      ? store::Probe::Kind::Grpc
                                        : store::Probe::Kind::None;
    auto number = [&](const char *key, int &field) {
        if (const api::Value *n = v->find(key); n && n->asInt())
            field = static_cast<int>(*n->asInt());
    };
    number("initialDelaySeconds", p.initialDelaySeconds);
    number("periodSeconds", p.periodSeconds);
    number("timeoutSeconds", p.timeoutSeconds);
    number("successThreshold", p.successThreshold);
    number("failureThreshold", p.failureThreshold);
    // The port the handler connects to; a named port is the container's port of that name.
    for (const char *handler : {"httpGet", "tcpSocket", "grpc"})
        if (const api::Value *h = v->find(handler); h && h->isMapping())
            if (const api::Value *port = h->find("port"); port && port->isScalar()) {
                p.port = port->text();
                for (const store::ContainerPort &cp : ports)
                    if (!cp.name.empty() && cp.name == p.port)
                        p.port = std::to_string(cp.containerPort);
            }
    if (const api::Value *t = v->find("terminationGracePeriodSeconds"); t && t->asInt())
        p.terminationGracePeriodSeconds = static_cast<int>(*t->asInt());
    return p;
}

std::vector<store::Container> containers(const api::Value *list)
{
    std::vector<store::Container> out;
    if (!list || !list->isSequence())
        return out;
    for (const api::Value &c : list->items()) {
        store::Container container;
        container.name = scalarText(c.find("name"));
        container.image = scalarText(c.find("image"));
        container.imagePullPolicy = scalarText(c.find("imagePullPolicy"));
        container.restartPolicy = scalarText(c.find("restartPolicy"));
        if (const api::Value *r = c.find("resources")) {
            container.requests = resourceList(r->find("requests"));
            container.limits = resourceList(r->find("limits"));
        }
        if (const api::Value *ports = c.find("ports"); ports && ports->isSequence())
            for (const api::Value &p : ports->items())
                container.ports.push_back({scalarText(p.find("name")),
                                           static_cast<int>(p.find("containerPort") ? p.find("containerPort")->asInt().value_or(0) : 0),
                                           scalarText(p.find("protocol")).empty() ? "TCP" : scalarText(p.find("protocol")),
                                           static_cast<int>(p.find("hostPort") ? p.find("hostPort")->asInt().value_or(0) : 0)});
        container.startupProbe = probe(c.find("startupProbe"), container.ports);
        container.livenessProbe = probe(c.find("livenessProbe"), container.ports);
        container.readinessProbe = probe(c.find("readinessProbe"), container.ports);
        out.push_back(std::move(container));
    }
    return out;
}

} // namespace

store::Pod decodePod(const api::Value &manifest)
{
    api::Value object = manifest;
    api::applyDefaults(object);
    store::Pod pod;
    const api::Value *metadata = object.find("metadata");
    if (metadata) {
        pod.meta.name = scalarText(metadata->find("name"));
        pod.meta.namespaceName = scalarText(metadata->find("namespace"));
        pod.meta.labels = stringMap(metadata->find("labels"));
        pod.meta.annotations = stringMap(metadata->find("annotations"));
    }
    if (pod.meta.namespaceName.empty())
        pod.meta.namespaceName = "default";
    const api::Value *spec = object.find("spec");
    if (!spec || !spec->isMapping())
        return pod;
    pod.spec.full = *spec;
    pod.spec.initContainers = containers(spec->find("initContainers"));
    pod.spec.containers = containers(spec->find("containers"));
    pod.spec.nodeName = scalarText(spec->find("nodeName"));
    pod.spec.nodeSelector = stringMap(spec->find("nodeSelector"));
    if (const api::Value *a = spec->find("affinity"))
        pod.spec.affinity = *a;
    if (const api::Value *t = spec->find("topologySpreadConstraints"))
        pod.spec.topologySpreadConstraints = *t;
    if (const api::Value *list = spec->find("tolerations"); list && list->isSequence()) {
        for (const api::Value &t : list->items()) {
            store::Toleration toleration;
            toleration.key = scalarText(t.find("key"));
            toleration.op = scalarText(t.find("operator")).empty() ? "Equal" : scalarText(t.find("operator"));
            toleration.value = scalarText(t.find("value"));
            toleration.effect = scalarText(t.find("effect"));
            if (const api::Value *s = t.find("tolerationSeconds"); s && s->asInt())
                toleration.tolerationSeconds = *s->asInt();
            pod.spec.tolerations.push_back(std::move(toleration));
        }
    }
    pod.spec.restartPolicy = scalarText(spec->find("restartPolicy"));
    if (const api::Value *g = spec->find("terminationGracePeriodSeconds"); g && g->asInt())
        pod.spec.terminationGracePeriodSeconds = *g->asInt();
    pod.spec.schedulerName = scalarText(spec->find("schedulerName"));
    pod.spec.priorityClassName = scalarText(spec->find("priorityClassName"));
    if (const api::Value *p = spec->find("priority"); p && p->asInt())
        pod.spec.priority = static_cast<std::int32_t>(*p->asInt());
    pod.spec.preemptionPolicy = scalarText(spec->find("preemptionPolicy"));
    return pod;
}

} // namespace emu::sim
