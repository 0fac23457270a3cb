// SPDX-License-Identifier: Apache-2.0
#include "node_pool_spec.h"

#include "spec_field_reader.h"

#include <algorithm>
#include <charconv>
#include <set>

namespace emu::api {

namespace {

const std::string kTemplate = "spec.template";

bool isCapacityName(std::string_view name)
{
    // Standard node resources, huge pages, or a domain-qualified extended resource
    // (device plugins: example.com/gpu), as status.capacity allows.
    if (name == "cpu" || name == "memory" || name == "pods" || name == "ephemeral-storage")
        return true;
    if (name.substr(0, 10) == "hugepages-")
        return Quantity::parse(name.substr(10)).has_value();
    return name.find('/') != std::string_view::npos && SpecFieldReader::isQualifiedName(name);
}

bool isReservableName(std::string_view name)
{
    // kubelet parseResourceList: "cannot reserve ... resource" for anything else.
    return name == "cpu" || name == "memory" || name == "ephemeral-storage" || name == "pid";
}

std::optional<Quantity> readQuantity(SpecFieldReader &r, const Value &v, const std::string &path)
{
    // resource.Quantity unmarshals from a JSON string or number; keep the text as written.
    if (v.kind() != ValueKind::String && !v.isNumber()) {
        r.error(v, path, std::string("must be a quantity such as \"4\", \"500m\" or \"16Gi\", not ")
                             + Value::describe(v.kind()));
        return std::nullopt;
    }
    auto q = Quantity::parse(v.text());
    if (!q) {
        r.error(v, path, "invalid quantity \"" + v.text() + "\" (expected e.g. \"4\", \"500m\", \"16Gi\")");
        return std::nullopt;
    }
    if (q->milliValue() < 0) {
        r.error(v, path, "must not be negative");
        return std::nullopt;
    }
    return q;
}

void readResourceList(SpecFieldReader &r, const Value &map, const std::string &path, bool reserved,
                      NodePoolSpec::ResourceList &out)
{
    for (std::size_t i = 0; i < map.size(); ++i) {
        const std::string &name = map.keyAt(i).text();
        const std::string itemPath = SpecFieldReader::keyed(path, name);
        if (reserved ? !isReservableName(name) : !isCapacityName(name)) {
            r.error(map.keyAt(i), itemPath,
                    reserved ? "cannot reserve \"" + name + "\" (known: cpu, memory, ephemeral-storage, pid)"
                             : "unknown resource \"" + name
                                   + "\" (known: cpu, memory, pods, ephemeral-storage, hugepages-<size>, "
                                     "or a domain-qualified extended resource)");
            continue;
        }
        auto q = readQuantity(r, map.valueAt(i), itemPath);
        if (!q)
            continue;
        if (name == "pods" && q->milliValue() % 1000 != 0) {
            r.error(map.valueAt(i), itemPath, "must be a whole number of pods");
            continue;
        }
        out.insert_or_assign(name, *q);
    }
}

void readLabels(SpecFieldReader &r, const Value &map, const std::string &path, NodePoolSpec::Labels &out)
{
    for (std::size_t i = 0; i < map.size(); ++i) {
        const std::string &key = map.keyAt(i).text();
        const std::string itemPath = SpecFieldReader::keyed(path, key);
        if (!SpecFieldReader::isQualifiedName(key)) {
            r.error(map.keyAt(i), itemPath, "invalid label key \"" + key + "\"");
            continue;
        }
        const auto value = r.stringValue(map.valueAt(i), itemPath);
        if (!value)
            continue;
        if (!SpecFieldReader::isLabelValue(*value)) {
            r.error(map.valueAt(i), itemPath,
                    "invalid label value \"" + *value
                        + "\" (at most 63 characters, alphanumerics, '-', '_' or '.', starting and ending "
                          "with an alphanumeric)");
            continue;
        }
        out.emplace_back(key, *value);
    }
}

void readTaints(SpecFieldReader &r, const Value &list, const std::string &path, std::vector<NodePoolSpec::Taint> &out)
{
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Value &item = list.at(i);
        const std::string itemPath = SpecFieldReader::indexed(path, i);
        if (!item.isMapping()) {
            r.error(item, itemPath, std::string("must be a mapping, not ") + Value::describe(item.kind()));
            continue;
        }
        r.warnUnknownFields(item, {"key", "value", "effect"}, itemPath);
        NodePoolSpec::Taint taint;
        bool ok = true;
        if (const Value *k = SpecFieldReader::field(item, "key")) {
            const auto key = r.stringValue(*k, itemPath + ".key");
            if (key && !SpecFieldReader::isQualifiedName(*key))
                r.error(*k, itemPath + ".key", "invalid taint key \"" + *key + "\"");
            ok = key && SpecFieldReader::isQualifiedName(*key);
            taint.key = key.value_or("");
        } else {
            r.error(item, itemPath + ".key", "required field is missing");
            ok = false;
        }
        if (const Value *v = SpecFieldReader::field(item, "value")) {
            const auto value = r.stringValue(*v, itemPath + ".value");
            if (value && !SpecFieldReader::isLabelValue(*value))
                r.error(*v, itemPath + ".value", "invalid taint value \"" + *value + "\"");
            ok = ok && value && SpecFieldReader::isLabelValue(*value);
            taint.value = value.value_or("");
        }
        if (const Value *e = SpecFieldReader::field(item, "effect")) {
            const auto effect = r.stringValue(*e, itemPath + ".effect");
            if (effect && *effect != "NoSchedule" && *effect != "PreferNoSchedule" && *effect != "NoExecute")
                r.error(*e, itemPath + ".effect",
                        "unsupported effect \"" + *effect + "\" (known: NoSchedule, PreferNoSchedule, NoExecute)");
            ok = ok && effect
                 && (*effect == "NoSchedule" || *effect == "PreferNoSchedule" || *effect == "NoExecute");
            taint.effect = effect.value_or("");
        } else {
            // A node taint needs an effect (apiserver ValidateNodeSpec), unlike a toleration.
            r.error(item, itemPath + ".effect", "required field is missing");
            ok = false;
        }
        if (!ok)
            continue;
        if (!seen.emplace(taint.key, taint.effect).second) {
            r.error(item, itemPath, "taints must be unique by key and effect pair (\"" + taint.key + ":"
                                        + taint.effect + "\" repeats)");
            continue;
        }
        out.push_back(std::move(taint));
    }
}

// Allocatable = capacity - kubeReserved - systemReserved (- hard eviction thresholds); the
// kubelet clamps a negative result to 0, which leaves the node unable to run anything.
void checkAllocatable(SpecFieldReader &r, const Value &tmpl, const NodePoolSpec &spec)
{
    for (const char *name : {"cpu", "memory", "ephemeral-storage"}) {
        const auto cap = spec.capacity.find(name);
        if (cap == spec.capacity.end())
            continue;
        std::int64_t reserved = 0;
        for (const auto *list : {&spec.kubeReserved, &spec.systemReserved}) {
            if (const auto it = list->find(name); it != list->end())
                reserved += it->second.milliValue();
        }
        if (reserved > cap->second.milliValue())
            r.warning(tmpl, kTemplate + ".kubeReserved",
                      std::string("kubeReserved + systemReserved exceed the capacity for ") + name
                          + "; allocatable is clamped to 0");
    }
}

} // namespace

