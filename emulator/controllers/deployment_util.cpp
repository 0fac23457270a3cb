// SPDX-License-Identifier: Apache-2.0
#include "deployment_util.h"

#include "emulator/api/yaml_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <tuple>

namespace emu::ctrl::deploymentutil {

namespace {

bool isRollingUpdate(const store::Deployment &d)
{
    return d.spec.strategyType == "RollingUpdate";
}

// A copy with every mapping's keys sorted, so that equal templates hash and compare equal
// whatever order they were written in.
api::Value canonical(const api::Value &value)
{
    if (value.isSequence()) {
        api::Value out = api::Value::sequence();
        for (const api::Value &item : value.items())
            out.append(canonical(item));
        return out;
    }
    if (!value.isMapping())
        return value;
    std::vector<std::size_t> order(value.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return value.keyAt(a).text() < value.keyAt(b).text(); });
    api::Value out = api::Value::mapping();
    for (std::size_t i : order)
        out.appendEntry(value.keyAt(i), canonical(value.valueAt(i)));
    return out;
}

std::uint32_t fnv32a(std::string_view data, std::uint32_t hash = 2166136261u)
{
    for (unsigned char c : data) {
        hash ^= c;
        hash *= 16777619u;
    }
    return hash;
}

std::optional<std::int64_t> parseInt(const std::string &text)
{
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// A stable order on equal keys: the ReplicaSet name (upstream sorts by name on ties).
bool olderThan(const RsPtr &a, const RsPtr &b)
{
    return std::tie(a->meta.creationTimestamp, a->meta.name) < std::tie(b->meta.creationTimestamp, b->meta.name);
}

} // namespace

Fenceposts resolveFenceposts(const store::Deployment &d)
{
    const int desired = d.spec.replicas;
    Fenceposts f;
    f.surge = d.spec.maxSurge.scaledValue(desired, true).value_or(0);
    f.unavailable = d.spec.maxUnavailable.scaledValue(desired, false).value_or(0);
    if (f.surge == 0 && f.unavailable == 0)
        f.unavailable = 1; // validation rejects 0/0 as written; a percentage can still round to it
    return f;
}

std::int32_t maxSurge(const store::Deployment &d)
{
    return isRollingUpdate(d) ? resolveFenceposts(d).surge : 0;
}

std::int32_t maxUnavailable(const store::Deployment &d)
{
    if (!isRollingUpdate(d) || d.spec.replicas == 0)
        return 0;
    return std::min(resolveFenceposts(d).unavailable, d.spec.replicas);
}

std::string computeHash(const api::Value &podTemplate, std::optional<std::int32_t> collisionCount)
{
    std::uint32_t hash = fnv32a(api::YamlWriter::toJson(canonical(podTemplate), 0));
    if (collisionCount) {
        // binary.LittleEndian.PutUint32 of the count, written after the template.
        const auto n = static_cast<std::uint32_t>(*collisionCount);
        const char bytes[4] = {static_cast<char>(n & 0xff), static_cast<char>((n >> 8) & 0xff),
                               static_cast<char>((n >> 16) & 0xff), static_cast<char>((n >> 24) & 0xff)};
        hash = fnv32a(std::string_view(bytes, 4), hash);
    }
    // rand.SafeEncodeString(fmt.Sprint(hash)): each decimal digit mapped into the alphabet.
    static constexpr char alphanums[] = "bcdfghjklmnpqrstvwxz2456789";
    std::string encoded = std::to_string(hash);
    for (char &c : encoded)
        c = alphanums[static_cast<unsigned char>(c) % (sizeof alphanums - 1)];
    return encoded;
}

api::Value withoutHash(const api::Value &podTemplate)
{
    api::Value copy = podTemplate;
    if (api::Value *metadata = copy.find("metadata"))
        if (api::Value *labels = metadata->find("labels"); labels && labels->isMapping())
            labels->remove(podTemplateHashLabel);
    return copy;
}

api::Value withHash(const api::Value &podTemplate, const std::string &hash)
{
    api::Value copy = podTemplate.isMapping() ? podTemplate : api::Value::mapping();
    if (!copy.find("metadata") || !copy.find("metadata")->isMapping())
        copy.set("metadata", api::Value::mapping());
    api::Value *metadata = copy.find("metadata");
    if (!metadata->find("labels") || !metadata->find("labels")->isMapping())
        metadata->set("labels", api::Value::mapping());
    metadata->find("labels")->set(podTemplateHashLabel, api::Value::string(hash));
    return copy;
}

bool equalIgnoreHash(const api::Value &a, const api::Value &b)
{
    return canonical(withoutHash(a)) == canonical(withoutHash(b));
}

std::int64_t revision(const store::ReplicaSet &rs)
{
    const auto it = rs.meta.annotations.find(revisionAnnotation);
    return it == rs.meta.annotations.end() ? 0 : parseInt(it->second).value_or(0);
}

std::int64_t maxRevision(const RsList &list)
{
    std::int64_t max = 0;
    for (const RsPtr &rs : list)
        max = std::max(max, revision(*rs));
    return max;
}

std::optional<std::int32_t> intAnnotation(const store::ReplicaSet &rs, const char *annotation)
{
    const auto it = rs.meta.annotations.find(annotation);
    if (it == rs.meta.annotations.end())
        return std::nullopt;
    const auto value = parseInt(it->second);
    return value ? std::optional(static_cast<std::int32_t>(*value)) : std::nullopt;
}

std::int32_t specReplicas(const RsList &list)
{
    std::int32_t n = 0;
    for (const RsPtr &rs : list)
        n += rs ? rs->spec.replicas : 0;
    return n;
}

std::int32_t actualReplicas(const RsList &list)
{
    std::int32_t n = 0;
    for (const RsPtr &rs : list)
        n += rs ? rs->status.replicas : 0;
    return n;
}

std::int32_t readyReplicas(const RsList &list)
{
    std::int32_t n = 0;
    for (const RsPtr &rs : list)
        n += rs ? rs->status.readyReplicas : 0;
    return n;
}

std::int32_t availableReplicas(const RsList &list)
{
    std::int32_t n = 0;
    for (const RsPtr &rs : list)
        n += rs ? rs->status.availableReplicas : 0;
    return n;
}

RsList active(const RsList &list)
{
    RsList out;
    for (const RsPtr &rs : list)
        if (rs && rs->spec.replicas > 0)
            out.push_back(rs);
    return out;
}

void sortByCreation(RsList &list)
{
    std::stable_sort(list.begin(), list.end(), olderThan);
}

void sortBySizeNewer(RsList &list)
{
    std::stable_sort(list.begin(), list.end(), [](const RsPtr &a, const RsPtr &b) {
        if (a->spec.replicas != b->spec.replicas)
            return a->spec.replicas > b->spec.replicas;
        return olderThan(b, a);
    });
}

void sortBySizeOlder(RsList &list)
{
    std::stable_sort(list.begin(), list.end(), [](const RsPtr &a, const RsPtr &b) {
        if (a->spec.replicas != b->spec.replicas)
            return a->spec.replicas > b->spec.replicas;
        return olderThan(a, b);
    });
}

void sortByRevision(RsList &list)
{
    std::stable_sort(list.begin(), list.end(), [](const RsPtr &a, const RsPtr &b) {
        if (revision(*a) != revision(*b))
            return revision(*a) < revision(*b);
        return olderThan(a, b);
    });
}

RsPtr findNewReplicaSet(const store::Deployment &d, RsList list)
{
    sortByCreation(list);
    for (const RsPtr &rs : list)
        if (equalIgnoreHash(rs->spec.podTemplate.value, d.spec.podTemplate.value))
            return rs; // the oldest, should there be several (kubernetes#40415)
    return nullptr;
}

std::int32_t newRSNewReplicas(const store::Deployment &d, const RsList &all, const store::ReplicaSet &newRS)
{
    if (!isRollingUpdate(d))
        return d.spec.replicas; // Recreate
    const std::int32_t maxTotal = d.spec.replicas + maxSurge(d);
    const std::int32_t current = specReplicas(all);
    if (current >= maxTotal)
        return newRS.spec.replicas;
    const std::int32_t scaleUp = std::min(maxTotal - current, d.spec.replicas - newRS.spec.replicas);
    return newRS.spec.replicas + scaleUp;
}

RsPtr findActiveOrLatest(const RsPtr &newRS, RsList oldRSs)
{
    if (!newRS && oldRSs.empty())
        return nullptr;
    sortByCreation(oldRSs);
    std::reverse(oldRSs.begin(), oldRSs.end()); // newest first
    RsList all = oldRSs;
    all.push_back(newRS);
    const RsList activeSets = active(all);
    if (activeSets.size() == 1)
        return activeSets.front();
    if (!activeSets.empty())
        return nullptr;
    return newRS ? newRS : oldRSs.front();
}

bool isSaturated(const store::Deployment &d, const RsPtr &rs)
{
    if (!rs)
        return false;
    const auto desired = intAnnotation(*rs, desiredReplicasAnnotation);
    return desired && rs->spec.replicas == d.spec.replicas && *desired == d.spec.replicas
           && rs->status.availableReplicas == d.spec.replicas;
}

std::int32_t replicaSetProportion(const store::ReplicaSet &rs, const store::Deployment &d, std::int32_t toAdd,
                                  std::int32_t added)
{
    if (rs.spec.replicas == 0 || toAdd == 0 || toAdd == added)
        return 0;
    // getReplicaSetFraction
    std::int32_t fraction = 0;
    if (d.spec.replicas == 0) {
        fraction = -rs.spec.replicas;
    } else {
        const std::int32_t maxReplicas = d.spec.replicas + maxSurge(d);
        std::int32_t before = intAnnotation(rs, maxReplicasAnnotation).value_or(0);
        if (before == 0)
            before = d.status.replicas; // annotation missing: the deployment's current size
        if (before != 0) {
            const double size = static_cast<double>(rs.spec.replicas) * maxReplicas / before;
            fraction = static_cast<std::int32_t>(std::round(size)) - rs.spec.replicas;
        }
    }
    const std::int32_t allowed = toAdd - added;
    return toAdd > 0 ? std::min(fraction, allowed) : std::max(fraction, allowed);
}

bool hasProgressDeadline(const store::Deployment &d)
{
    return d.spec.progressDeadlineSeconds
           && *d.spec.progressDeadlineSeconds != std::numeric_limits<std::int32_t>::max();
}

bool deploymentComplete(const store::Deployment &d, const store::Deployment::Status &status)
{
    return status.updatedReplicas == d.spec.replicas && status.replicas == d.spec.replicas
           && status.availableReplicas == d.spec.replicas && status.observedGeneration >= d.meta.generation;
}

bool deploymentProgressing(const store::Deployment &d, const store::Deployment::Status &status)
{
    const store::Deployment::Status &old = d.status;
    const std::int32_t oldOld = old.replicas - old.updatedReplicas;
    const std::int32_t newOld = status.replicas - status.updatedReplicas;
    return status.updatedReplicas > old.updatedReplicas || newOld < oldOld
           || status.readyReplicas > old.readyReplicas || status.availableReplicas > old.availableReplicas;
}

bool deploymentTimedOut(const store::Deployment &d, const store::Deployment::Status &status, SimTime now)
{
    if (!hasProgressDeadline(d))
        return false;
    const store::WorkloadCondition *c = store::findCondition(status.conditions, "Progressing");
    if (!c || c->reason == newRSAvailableReason)
        return false;
    if (c->reason == timedOutReason)
        return true;
    const SimTime from = c->lastUpdateTime.value_or(c->lastTransitionTime);
    return from + SimDuration::seconds(*d.spec.progressDeadlineSeconds) < now;
}

store::WorkloadCondition newCondition(std::string type, std::string status, std::string reason,
                                      std::string message, SimTime now)
{
    return {std::move(type), std::move(status), std::move(reason), std::move(message), now, now, {}, {}};
}

void setCondition(store::Deployment::Status &status, store::WorkloadCondition condition)
{
    const store::WorkloadCondition *current = store::findCondition(status.conditions, condition.type);
    if (current && current->status == condition.status && current->reason == condition.reason)
        return;
    if (current && current->status == condition.status)
        condition.lastTransitionTime = current->lastTransitionTime;
    store::removeCondition(status.conditions, condition.type);
    status.conditions.push_back(std::move(condition));
}

} // namespace emu::ctrl::deploymentutil
