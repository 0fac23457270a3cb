// SPDX-License-Identifier: Apache-2.0
#include "scenario_executor.h"

#include "emulator.h"
#include "node_drainer.h"

namespace emu::sim {

using Action = api::ScenarioSpec::Action;
using ActionType = api::ScenarioSpec::ActionType;
using Target = api::ScenarioSpec::Target;

ScenarioExecutor::ScenarioExecutor(Emulator &emulator, const api::ScenarioSpec &scenario)
    : m_emulator(emulator), m_scenario(scenario)
{}

ScenarioExecutor::~ScenarioExecutor() = default;

void ScenarioExecutor::start()
{
    for (const Action &action : m_scenario.actions) {
        m_emulator.engine().scheduleAt(SimTime::fromNs(action.atMs * 1'000'000),
                                       [this, &action] { execute(action); });
    }
}

std::vector<std::string> ScenarioExecutor::resolveNodes(const Target &target) const
{
    std::vector<std::string> names;
    switch (target.form) {
    case Target::Form::Node:
        names.push_back(target.node);
        break;
    case Target::Form::Zone:
    case Target::Form::NodeSelector:
        for (const std::string &name : m_emulator.nodeNames()) {
            auto node = m_emulator.store().nodes().get(name);
            const api::Labels *labels = node ? &node->meta.labels : nullptr;
            if (!labels)
                continue;
            bool match = true;
            if (target.form == Target::Form::Zone) {
                const auto it = labels->find("topology.kubernetes.io/zone");
                match = it != labels->end() && it->second == target.zone;
            } else {
                for (const auto &[key, value] : target.nodeSelector) {
                    const auto it = labels->find(key);
                    match = match && it != labels->end() && it->second == value;
                }
            }
            if (match)
                names.push_back(name);
        }
        break;
    default:
        break;
    }
    return names;
}

void ScenarioExecutor::execute(const Action &action)
{
    const std::string typeName(api::ScenarioSpec::actionTypeName(action.type));
    EventSink &events = m_emulator.events();
    const std::vector<std::string> nodes = resolveNodes(action.target);
    api::Value details = api::Value::mapping();
    details.set("action", api::Value::string(typeName));
    api::Value targets = api::Value::sequence();
    for (const std::string &n : nodes)
        targets.append(api::Value::string(n));
    details.set("nodes", std::move(targets));

    auto eachKubelet = [&](auto fn) {
        for (const std::string &name : nodes)
            if (kubelet::Kubelet *k = m_emulator.kubelet(name))
                fn(*k);
    };
    auto field = [&](std::string_view key) {
        const api::Value *v = action.fields.find(key);
        return v && v->isScalar() ? v->text() : std::string();
    };
    std::string subject = action.target.form == Target::Form::Zone ? "zone " + action.target.zone
                          : nodes.size() == 1                      ? "node " + nodes.front()
                                                                   : std::to_string(nodes.size()) + " nodes";
    switch (action.type) {
    case ActionType::NodeCrash:
    case ActionType::ZoneOutage:
        eachKubelet([](kubelet::Kubelet &k) { k.stop(); });
        break;
    case ActionType::KubeletStop:
        eachKubelet([](kubelet::Kubelet &k) { k.stop(); });
        break;
    case ActionType::KubeletStart:
        eachKubelet([&](kubelet::Kubelet &k) {
            k.start(false);
            m_emulator.completePodDeletions(k.nodeName());
        });
        break;
    case ActionType::NetworkPartition:
        eachKubelet([](kubelet::Kubelet &k) { k.setPartitioned(true); });
        break;
    case ActionType::NetworkHeal:
        eachKubelet([&](kubelet::Kubelet &k) {
            k.setPartitioned(false);
            m_emulator.completePodDeletions(k.nodeName());
        });
        break;
    case ActionType::NodeRecover:
    case ActionType::ZoneRecover:
        // The machine boots again (new bootID) and its network works.
        eachKubelet([&](kubelet::Kubelet &k) {
            k.setPartitioned(false);
            if (!k.isRunning())
                k.start(true);
            m_emulator.completePodDeletions(k.nodeName());
        });
        break;
    case ActionType::SetCondition:
        eachKubelet([&](kubelet::Kubelet &k) { k.setConditionOverride(field("condition"), field("status")); });
        subject += ": " + field("condition") + "=" + field("status");
        break;
    case ActionType::AddNode: {
        const std::string pool = field("pool");
        const std::int64_t count = action.fields.find("count") ? action.fields.find("count")->asInt().value_or(1) : 1;
        m_emulator.addPoolNodes(pool, count);
        subject = std::to_string(count) + " node(s) to pool " + pool;
        break;
    }
    case ActionType::RemoveNode:
        for (const std::string &name : nodes)
            m_emulator.removeNode(name);
        break;
    case ActionType::GracefulShutdown:
        eachKubelet([](kubelet::Kubelet &k) { k.shutdown(); });
        break;
    default:
        if (const std::optional<bool> done = executeWorkloadAction(action, subject)) {
            if (!*done)
                return; // reported as ActionFailed
            break;
        }
        if (const std::optional<bool> done = executeObjectAction(action, details, subject)) {
            if (!*done)
                return; // reported as ActionFailed
            break;
        }
        events.record("Warning", "ActionNotEmulated", "Scenario", "", "",
                      typeName + " is not emulated yet (it arrives with the workload controllers)",
                      std::move(details));
        return;
    }
    events.record("Normal", "ScenarioAction", "Scenario", "", "", typeName + " on " + subject,
                  std::move(details));
}

} // namespace emu::sim
