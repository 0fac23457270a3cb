// SPDX-License-Identifier: Apache-2.0
#include "kubelet.h"

#include "node_status_builder.h"

#include <algorithm>

namespace emu::kubelet {

namespace {

// nodelease controller: renew interval = leaseDuration x 0.25, JitterUntil factor 0.04.
constexpr double leaseRenewFraction = 0.25;
constexpr double jitterFactor = 0.04;
// nodelease controller's ensure-lease backoff: 200 ms, doubled, capped at 7 s.
constexpr SimDuration leaseBackoffStart = SimDuration::milliseconds(200);
constexpr SimDuration leaseBackoffMax = SimDuration::seconds(7);
// Registration retries: 100 ms doubling, capped at 7 s (kubelet registerWithAPIServer).
constexpr SimDuration registerBackoffStart = SimDuration::milliseconds(100);
// Until the node is first Ready the kubelet updates status much more often (fast path),
// for at most nodeReadyGracePeriod.
constexpr SimDuration fastStatusPeriod = SimDuration::seconds(1);
constexpr SimDuration nodeReadyGracePeriod = SimDuration::seconds(120);

std::string hex(Rng &rng, int digits)
{
    static constexpr char alphabet[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < digits; ++i)
        out.push_back(alphabet[rng.uniformInt(0, 15)]);
    return out;
}

} // namespace

Kubelet::Kubelet(sim::SimContext &context, KubeletConfig config, Rng rng)
    : m_context(context), m_config(std::move(config)), m_rng(std::move(rng))
{}

Kubelet::~Kubelet()
{
    stop();
}

SimDuration Kubelet::jittered(SimDuration period)
{
    // wait.Jitter(period, 0.04): period + rand[0,1) * 0.04 * period.
    return period + SimDuration::fromSeconds(m_rng.uniform01() * jitterFactor * period.toSeconds());
}

void Kubelet::start(bool newBoot)
{
    if (m_running)
        return;
    m_running = true;
    if (newBoot && !m_bootID.empty())
        m_workers.clear(); // the machine rebooted: every container is gone
    if (newBoot || m_bootID.empty())
        m_bootID = hex(m_rng, 8) + '-' + hex(m_rng, 4) + '-' + hex(m_rng, 4) + '-' + hex(m_rng, 4)
                   + '-' + hex(m_rng, 12);
    m_registered = false;
    m_everReady = false;
    m_startedAt = m_context.engine.now();
    m_lastStatusReport.reset();
    m_leaseBackoff = leaseBackoffStart;
    m_registerBackoff = registerBackoffStart;
    m_context.events.record("Normal", "Starting", "Node", "", m_config.nodeName, "Starting kubelet.");
    tryRegister();
}

void Kubelet::stop()
{
    m_running = false;
    for (EventId *timer : {&m_leaseTimer, &m_statusTimer, &m_registerTimer}) {
        m_context.engine.cancel(*timer);
        *timer = EventId();
    }
}

void Kubelet::setPartitioned(bool partitioned)
{
    m_partitioned = partitioned;
}

void Kubelet::setConditionOverride(const std::string &type, const std::string &status)
{
    if (status.empty()) {
        m_conditionOverrides.erase(type);
        m_userOverrides.erase(type);
    } else {
        m_conditionOverrides[type] = status;
        m_userOverrides.insert(type);
    }
    // A pressure condition forced True makes the eviction manager act (spec 5.9).
    if (status == "True" && type.find("Pressure") != std::string::npos)
        ensureEvictionMonitoring();
    // The kubelet notices at its next status tick; a change is always written then.
}

void Kubelet::tryRegister()
{
    if (!m_running)
        return;
    if (m_partitioned) {
        m_registerTimer = m_context.engine.schedule(m_registerBackoff, [this] { tryRegister(); });
        m_registerBackoff = std::min(m_registerBackoff * 2, leaseBackoffMax);
        return;
    }
    auto &nodes = m_context.store.nodes();
    if (!nodes.get(m_config.nodeName)) {
        const store::StoreResult created = nodes.create(buildInitialNode());
        if (created.ok()) {
            m_context.events.record("Normal", "NodeRegistered", "Node", "", m_config.nodeName,
                                    "Node " + m_config.nodeName + " status is now: NodeRegistered");
        }
    }
    // Adopting an existing Node (a restart, or a manifest created before the kubelet) is
    // what the kubelet does on 409 AlreadyExists.
    m_registered = true;
    updateStatus(true);
    // Each kubelet's loops run at their own phase, drawn from the seed: no lockstep.
    const SimDuration leasePeriod = SimDuration::fromSeconds(
        static_cast<double>(m_context.cluster.kubelet.nodeLeaseDurationSeconds) * leaseRenewFraction);
    renewLease();
    m_context.engine.cancel(m_leaseTimer);
    m_leaseTimer = m_context.engine.schedule(
        SimDuration::fromSeconds(m_rng.uniform01() * leasePeriod.toSeconds()), [this] { renewLease(); });
}

void Kubelet::renewLease()
{
    if (!m_running)
        return;
    const SimDuration period = SimDuration::fromSeconds(
        static_cast<double>(m_context.cluster.kubelet.nodeLeaseDurationSeconds) * leaseRenewFraction);
    if (m_partitioned) {
        onLeaseFailure();
        return;
    }
    auto &leases = m_context.store.leases();
    const std::string key = "kube-node-lease/" + m_config.nodeName;
    const SimTime now = m_context.engine.now();
    std::shared_ptr<const store::Lease> current = leases.get(key);
    store::StoreResult result;
    if (!current) {
        store::Lease lease;
        lease.meta.name = m_config.nodeName;
        lease.meta.namespaceName = "kube-node-lease";
        if (auto node = m_context.store.nodes().get(m_config.nodeName))
            lease.meta.ownerReferences.push_back(
                {"v1", "Node", m_config.nodeName, node->meta.uid, false});
        lease.holderIdentity = m_config.nodeName;
        lease.leaseDurationSeconds = static_cast<int>(m_context.cluster.kubelet.nodeLeaseDurationSeconds);
        lease.acquireTime = now;
        lease.renewTime = now;
        result = leases.create(std::move(lease));
    } else {
        store::Lease lease = *current;
        lease.renewTime = now;
        result = leases.update(std::move(lease));
    }
    if (!result.ok()) {
        onLeaseFailure();
        return;
    }
    m_leaseBackoff = leaseBackoffStart;
    if (m_context.leaseEvents)
        m_context.events.record("Normal", "LeaseRenewed", "Lease", "kube-node-lease",
                                m_config.nodeName, "Lease renewed by " + m_config.nodeName);
    m_context.engine.cancel(m_leaseTimer);
    m_leaseTimer = m_context.engine.schedule(jittered(period), [this] { renewLease(); });
}

void Kubelet::onLeaseFailure()
{
    // Five immediate update retries fail the same way; then ensureLease backs off 200 ms,
    // 400 ms, ... 7 s and retries until the API server answers.
    m_context.engine.cancel(m_leaseTimer);
    m_leaseTimer = m_context.engine.schedule(m_leaseBackoff, [this] { renewLease(); });
    m_leaseBackoff = std::min(m_leaseBackoff * 2, leaseBackoffMax);
}

void Kubelet::scheduleStatusTick(SimDuration delay)
{
    m_context.engine.cancel(m_statusTimer);
    m_statusTimer = m_context.engine.schedule(delay, [this] { updateStatus(false); });
}

void Kubelet::updateStatus(bool force)
{
    if (!m_running)
        return;
    const SimDuration period = SimDuration::milliseconds(
        m_context.cluster.kubelet.nodeStatusUpdateFrequencyMs);
    const SimDuration reportPeriod = SimDuration::milliseconds(
        m_context.cluster.kubelet.nodeStatusReportFrequencyMs);
    const SimTime now = m_context.engine.now();
    std::shared_ptr<const store::Node> current = m_context.store.nodes().get(m_config.nodeName);
    if (!current || m_partitioned) {
        // The node was deleted (a running kubelet does not re-register) or the API server is
        // unreachable (the write fails after nodeStatusUpdateRetry attempts): try next tick.
        scheduleStatusTick(jittered(m_everReady ? period : fastStatusPeriod));
        return;
    }
    NodeStatusBuilder builder(m_config, m_bootID, m_context.cluster, m_conditionOverrides);
    // kubelet_node_status.go: PATCH only when the status changed (heartbeat times aside) or
    // nodeStatusReportFrequency has passed since the last report.
    const bool due = !m_lastStatusReport || now - *m_lastStatusReport >= reportPeriod;
    const bool changed = builder.wouldChange(*current);
    bool ready = false;
    if (force || changed || due) {
        store::Node node = *current;
        builder.apply(node, now);
        for (store::NodeCondition &c : node.status.conditions)
            if (c.type != "NetworkUnavailable")
                c.lastHeartbeatTime = now;
        node.meta.resourceVersion = 0;
        const store::NodeCondition *r = node.condition("Ready");
        ready = r && r->status == "True";
        if (m_context.store.nodes().update(node).ok()) {
            m_lastStatusReport = now;
            recordConditionEvents(current.get(), node);
        }
    } else {
        const store::NodeCondition *r = current->condition("Ready");
        ready = r && r->status == "True";
    }
    if (ready)
        m_everReady = true;
    const bool fast = !m_everReady && now - m_startedAt < nodeReadyGracePeriod;
    scheduleStatusTick(jittered(fast ? fastStatusPeriod : period));
}

void Kubelet::recordConditionEvents(const store::Node *before, const store::Node &after)
{
    struct EventNames { const char *type; const char *whenTrue; const char *whenFalse; };
    static constexpr EventNames names[] = {
        {"Ready", "NodeReady", "NodeNotReady"},
        {"MemoryPressure", "NodeHasInsufficientMemory", "NodeHasSufficientMemory"},
        {"DiskPressure", "NodeHasDiskPressure", "NodeHasNoDiskPressure"},
        {"PIDPressure", "NodeHasInsufficientPID", "NodeHasSufficientPID"},
    };
    for (const EventNames &n : names) {
        const store::NodeCondition *now = after.condition(n.type);
        const store::NodeCondition *was = before ? before->condition(n.type) : nullptr;
        if (!now || (was && was->status == now->status) || now->status == "Unknown")
            continue;
        const char *reason = now->status == "True" ? n.whenTrue : n.whenFalse;
        m_context.events.record("Normal", reason, "Node", "", m_config.nodeName,
                                "Node " + m_config.nodeName + " status is now: " + reason);
    }
}

store::Node Kubelet::buildInitialNode() const
{
    store::Node node;
    node.meta.name = m_config.nodeName;
    node.meta.labels = m_config.labels;
    node.meta.annotations = m_config.annotations;
    // Labels the kubelet sets itself.
    node.meta.labels["kubernetes.io/hostname"] = m_config.nodeName;
    node.meta.labels["kubernetes.io/os"] = "linux";
    node.meta.labels["kubernetes.io/arch"] = "amd64";
    node.meta.labels["beta.kubernetes.io/os"] = "linux";
    node.meta.labels["beta.kubernetes.io/arch"] = "amd64";
    node.meta.annotations["node.alpha.kubernetes.io/ttl"] = "0";
    node.meta.annotations["volumes.kubernetes.io/controller-managed-attach-detach"] = "true";
    node.spec.taints = m_config.registerWithTaints;
    node.spec.unschedulable = m_config.unschedulable;
    NodeStatusBuilder(m_config, m_bootID, m_context.cluster, m_conditionOverrides)
        .fillStatic(node);
    return node;
}

} // namespace emu::kubelet
