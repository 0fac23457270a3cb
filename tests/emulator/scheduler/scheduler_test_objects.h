// SPDX-License-Identifier: Apache-2.0
// Small builders for the scheduler tests: nodes and pods as the store holds them.
#pragma once

#include "emulator/api/quantity.h"
#include "emulator/api/value.h"
#include "emulator/store/node.h"
#include "emulator/store/pod.h"

#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

namespace schedtest {

using emu::api::Quantity;
using emu::store::ResourceList;

inline Quantity qty(const std::string &text)
{
    const auto q = Quantity::parse(text);
    if (!q)
        throw std::invalid_argument("bad quantity " + text);
    return *q;
}

inline ResourceList resources(std::initializer_list<std::pair<const char *, const char *>> entries)
{
    ResourceList list;
    for (const auto &[name, value] : entries)
        list.emplace(name, qty(value));
    return list;
}

class NodeBuilder
{
public:
    explicit NodeBuilder(std::string name) { m_node.meta.name = std::move(name); }
    NodeBuilder &allocatable(ResourceList list)
    {
        m_node.status.capacity = list;
        m_node.status.allocatable = std::move(list);
        return *this;
    }
    NodeBuilder &label(const std::string &key, const std::string &value)
    {
        m_node.meta.labels[key] = value;
        return *this;
    }
    NodeBuilder &taint(std::string key, std::string value, std::string effect)
    {
        m_node.spec.taints.push_back({std::move(key), std::move(value), std::move(effect), std::nullopt});
        return *this;
    }
    NodeBuilder &unschedulable()
    {
        m_node.spec.unschedulable = true;
        return *this;
    }
    std::shared_ptr<const emu::store::Node> build() const
    {
        return std::make_shared<const emu::store::Node>(m_node);
    }

private:
    emu::store::Node m_node;
};

class PodBuilder
{
public:
    explicit PodBuilder(std::string name = "pod")
    {
        m_pod.meta.name = name;
        m_pod.meta.namespaceName = "default";
        m_pod.meta.uid = "uid-" + name;
    }
    PodBuilder &uid(std::string uid)
    {
        m_pod.meta.uid = std::move(uid);
        return *this;
    }
    /// An app container with these requests.
    PodBuilder &container(ResourceList requests = {})
    {
        m_pod.spec.containers.push_back(make("c", std::move(requests), {}));
        return *this;
    }
    PodBuilder &init(ResourceList requests = {})
    {
        m_pod.spec.initContainers.push_back(make("i", std::move(requests), {}));
        return *this;
    }
    /// An init container with restartPolicy Always.
    PodBuilder &sidecar(ResourceList requests = {})
    {
        m_pod.spec.initContainers.push_back(make("s", std::move(requests), "Always"));
        return *this;
    }
    PodBuilder &overhead(std::initializer_list<std::pair<const char *, const char *>> entries)
    {
        emu::api::Value map = emu::api::Value::mapping();
        for (const auto &[name, value] : entries)
            map.set(name, emu::api::Value::string(value));
        m_pod.spec.full.set("overhead", std::move(map));
        return *this;
    }
    PodBuilder &nodeName(std::string name)
    {
        m_pod.spec.nodeName = std::move(name);
        return *this;
    }
    PodBuilder &nodeSelector(const std::string &key, const std::string &value)
    {
        m_pod.spec.nodeSelector[key] = value;
        return *this;
    }
    PodBuilder &toleration(std::string key, std::string op, std::string value, std::string effect)
    {
        emu::store::Toleration t;
        t.key = std::move(key);
        t.op = std::move(op);
        t.value = std::move(value);
        t.effect = std::move(effect);
        m_pod.spec.tolerations.push_back(std::move(t));
        return *this;
    }
    /// `spec.affinity.nodeAffinity` as written.
    PodBuilder &nodeAffinity(emu::api::Value nodeAffinity)
    {
        emu::api::Value affinity = emu::api::Value::mapping();
        affinity.set("nodeAffinity", std::move(nodeAffinity));
        m_pod.spec.affinity = std::move(affinity);
        return *this;
    }
    PodBuilder &label(const std::string &key, const std::string &value)
    {
        m_pod.meta.labels[key] = value;
        return *this;
    }
    PodBuilder &inNamespace(std::string namespaceName)
    {
        m_pod.meta.namespaceName = std::move(namespaceName);
        return *this;
    }
    /// `spec.affinity.<kind>` (podAffinity, podAntiAffinity) as written.
    PodBuilder &affinity(const char *kind, emu::api::Value terms)
    {
        if (!m_pod.spec.affinity.isMapping())
            m_pod.spec.affinity = emu::api::Value::mapping();
        m_pod.spec.affinity.set(kind, std::move(terms));
        return *this;
    }
    /// Appends one `spec.topologySpreadConstraints` item as written.
    PodBuilder &spreadConstraint(emu::api::Value constraint)
    {
        if (!m_pod.spec.topologySpreadConstraints.isSequence())
            m_pod.spec.topologySpreadConstraints = emu::api::Value::sequence();
        m_pod.spec.topologySpreadConstraints.append(std::move(constraint));
        return *this;
    }
    PodBuilder &terminating()
    {
        m_pod.meta.deletionTimestamp = emu::SimTime();
        return *this;
    }
    std::shared_ptr<const emu::store::Pod> build() const
    {
        return std::make_shared<const emu::store::Pod>(m_pod);
    }

private:
    emu::store::Container make(const char *prefix, ResourceList requests, std::string restartPolicy)
    {
        emu::store::Container c;
        c.name = prefix + std::to_string(++m_containers);
        c.image = "registry.k8s.io/pause:3.10";
        c.requests = std::move(requests);
        c.restartPolicy = std::move(restartPolicy);
        return c;
    }

    emu::store::Pod m_pod;
    int m_containers = 0;
};

// --- Value helpers for node affinity manifests

inline emu::api::Value str(const std::string &s)
{
    return emu::api::Value::string(s);
}

inline emu::api::Value seq(std::initializer_list<emu::api::Value> items)
{
    emu::api::Value v = emu::api::Value::sequence();
    for (const auto &item : items)
        v.append(item);
    return v;
}

inline emu::api::Value map(std::initializer_list<std::pair<const char *, emu::api::Value>> entries)
{
    emu::api::Value v = emu::api::Value::mapping();
    for (const auto &[k, value] : entries)
        v.set(k, value);
    return v;
}

/// {key: K, operator: OP, values: [V...]}
inline emu::api::Value requirement(const std::string &key, const std::string &op,
                                   std::initializer_list<const char *> values)
{
    emu::api::Value vs = emu::api::Value::sequence();
    for (const char *value : values)
        vs.append(str(value));
    return map({{"key", str(key)}, {"operator", str(op)}, {"values", vs}});
}

} // namespace schedtest
