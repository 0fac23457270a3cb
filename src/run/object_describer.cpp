// SPDX-License-Identifier: Apache-2.0
#include "object_describer.h"

#include "run_clock.h"
#include "run_model.h"

#include <QStringList>

namespace app::run {

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

/// A simulated instant with how long ago it was, as kubectl's "3m ago" but exact.
QString when(emu::SimTime t, emu::SimTime now)
{
    return QStringLiteral("%1 (%2 s ago)").arg(formatClock(t)).arg((now - t).toSeconds(), 0, 'f', 1);
}

/// Rows padded into columns, as kubectl's tabwriter does.
QString table(const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const QStringList &row : rows)
        for (int c = 0; c < row.size(); ++c) {
            if (widths.size() <= c)
                widths.append(0);
            widths[c] = std::max(widths[c], static_cast<int>(row[c].size()));
        }
    QString out;
    for (const QStringList &row : rows) {
        QString line = QStringLiteral("  ");
        for (int c = 0; c < row.size(); ++c)
            line += c + 1 < row.size() ? row[c].leftJustified(widths[c] + 2) : row[c];
        out += line + '\n';
    }
    return out;
}

QString resources(const emu::store::ResourceList &list)
{
    QString out;
    for (const auto &[name, quantity] : list)
        out += QStringLiteral("  %1: %2\n").arg(qs(name), qs(quantity.toString()));
    return out.isEmpty() ? QStringLiteral("  <none>\n") : out;
}

QString containerState(const emu::store::Pod::ContainerState &s, emu::SimTime now)
{
    using Kind = emu::store::Pod::ContainerState::Kind;
    QString out;
    switch (s.kind) {
    case Kind::Waiting: out = QStringLiteral("Waiting\n      Reason: %1\n").arg(qs(s.reason)); break;
    case Kind::Running:
        out = QStringLiteral("Running\n");
        if (s.startedAt)
            out += QStringLiteral("      Started: %1\n").arg(when(*s.startedAt, now));
        break;
    case Kind::Terminated:
        out = QStringLiteral("Terminated\n      Reason: %1\n      Exit Code: %2\n").arg(qs(s.reason)).arg(s.exitCode);
        if (s.startedAt)
            out += QStringLiteral("      Started: %1\n").arg(when(*s.startedAt, now));
        if (s.finishedAt)
            out += QStringLiteral("      Finished: %1\n").arg(when(*s.finishedAt, now));
        break;
    }
    if (!s.message.empty())
        out += QStringLiteral("      Message: %1\n").arg(qs(s.message));
    return out;
}

} // namespace

QString ObjectDescriber::describe(const RunObject &object) const
{
    if (object.isNull())
        return QObject::tr("Select a node or a pod (in the Events list, the objects or the canvas) to see its "
                           "status during the run.");
    if (!m_model.hasSnapshot())
        return QObject::tr("%1: press Run to see its status.").arg(object.displayName());
    if (object.kind == QLatin1String("Node"))
        return describeNode(object.name);
    if (object.kind == QLatin1String("Pod"))
        return describePod(object.namespaceName, object.name);
    return QStringLiteral("Name: %1\nKind: %2\n\nEvents:\n%3")
        .arg(object.name, object.kind, describeEvents(object));
}

QString ObjectDescriber::describeNode(const QString &name) const
{
    const auto node = m_model.node(name);
    const RunObject object{QStringLiteral("Node"), {}, name};
    if (!node)
        return QObject::tr("Node %1 is not in the cluster now.\n\nEvents:\n%2").arg(name, describeEvents(object));
    const emu::SimTime now = m_model.time();
    QString out = QStringLiteral("Name:               %1\n").arg(name);
    QStringList labels;
    for (const auto &[key, value] : node->meta.labels)
        labels << qs(key) + '=' + qs(value);
    out += QStringLiteral("Labels:             %1\n").arg(labels.join(QStringLiteral("\n                    ")));
    QStringList taints;
    for (const auto &t : node->spec.taints) {
        QString taint = qs(t.key) + (t.value.empty() ? QString() : '=' + qs(t.value)) + ':' + qs(t.effect);
        if (t.timeAdded)
            taint += QObject::tr("  (added %1)").arg(formatClock(*t.timeAdded));
        taints << taint;
    }
    out += QStringLiteral("Taints:             %1\n")
               .arg(taints.isEmpty() ? QStringLiteral("<none>") : taints.join(QStringLiteral("\n                    ")));
    out += QStringLiteral("Unschedulable:      %1\n").arg(node->spec.unschedulable ? "true" : "false");
    if (const auto lease = m_model.lease(name)) {
        out += QStringLiteral("Lease:\n  HolderIdentity:  %1\n").arg(qs(lease->holderIdentity));
        out += QStringLiteral("  RenewTime:       %1\n")
                   .arg(lease->renewTime ? when(*lease->renewTime, now) : QStringLiteral("<unset>"));
    }
    QList<QStringList> conditions{{"Type", "Status", "LastHeartbeatTime", "LastTransitionTime", "Reason", "Message"}};
    for (const auto &c : node->status.conditions)
        conditions.append({qs(c.type), qs(c.status), formatClock(c.lastHeartbeatTime),
                           formatClock(c.lastTransitionTime), qs(c.reason), qs(c.message)});
    out += QStringLiteral("Conditions:\n") + table(conditions);
    out += QStringLiteral("Capacity:\n") + resources(node->status.capacity);
    out += QStringLiteral("Allocatable:\n") + resources(node->status.allocatable);
    QList<QStringList> pods{{"Namespace", "Name", "Phase", "Ready"}};
    for (const auto &pod : m_model.podsOnNode(name)) {
        int ready = 0;
        for (const auto &cs : pod->status.containerStatuses)
            ready += cs.ready ? 1 : 0;
        pods.append({qs(pod->meta.namespaceName), qs(pod->meta.name),
                     pod->meta.deletionTimestamp ? QStringLiteral("Terminating") : qs(pod->status.phase),
                     QStringLiteral("%1/%2").arg(ready).arg(pod->spec.containers.size())});
    }
    out += QObject::tr("Pods: (%1 in total)\n").arg(pods.size() - 1) + table(pods);
    out += QStringLiteral("Events:\n") + describeEvents(object);
    return out;
}

