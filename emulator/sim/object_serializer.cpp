// SPDX-License-Identifier: Apache-2.0
#include "object_serializer.h"

#include "emulator/store/object_store.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

namespace emu::sim {

using api::Value;

namespace {

constexpr std::int64_t nsPerSecond = 1'000'000'000;

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

std::int64_t floorMod(std::int64_t a, std::int64_t b)
{
    return a - floorDiv(a, b) * b;
}

struct CivilDate
{
    std::int64_t year;
    unsigned month;
    unsigned day;
};

// The inverse of CivilTime::daysFromCivil (H. Hinnant's civil_from_days): the year is shifted
// to start in March so the leap day falls at its end.
CivilDate civilFromDays(std::int64_t days)
{
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);                // [0, 146096]
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; // [0, 399]
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               // [0, 365]
    const unsigned mp = (5 * doy + 2) / 153;                                    // [0, 11]
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
    return {year, month, day};
}

// "YYYY-MM-DDTHH:MM:SS" of the wall-clock second `unixSeconds`, UTC.
std::string formatSeconds(std::int64_t unixSeconds)
{
    const CivilDate date = civilFromDays(floorDiv(unixSeconds, 86400));
    const std::int64_t secondOfDay = floorMod(unixSeconds, 86400);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld",
                  static_cast<long long>(date.year), date.month, date.day,
                  static_cast<long long>(secondOfDay / 3600),
                  static_cast<long long>(secondOfDay / 60 % 60),
                  static_cast<long long>(secondOfDay % 60));
    return buf;
}

struct WallClock
{
    std::int64_t seconds; ///< Unix seconds
    std::int64_t nanos;   ///< [0, 1e9)
};

// The wall-clock time of t. Seconds and nanoseconds are added apart, so that no sum of the
// two clocks can overflow.
WallClock wallClock(std::int64_t startTimeMs, SimTime t)
{
    WallClock wall{floorDiv(startTimeMs, 1000) + floorDiv(t.ns(), nsPerSecond),
                   floorMod(startTimeMs, 1000) * 1'000'000 + floorMod(t.ns(), nsPerSecond)};
    if (wall.nanos >= nsPerSecond) {
        ++wall.seconds;
        wall.nanos -= nsPerSecond;
    }
    return wall;
}

// Time strings are quoted as kubectl quotes them: go-yaml would read them back as timestamps.
Value quoted(std::string text)
{
    return Value::scalar(api::ValueKind::String, std::move(text), api::ScalarStyle::DoubleQuoted);
}

Value stringList(const std::vector<std::string> &strings)
{
    Value list = Value::sequence();
    for (const std::string &s : strings)
        list.append(Value::string(s));
    return list;
}

Value labelsToValue(const api::Labels &labels)
{
    Value map = Value::mapping();
    for (const auto &[key, value] : labels) // std::map: already in byte-wise order
        map.appendEntry(Value::string(key), Value::string(value));
    return map;
}

Value ownerReferencesToValue(const std::vector<store::OwnerReference> &refs)
{
    Value list = Value::sequence();
    for (const store::OwnerReference &ref : refs) {
        Value item = Value::mapping();
        item.set("apiVersion", Value::string(ref.apiVersion));
        if (ref.blockOwnerDeletion)
            item.set("blockOwnerDeletion", Value::boolean(true));
        if (ref.controller)
            item.set("controller", Value::boolean(true));
        item.set("kind", Value::string(ref.kind));
        item.set("name", Value::string(ref.name));
        item.set("uid", Value::string(ref.uid));
        list.append(std::move(item));
    }
    return list;
}

Value resourceListToValue(const store::ResourceList &resources)
{
    Value map = Value::mapping();
    for (const auto &[name, quantity] : resources)
        map.appendEntry(Value::string(name), Value::string(quantity.toString()));
    return map;
}