NodePoolSpec::ResourceList NodePoolSpec::defaultCapacity()
{
    ResourceList list;
    for (auto [name, text] : {std::pair{"cpu", "4"}, std::pair{"memory", "16Gi"}, std::pair{"pods", "110"},
                              std::pair{"ephemeral-storage", "100Gi"}}) {
        if (auto q = Quantity::parse(text))
            list.insert_or_assign(name, *q);
    }
    return list;
}

NodePoolSpec NodePoolSpec::fromObject(const Value &object, const std::string &file, Diagnostics &out)
{
    SpecFieldReader r(file, out);
    NodePoolSpec spec;
    spec.capacity = defaultCapacity();
    const Value *nameValue = nullptr;
    if (const Value *metadata = SpecFieldReader::field(object, "metadata"))
        nameValue = SpecFieldReader::field(*metadata, "name");
    if (nameValue && nameValue->isString())
        spec.name = nameValue->text();

    const Value *s = r.mappingField(object, "spec", "spec");
    if (!s)
        return spec;
    r.warnUnknownFields(*s, {"count", "zones", "template"}, "spec");

    if (const Value *v = SpecFieldReader::field(*s, "count")) {
        if (auto count = r.intValue(*v, "spec.count")) {
            if (*count < 0)
                r.error(*v, "spec.count", "must be >= 0");
            else if (*count > NodePoolSpec::kMaxNodes)
                r.error(*v, "spec.count", "must be at most " + std::to_string(NodePoolSpec::kMaxNodes)
                                              + ", the largest cluster Kubernetes supports");
            else
                spec.count = *count;
        }
    }
    if (const Value *zones = r.sequenceField(*s, "zones", "spec.zones")) {
        for (std::size_t i = 0; i < zones->size(); ++i) {
            const std::string path = SpecFieldReader::indexed("spec.zones", i);
            const auto zone = r.stringValue(zones->at(i), path);
            if (zone && (zone->empty() || !SpecFieldReader::isLabelValue(*zone)))
                r.error(zones->at(i), path, "invalid zone \"" + *zone + "\": it must be a valid label value");
            else if (zone)
                spec.zones.push_back(*zone);
        }
    }

    if (const Value *tmpl = r.mappingField(*s, "template", kTemplate)) {
        r.warnUnknownFields(*tmpl, {"metadata", "spec", "capacity", "kubeReserved", "systemReserved"}, kTemplate);
        if (const Value *md = r.mappingField(*tmpl, "metadata", kTemplate + ".metadata")) {
            r.warnUnknownFields(*md, {"labels"}, kTemplate + ".metadata");
            if (const Value *labels = r.mappingField(*md, "labels", kTemplate + ".metadata.labels")) {
                readLabels(r, *labels, kTemplate + ".metadata.labels", spec.labels);
                if (!spec.zones.empty() && labels->contains(kZoneLabel))
                    r.warning(*labels->find(kZoneLabel),
                              SpecFieldReader::keyed(kTemplate + ".metadata.labels", kZoneLabel),
                              "is replaced on every node by the zone from spec.zones");
            }
        }
        if (const Value *ns = r.mappingField(*tmpl, "spec", kTemplate + ".spec")) {
            r.warnUnknownFields(*ns, {"taints"}, kTemplate + ".spec");
            if (const Value *taints = r.sequenceField(*ns, "taints", kTemplate + ".spec.taints"))
                readTaints(r, *taints, kTemplate + ".spec.taints", spec.taints);
        }
        if (const Value *cap = r.mappingField(*tmpl, "capacity", kTemplate + ".capacity"))
            readResourceList(r, *cap, kTemplate + ".capacity", false, spec.capacity);
        if (const Value *kr = r.mappingField(*tmpl, "kubeReserved", kTemplate + ".kubeReserved"))
            readResourceList(r, *kr, kTemplate + ".kubeReserved", true, spec.kubeReserved);
        if (const Value *sr = r.mappingField(*tmpl, "systemReserved", kTemplate + ".systemReserved"))
            readResourceList(r, *sr, kTemplate + ".systemReserved", true, spec.systemReserved);
        checkAllocatable(r, *tmpl, spec);
    }

    // Node names must be DNS subdomains (apiserver ValidateNodeName).
    if (nameValue && !spec.name.empty() && spec.count > 0
        && !SpecFieldReader::isDns1123Subdomain(spec.nodeName(static_cast<std::size_t>(spec.count - 1))))
        r.error(*nameValue, "metadata.name",
                "node names \"" + spec.name + "-<i>\" would not be valid DNS subdomain names");
    return spec;
}

