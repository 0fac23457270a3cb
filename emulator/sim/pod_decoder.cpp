// SPDX-License-Identifier: Apache-2.0
#include "pod_decoder.h"

#include "emulator/api/defaulter.h"
#include "emulator/api/quantity.h"

namespace emu::sim {

namespace {

std::string text(const api::Value *v)
{
    return v && v->isScalar() && !v->isNull() ? v->text() : std::string();
}

api::Labels stringMap(const api::Value *map)
{
    api::Labels out;
    if (map && map->isMapping())
        for (std::size_t i = 0; i < map->size(); ++i)
            out[map->keyAt(i).text()] = map->valueAt(i).text();
    return out;
}

store::ResourceList resources(const api::Value *map)
{
    store::ResourceList out;
    if (map && map->isMapping())
        for (std::size_t i = 0; i < map->size(); ++i)
            if (auto q = api::Quantity::fromValue(map->valueAt(i)))
                out[map->keyAt(i).text()] = *q;
    return out;
}

std::optional<store::Probe> probe(const api::Value *v)
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
    return p;
}

std::vector<store::Container> containers(const api::Value *list)
{
    std::vector<store::Container> out;
    if (!list || !list->isSequence())
        return out;
    for (const api::Value &c : list->items()) {
        store::Container container;
        container.name = text(c.find("name"));
        container.image = text(c.find("image"));
        container.imagePullPolicy = text(c.find("imagePullPolicy"));
        container.restartPolicy = text(c.find("restartPolicy"));
        if (const api::Value *r = c.find("resources")) {
            container.requests = resources(r->find("requests"));
            container.limits = resources(r->find("limits"));
        }
        if (const api::Value *ports = c.find("ports"); ports && ports->isSequence())
            for (const api::Value &p : ports->items())
                container.ports.push_back({text(p.find("name")),
                                           static_cast<int>(p.find("containerPort") ? p.find("containerPort")->asInt().value_or(0) : 0),
                                           text(p.find("protocol")).empty() ? "TCP" : text(p.find("protocol")),
                                           static_cast<int>(p.find("hostPort") ? p.find("hostPort")->asInt().value_or(0) : 0)});
        container.startupProbe = probe(c.find("startupProbe"));
        container.livenessProbe = probe(c.find("livenessProbe"));
        container.readinessProbe = probe(c.find("readinessProbe"));
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
        pod.meta.name = text(metadata->find("name"));
        pod.meta.namespaceName = text(metadata->find("namespace"));
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
    pod.spec.nodeName = text(spec->find("nodeName"));
    pod.spec.nodeSelector = stringMap(spec->find("nodeSelector"));
    if (const api::Value *a = spec->find("affinity"))
        pod.spec.affinity = *a;
    if (const api::Value *t = spec->find("topologySpreadConstraints"))
        pod.spec.topologySpreadConstraints = *t;
    if (const api::Value *list = spec->find("tolerations"); list && list->isSequence()) {
        for (const api::Value &t : list->items()) {
            store::Toleration toleration;
            toleration.key = text(t.find("key"));
            toleration.op = text(t.find("operator")).empty() ? "Equal" : text(t.find("operator"));
            toleration.value = text(t.find("value"));
            toleration.effect = text(t.find("effect"));
            if (const api::Value *s = t.find("tolerationSeconds"); s && s->asInt())
                toleration.tolerationSeconds = *s->asInt();
            pod.spec.tolerations.push_back(std::move(toleration));
        }
    }
    pod.spec.restartPolicy = text(spec->find("restartPolicy"));
    if (const api::Value *g = spec->find("terminationGracePeriodSeconds"); g && g->asInt())
        pod.spec.terminationGracePeriodSeconds = *g->asInt();
    pod.spec.schedulerName = text(spec->find("schedulerName"));
    pod.spec.priorityClassName = text(spec->find("priorityClassName"));
    if (const api::Value *p = spec->find("priority"); p && p->asInt())
        pod.spec.priority = static_cast<std::int32_t>(*p->asInt());
    pod.spec.preemptionPolicy = text(spec->find("preemptionPolicy"));
    return pod;
}

} // namespace emu::sim