// A copy of a mapping with its entries in byte-wise key order (stable for equal keys).
Value sortedByKey(const Value &mapping)
{
    std::vector<std::size_t> order(mapping.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return mapping.keyAt(a).text() < mapping.keyAt(b).text();
    });
    Value sorted = Value::mapping(mapping.pos());
    for (std::size_t i : order)
        sorted.appendEntry(mapping.keyAt(i), mapping.valueAt(i));
    return sorted;
}

Value kindHeader(const char *apiVersion, const char *kind)
{
    Value object = Value::mapping();
    object.set("apiVersion", Value::string(apiVersion));
    object.set("kind", Value::string(kind));
    return object;
}

} // namespace

ObjectSerializer::ObjectSerializer(std::int64_t startTimeMs)
    : m_startTimeMs(startTimeMs)
{}

std::string ObjectSerializer::timestamp(SimTime t) const
{
    return formatSeconds(wallClock(m_startTimeMs, t).seconds) + 'Z';
}

std::string ObjectSerializer::microTimestamp(SimTime t) const
{
    const WallClock wall = wallClock(m_startTimeMs, t);
    char fraction[32];
    std::snprintf(fraction, sizeof fraction, ".%06lld", static_cast<long long>(wall.nanos / 1000));
    return formatSeconds(wall.seconds) + fraction + 'Z';
}

Value ObjectSerializer::timeValue(SimTime t) const
{
    return quoted(timestamp(t));
}

Value ObjectSerializer::microTimeValue(SimTime t) const
{
    return quoted(microTimestamp(t));
}

Value ObjectSerializer::metaToValue(const store::ObjectMeta &meta, bool withGeneration) const
{
    Value m = Value::mapping();
    if (!meta.annotations.empty())
        m.set("annotations", labelsToValue(meta.annotations));
    m.set("creationTimestamp", timeValue(meta.creationTimestamp));
    if (meta.deletionTimestamp)
        m.set("deletionTimestamp", timeValue(*meta.deletionTimestamp));
    if (!meta.finalizers.empty())
        m.set("finalizers", stringList(meta.finalizers));
    if (!meta.generateName.empty())
        m.set("generateName", Value::string(meta.generateName));
    if (withGeneration && meta.generation != 0)
        m.set("generation", Value::integer(meta.generation));
    if (!meta.labels.empty())
        m.set("labels", labelsToValue(meta.labels));
    m.set("name", Value::string(meta.name));
    if (!meta.namespaceName.empty())
        m.set("namespace", Value::string(meta.namespaceName));
    if (!meta.ownerReferences.empty())
        m.set("ownerReferences", ownerReferencesToValue(meta.ownerReferences));
    m.set("resourceVersion", Value::string(std::to_string(meta.resourceVersion)));
    m.set("uid", Value::string(meta.uid));
    return m;
}

