// SPDX-License-Identifier: Apache-2.0
#include "node_change_observer.h"

#include <algorithm>

namespace emu::sim {

void NodeChangeObserver::start()
{
    m_context.store.nodes().watch(
        [this](const store::WatchEvent<store::Node> &event) {
            if (event.type == store::WatchEventType::Deleted)
                return;
            compare(event.previous.get(), *event.object);
        },
        false);
}

void NodeChangeObserver::compare(const store::Node *before, const store::Node &after)
{
    const std::string &name = after.meta.name;
    for (const store::NodeCondition &c : after.status.conditions) {
        const store::NodeCondition *old = before ? before->condition(c.type) : nullptr;
        if (old && old->status == c.status)
            continue;
        api::Value details = api::Value::mapping();
        details.set("condition", api::Value::string(c.type));
        details.set("status", api::Value::string(c.status));
        details.set("reason", api::Value::string(c.reason));
        if (old)
            details.set("previousStatus", api::Value::string(old->status));
        m_context.events.record(c.type == "Ready" && c.status != "True" ? "Warning" : "Normal",
                                "NodeConditionChanged", "Node", "", name,
                                "Node " + name + " condition " + c.type + " is now " + c.status
                                    + (c.reason.empty() ? "" : " (" + c.reason + ")"),
                                std::move(details));
    }
    auto has = [](const store::Node *node, const store::NodeTaint &t) {
        return node && std::any_of(node->spec.taints.begin(), node->spec.taints.end(),
                                   [&](const store::NodeTaint &o) { return o.sameTaint(t); });
    };
    auto taintEvent = [&](const char *reason, const store::NodeTaint &t, const char *verb) {
        api::Value details = api::Value::mapping();
        details.set("key", api::Value::string(t.key));
        details.set("effect", api::Value::string(t.effect));
        if (!t.value.empty())
            details.set("value", api::Value::string(t.value));
        m_context.events.record("Normal", reason, "Node", "", name,
                                std::string("Taint ") + t.key + ":" + t.effect + " " + verb + " node "
                                    + name,
                                std::move(details));
    };
    for (const store::NodeTaint &t : after.spec.taints)
        if (!has(before, t))
            taintEvent("NodeTaintAdded", t, "added to");
    if (before)
        for (const store::NodeTaint &t : before->spec.taints)
            if (!has(&after, t))
                taintEvent("NodeTaintRemoved", t, "removed from");
}

} // namespace emu::sim
