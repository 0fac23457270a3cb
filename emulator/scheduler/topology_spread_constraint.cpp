// SPDX-License-Identifier: Apache-2.0
#include "topology_spread_constraint.h"

#include "emulator/api/value.h"

namespace emu::sched {

namespace {

bool parsePolicy(const api::Value *value, bool &honor)
{
    if (!value || value->isNull())
        return true;
    if (value->text() == "Honor")
        honor = true;
    else if (value->text() == "Ignore")
        honor = false;
    else
        return false;
    return true;
}

bool parseConstraint(const api::Value &value, const api::Labels &podLabels, TopologySpreadConstraint &c)
{
    if (!value.isMapping())
        return false;
    const api::Value *maxSkew = value.find("maxSkew");
    const api::Value *key = value.find("topologyKey");
    const api::Value *when = value.find("whenUnsatisfiable");
    if (!maxSkew || !maxSkew->asInt() || *maxSkew->asInt() <= 0 || !key || key->text().empty() || !when)
        return false;
    c.maxSkew = static_cast<std::int32_t>(*maxSkew->asInt());
    c.topologyKey = key->text();
    if (when->text() == "DoNotSchedule")
        c.whenUnsatisfiable = WhenUnsatisfiable::DoNotSchedule;
    else if (when->text() == "ScheduleAnyway")
        c.whenUnsatisfiable = WhenUnsatisfiable::ScheduleAnyway;
    else
        return false;
    if (const api::Value *selector = value.find("labelSelector")) {
        auto parsed = api::LabelSelector::fromValue(*selector);
        if (!parsed)
            return false;
        c.selector = std::move(*parsed.value);
    }
    // upstream: matchLabelKeys values from the pod's labels are ANDed with the selector
    // (mergeLabelSetWithSelector; a selector that selects nothing stays so).
    if (const api::Value *keys = value.find("matchLabelKeys"); keys && !c.selector.matchesNothing()) {
        for (const api::Value &k : keys->items()) {
            const auto label = podLabels.find(k.text());
            if (label == podLabels.end())
                continue;
            auto requirement = api::LabelRequirement::make(k.text(), api::SelectorOperator::Equals, {label->second});
            if (!requirement)
                return false;
            c.selector.add(std::move(*requirement.value));
        }
    }
    if (const api::Value *minDomains = value.find("minDomains"); minDomains && !minDomains->isNull()) {
        if (!minDomains->asInt() || *minDomains->asInt() <= 0)
            return false;
        c.minDomains = static_cast<std::int32_t>(*minDomains->asInt());
    }
    return parsePolicy(value.find("nodeAffinityPolicy"), c.nodeAffinityPolicyHonor)
           && parsePolicy(value.find("nodeTaintsPolicy"), c.nodeTaintsPolicyHonor);
}

} // namespace

std::vector<TopologySpreadConstraint> systemDefaultSpreadConstraints()
{
    // upstream: pkg/scheduler/apis/config/v1 (podtopologyspread systemDefaultConstraints)
    TopologySpreadConstraint hostname;
    hostname.maxSkew = 3;
    hostname.topologyKey = "kubernetes.io/hostname";
    hostname.whenUnsatisfiable = WhenUnsatisfiable::ScheduleAnyway;
    TopologySpreadConstraint zone;
    zone.maxSkew = 5;
    zone.topologyKey = "topology.kubernetes.io/zone";
    zone.whenUnsatisfiable = WhenUnsatisfiable::ScheduleAnyway;
    return {hostname, zone};
}

std::optional<std::vector<TopologySpreadConstraint>>
parseTopologySpreadConstraints(const api::Value &constraints, const api::Labels &podLabels, WhenUnsatisfiable action)
{
    std::vector<TopologySpreadConstraint> out;
    for (const api::Value &item : constraints.items()) {
        TopologySpreadConstraint c;
        if (!parseConstraint(item, podLabels, c))
            return std::nullopt;
        if (c.whenUnsatisfiable == action)
            out.push_back(std::move(c));
    }
    return out;
}

} // namespace emu::sched