Value ObjectSerializer::toValue(const store::Node &node) const
{
    Value object = kindHeader(store::Node::apiVersion, store::Node::kind);
    // The API server never sets generation on Nodes (their spec is not "desired state").
    object.set("metadata", metaToValue(node.meta, false));

    Value spec = Value::mapping();
    if (!node.spec.podCIDR.empty())
        spec.set("podCIDR", Value::string(node.spec.podCIDR));
    if (!node.spec.podCIDRs.empty())
        spec.set("podCIDRs", stringList(node.spec.podCIDRs));
    if (!node.spec.providerID.empty())
        spec.set("providerID", Value::string(node.spec.providerID));
    if (!node.spec.taints.empty()) {
        Value taints = Value::sequence();
        for (const store::NodeTaint &taint : node.spec.taints) {
            Value t = Value::mapping();
            t.set("effect", Value::string(taint.effect));
            t.set("key", Value::string(taint.key));
            if (taint.timeAdded)
                t.set("timeAdded", timeValue(*taint.timeAdded));
            if (!taint.value.empty())
                t.set("value", Value::string(taint.value));
            taints.append(std::move(t));
        }
        spec.set("taints", std::move(taints));
    }
    if (node.spec.unschedulable)
        spec.set("unschedulable", Value::boolean(true));
    object.set("spec", std::move(spec));

    const store::Node::Status &st = node.status;
    Value status = Value::mapping();
    if (!st.addresses.empty()) {
        Value addresses = Value::sequence();
        for (const store::NodeAddress &a : st.addresses) {
            Value item = Value::mapping();
            item.set("address", Value::string(a.address));
            item.set("type", Value::string(a.type));
            addresses.append(std::move(item));
        }
        status.set("addresses", std::move(addresses));
    }
    if (!st.allocatable.empty())
        status.set("allocatable", resourceListToValue(st.allocatable));
    if (!st.capacity.empty())
        status.set("capacity", resourceListToValue(st.capacity));
    if (!st.conditions.empty()) {
        Value conditions = Value::sequence();
        for (const store::NodeCondition &c : st.conditions) {
            Value item = Value::mapping();
            item.set("lastHeartbeatTime", timeValue(c.lastHeartbeatTime));
            item.set("lastTransitionTime", timeValue(c.lastTransitionTime));
            if (!c.message.empty())
                item.set("message", Value::string(c.message));
            if (!c.reason.empty())
                item.set("reason", Value::string(c.reason));
            item.set("status", Value::string(c.status));
            item.set("type", Value::string(c.type));
            conditions.append(std::move(item));
        }
        status.set("conditions", std::move(conditions));
    }
    Value endpoint = Value::mapping();
    endpoint.set("Port", Value::integer(st.kubeletPort)); // upstream's JSON name is "Port"
    Value daemonEndpoints = Value::mapping();
    daemonEndpoints.set("kubeletEndpoint", std::move(endpoint));
    status.set("daemonEndpoints", std::move(daemonEndpoints));

    // NodeSystemInfo has no omitempty: every field is shown, empty or not.
    const store::NodeSystemInfo &info = st.nodeInfo;
    Value nodeInfo = Value::mapping();
    nodeInfo.set("architecture", Value::string(info.architecture));
    nodeInfo.set("bootID", Value::string(info.bootID));
    nodeInfo.set("containerRuntimeVersion", Value::string(info.containerRuntimeVersion));
    nodeInfo.set("kernelVersion", Value::string(info.kernelVersion));
    nodeInfo.set("kubeProxyVersion", Value::string(info.kubeProxyVersion));
    nodeInfo.set("kubeletVersion", Value::string(info.kubeletVersion));
    nodeInfo.set("machineID", Value::string(info.machineID));
    nodeInfo.set("operatingSystem", Value::string(info.operatingSystem));
    nodeInfo.set("osImage", Value::string(info.osImage));
    nodeInfo.set("systemUUID", Value::string(info.systemUUID));
    status.set("nodeInfo", std::move(nodeInfo));
    object.set("status", std::move(status));
    return object;
}

Value ObjectSerializer::toValue(const store::Lease &lease) const
{
    Value object = kindHeader(store::Lease::apiVersion, store::Lease::kind);
    // Leases have no generation upstream either: renewals would bump it every 10 s.
    object.set("metadata", metaToValue(lease.meta, false));
    Value spec = Value::mapping();
    if (lease.acquireTime)
        spec.set("acquireTime", microTimeValue(*lease.acquireTime));
    if (!lease.holderIdentity.empty())
        spec.set("holderIdentity", Value::string(lease.holderIdentity));
    spec.set("leaseDurationSeconds", Value::integer(lease.leaseDurationSeconds));
    if (lease.renewTime)
        spec.set("renewTime", microTimeValue(*lease.renewTime));
    object.set("spec", std::move(spec));
    return object;
}