std::string NodePoolSpec::nodeName(std::size_t index) const
{
    return name + "-" + std::to_string(index);
}

std::vector<std::string> NodePoolSpec::nodeNames() const
{
    std::vector<std::string> names;
    names.reserve(static_cast<std::size_t>(std::max<std::int64_t>(count, 0)));
    for (std::int64_t i = 0; i < count; ++i)
        names.push_back(nodeName(static_cast<std::size_t>(i)));
    return names;
}

std::optional<std::size_t> NodePoolSpec::indexOfNode(std::string_view nodeName) const
{
    const std::string prefix = name + "-";
    if (nodeName.size() <= prefix.size() || nodeName.substr(0, prefix.size()) != prefix)
        return std::nullopt;
    const std::string_view digits = nodeName.substr(prefix.size());
    // "pool-01" is not a pool node: names are generated without leading zeros.
    if (digits.size() > 1 && digits.front() == '0')
        return std::nullopt;
    std::size_t index = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
    if (ec != std::errc() || end != digits.data() + digits.size() || index >= static_cast<std::size_t>(std::max<std::int64_t>(count, 0)))
        return std::nullopt;
    return index;
}

std::string NodePoolSpec::zoneOfNode(std::size_t index) const
{
    return zones.empty() ? std::string() : zones[index % zones.size()];
}

NodePoolSpec::Labels NodePoolSpec::labelsOfNode(std::size_t index) const
{
    Labels result;
    for (const auto &label : labels) {
        if (zones.empty() || label.first != kZoneLabel)
            result.push_back(label);
    }
    if (!zones.empty())
        result.emplace_back(std::string(kZoneLabel), zoneOfNode(index));
    return result;
}

} // namespace emu::api