QString ObjectDescriber::describePod(const QString &namespaceName, const QString &name) const
{
    const auto pod = m_model.pod(namespaceName, name);
    const RunObject object{QStringLiteral("Pod"), namespaceName, name};
    if (!pod)
        return QObject::tr("Pod %1/%2 is not in the cluster now.\n\nEvents:\n%3")
            .arg(namespaceName, name, describeEvents(object));
    const emu::SimTime now = m_model.time();
    QString out = QStringLiteral("Name:             %1\nNamespace:        %2\n").arg(name, namespaceName);
    out += QStringLiteral("Node:             %1\n")
               .arg(pod->spec.nodeName.empty() ? QStringLiteral("<none>") : qs(pod->spec.nodeName));
    if (pod->status.startTime)
        out += QStringLiteral("Start Time:       %1\n").arg(when(*pod->status.startTime, now));
    out += QStringLiteral("Status:           %1\n")
               .arg(pod->meta.deletionTimestamp ? QStringLiteral("Terminating") : qs(pod->status.phase));
    if (!pod->status.reason.empty())
        out += QStringLiteral("Reason:           %1\n").arg(qs(pod->status.reason));
    if (!pod->status.message.empty())
        out += QStringLiteral("Message:          %1\n").arg(qs(pod->status.message));
    if (const auto *owner = pod->meta.controllerRef())
        out += QStringLiteral("Controlled By:    %1/%2\n").arg(qs(owner->kind), qs(owner->name));
    out += QStringLiteral("QoS Class:        %1\n").arg(qs(pod->status.qosClass));
    out += QStringLiteral("Containers:\n");
    for (const auto &cs : pod->status.containerStatuses) {
        out += QStringLiteral("  %1:\n    Image:          %2\n    State:          %3")
                   .arg(qs(cs.name), qs(cs.image), containerState(cs.state, now));
        if (cs.lastState)
            out += QStringLiteral("    Last State:     %1").arg(containerState(*cs.lastState, now));
        out += QStringLiteral("    Ready:          %1\n    Restart Count:  %2\n")
                   .arg(cs.ready ? "True" : "False")
                   .arg(cs.restartCount);
    }
    QList<QStringList> conditions{{"Type", "Status", "LastTransitionTime", "Reason"}};
    for (const auto &c : pod->status.conditions)
        conditions.append({qs(c.type), qs(c.status), formatClock(c.lastTransitionTime), qs(c.reason)});
    out += QStringLiteral("Conditions:\n") + table(conditions);
    QStringList tolerations;
    for (const auto &t : pod->spec.tolerations) {
        QString text = qs(t.key) + (t.op == "Exists" ? QString() : '=' + qs(t.value))
                       + (t.effect.empty() ? QString() : ':' + qs(t.effect));
        if (t.tolerationSeconds)
            text += QStringLiteral(" for %1s").arg(*t.tolerationSeconds);
        tolerations << text;
    }
    out += QStringLiteral("Tolerations:      %1\n")
               .arg(tolerations.isEmpty() ? QStringLiteral("<none>")
                                          : tolerations.join(QStringLiteral("\n                  ")));
    out += QStringLiteral("Events:\n") + describeEvents(object);
    return out;
}

QString ObjectDescriber::describeEvents(const RunObject &object) const
{
    QList<QStringList> rows{{"Time", "Type", "Reason", "Message"}};
    for (const std::size_t i : m_model.eventsFor(object)) {
        const auto &e = m_model.events()[i];
        rows.append({formatClock(e.timeNs), qs(e.type), qs(e.reason), qs(e.message)});
    }
    return rows.size() == 1 ? QStringLiteral("  <none>\n") : table(rows);
}

} // namespace app::run