Value ObjectSerializer::mergedMetadata(const store::ObjectMeta &meta, const Value &written) const
{
    Value merged = written.isMapping() ? written : Value::mapping();
    const Value server = metaToValue(meta, true);

    // Server-owned fields: the store's record replaces whatever the manifest said (a manifest
    // exported from a cluster carries the old cluster's uid and resourceVersion).
    for (const char *key : {"creationTimestamp", "deletionTimestamp", "generation", "name",
                            "namespace", "resourceVersion", "uid"}) {
        if (const Value *value = server.find(key))
            merged.set(key, *value);
        else
            merged.remove(key);
    }
    // User fields the emulator may change (finalizers, owners, labels): the store's version
    // wins when it has one. An empty one keeps the manifest's, which keeps its spelling.
    for (const char *key : {"annotations", "finalizers", "generateName", "labels", "ownerReferences"}) {
        const Value *value = server.find(key);
        if (!value)
            continue;
        // Labels as written may be in any order; the store's are sorted.
        const Value *written = merged.find(key);
        if (!written || !((written->isMapping() ? sortedByKey(*written) : *written) == *value))
            merged.set(key, *value);
    }
    return sortedByKey(merged);
}

Value ObjectSerializer::toValue(const store::UnstructuredObject &object) const
{
    Value out = Value::mapping();
    out.set("apiVersion", Value::string(object.apiVersion));
    out.set("kind", Value::string(object.kind));
    out.set("metadata", mergedMetadata(object.meta, object.metadata));
    if (object.body.isMapping()) {
        for (std::size_t i = 0; i < object.body.size(); ++i) {
            const std::string &key = object.body.keyAt(i).text();
            if (key == "apiVersion" || key == "kind" || key == "metadata")
                continue; // not part of the body; guards against a loader that kept them
            out.appendEntry(object.body.keyAt(i), object.body.valueAt(i));
        }
    }
    return out;
}

Value ObjectSerializer::toList(const store::ObjectStore &store) const
{
    using Ptr = store::ObjectTable<store::UnstructuredObject>::Ptr;
    std::vector<Ptr> namespaces;
    std::vector<Ptr> rest;
    for (const Ptr &object : store.others().list()) {
        if (object->kind == "Namespace" && object->apiVersion == "v1")
            namespaces.push_back(object);
        else
            rest.push_back(object);
    }
    const auto byName = [](const Ptr &a, const Ptr &b) { return a->meta.name < b->meta.name; };
    std::stable_sort(namespaces.begin(), namespaces.end(), byName);
    // The table orders by apiVersion first; users look for kinds.
    std::stable_sort(rest.begin(), rest.end(), [](const Ptr &a, const Ptr &b) {
        return std::tie(a->kind, a->meta.namespaceName, a->meta.name, a->apiVersion)
               < std::tie(b->kind, b->meta.namespaceName, b->meta.name, b->apiVersion);
    });

    // Typed workloads sort among the unstructured objects by kind, namespace and name.
    std::vector<std::tuple<std::string, std::string, std::string, Value>> sortedRest;
    for (const Ptr &object : rest)
        sortedRest.emplace_back(object->kind, object->meta.namespaceName, object->meta.name, toValue(*object));
    appendWorkloads(store, sortedRest);
    std::stable_sort(sortedRest.begin(), sortedRest.end(), [](const auto &a, const auto &b) {
        return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a))
               < std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
    });

    Value items = Value::sequence();
    for (const Ptr &ns : namespaces)
        items.append(toValue(*ns));
    for (const auto &node : store.nodes().list()) // key order: by name
        items.append(toValue(*node));
    // The table's "namespace/name" keys would sort "a-b/x" before "a/y".
    auto leases = store.leases().list();
    std::stable_sort(leases.begin(), leases.end(), [](const auto &a, const auto &b) {
        return std::tie(a->meta.namespaceName, a->meta.name)
               < std::tie(b->meta.namespaceName, b->meta.name);
    });
    for (const auto &lease : leases)
        items.append(toValue(*lease));
    for (const auto &pod : store.pods().list())
        items.append(toValue(*pod));
    for (auto &entry : sortedRest)
        items.append(std::move(std::get<3>(entry)));

    Value list = Value::mapping();
    list.set("apiVersion", Value::string("v1"));
    list.set("items", std::move(items));
    list.set("kind", Value::string("List"));
    Value metadata = Value::mapping();
    metadata.set("resourceVersion", Value::string(""));
    list.set("metadata", std::move(metadata));
    return list;
}

} // namespace emu::sim
