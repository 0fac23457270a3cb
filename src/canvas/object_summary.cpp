// SPDX-License-Identifier: Apache-2.0
#include "object_summary.h"

#include "document/manifest_entry.h"
#include "document/object_fields.h"

#include <QObject>
#include <QStringList>

namespace app::canvas {

using namespace app::document;
using emu::api::Value;

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString field(const Value &o, std::initializer_list<std::string_view> keys)
{
    return q(ObjectFields::text(ObjectFields::at(o, keys)));
}

QString firstImage(const Value &object, std::string_view kind)
{
    const Value *tmpl = ObjectFields::podTemplate(object, kind);
    const Value *containers = tmpl ? ObjectFields::at(*tmpl, {"spec", "containers"}) : nullptr;
    if (!containers || !containers->isSequence() || containers->size() == 0)
        return {};
    const QString image = q(ObjectFields::text(containers->at(0).find("image")));
    return containers->size() > 1 ? image + QStringLiteral(" +%1").arg(containers->size() - 1) : image;
}

QString servicePorts(const Value &o)
{
    QStringList ports;
    const Value *list = ObjectFields::at(o, {"spec", "ports"});
    if (list && list->isSequence())
        for (const Value &p : list->items()) {
            const QString port = q(ObjectFields::text(p.find("port")));
            const QString target = q(ObjectFields::text(p.find("targetPort")));
            ports << (target.isEmpty() || target == port ? port : port + QStringLiteral("→") + target);
        }
    QString type = field(o, {"spec", "type"});
    if (type.isEmpty())
        type = field(o, {"spec", "clusterIP"}) == "None" ? QStringLiteral("headless") : QStringLiteral("ClusterIP");
    return ports.isEmpty() ? type : type + QStringLiteral(" · ") + ports.join(", ");
}

void describe(const Value &o, const std::string &kind, ObjectSummary &s)
{
    if (ObjectFields::isWorkloadKind(kind) || kind == "Pod") {
        s.detail = firstImage(o, kind);
        if (kind == "DaemonSet")
            s.badge = QStringLiteral("∀");
        else if (kind == "CronJob")
            s.detail = field(o, {"spec", "schedule"}) + QStringLiteral(" · ") + s.detail;
        else if (kind == "Job")
            s.badge = field(o, {"spec", "completions"}).isEmpty() ? QStringLiteral("1")
                                                                  : field(o, {"spec", "completions"});
        else if (kind != "Pod") // upstream default: replicas 1
            s.badge = field(o, {"spec", "replicas"}).isEmpty() ? QStringLiteral("1")
                                                               : field(o, {"spec", "replicas"});
    } else if (kind == "Service") {
        s.detail = servicePorts(o);
    } else if (kind == "PersistentVolumeClaim") {
        s.detail = field(o, {"spec", "resources", "requests", "storage"});
        const QString cls = field(o, {"spec", "storageClassName"});
        if (!cls.isEmpty())
            s.detail += QStringLiteral(" · ") + cls;
    } else if (kind == "PersistentVolume") {
        s.detail = field(o, {"spec", "capacity", "storage"});
    } else if (kind == "ConfigMap" || kind == "Secret") {
        int keys = 0;
        for (const char *section : {"data", "stringData", "binaryData"})
            if (const Value *v = o.find(section); v && v->isMapping())
                keys += int(v->size());
        s.detail = QObject::tr("%n key(s)", nullptr, keys);
    } else if (kind == "PodDisruptionBudget") {
        const QString min = field(o, {"spec", "minAvailable"});
        s.detail = min.isEmpty() ? QStringLiteral("maxUnavailable ") + field(o, {"spec", "maxUnavailable"})
                                 : QStringLiteral("minAvailable ") + min;
    } else if (kind == "PriorityClass") {
        s.detail = QStringLiteral("value ") + field(o, {"value"});
    } else if (kind == "NodePool") {
        const QString count = field(o, {"spec", "count"});
        const Value *zones = ObjectFields::at(o, {"spec", "zones"});
        s.detail = QObject::tr("%1 nodes").arg(count.isEmpty() ? QStringLiteral("1") : count);
        if (zones && zones->isSequence() && zones->size() > 0)
            s.detail += QObject::tr(" · %n zone(s)", nullptr, int(zones->size()));
    } else if (kind == "Ingress") {
        const Value *rules = ObjectFields::at(o, {"spec", "rules"});
        if (rules && rules->isSequence() && rules->size() > 0)
            s.detail = q(ObjectFields::text(rules->at(0).find("host")));
    } else if (kind == "StorageClass") {
        s.detail = field(o, {"provisioner"});
    }
}

} // namespace

ObjectSummary ObjectSummary::of(const ManifestEntry &entry)
{
    ObjectSummary s;
    if (!entry.content.isObject()) {
        s.kind = QObject::tr("Unparsed");
        s.name = QObject::tr("document %1").arg(entry.lineInFile);
        s.detail = QObject::tr("does not parse");
        s.broken = true;
        return s;
    }
    s.kind = q(entry.identity.kind);
    s.name = q(entry.identity.name);
    if (entry.identity.isNamespaced())
        s.namespaceName = q(entry.identity.effectiveNamespace());
    describe(entry.object(), entry.identity.kind, s);
    return s;
}

} // namespace app::canvas
