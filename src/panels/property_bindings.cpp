// SPDX-License-Identifier: Apache-2.0
// PropertyPanel: which widget edits which field, and how input is checked.
#include "property_panel.h"

#include "ui_property_panel.h"

#include "key_value_table.h"
#include "record_table.h"

#include "document/document.h"
#include "document/document_controller.h"
#include "document/object_fields.h"

#include "emulator/api/kind_registry.h"
#include "emulator/api/names.h"
#include "emulator/api/quantity.h"
#include "emulator/api/taint.h"
#include "emulator/api/toleration.h"

namespace app::panels {

using namespace app::document;
using emu::api::Value;

namespace {

QString firstProblem(const std::vector<std::string> &problems)
{
    return problems.empty() ? QString() : QString::fromStdString(problems.front());
}

QString scalarText(const Value *v)
{
    return QString::fromStdString(ObjectFields::text(v));
}

QString labelProblem(int column, const QString &text)
{
    return firstProblem(column == 0 ? emu::api::isQualifiedName(text.toStdString())
                                    : emu::api::isValidLabelValue(text.toStdString()));
}

// Two ways to write a list of zones: "a, b, c" here, a YAML sequence in the object.
QString zonesText(const Value *v)
{
    QStringList zones;
    for (std::size_t i = 0; v && v->isSequence() && i < v->size(); ++i)
        zones << scalarText(&v->at(i));
    return zones.join(QStringLiteral(", "));
}

QStringList splitZones(const QString &text)
{
    QStringList zones;
    for (const QString &z : text.split(',', Qt::SkipEmptyParts))
        if (!z.trimmed().isEmpty())
            zones << z.trimmed();
    return zones;
}

} // namespace

void PropertyPanel::bindLine(QLineEdit *edit, PathFn path, std::function<QString(const QString &)> validate,
                             std::function<std::optional<Value>(const QString &)> toValue,
                             std::function<QString(const Value *)> toText)
{
    m_lines.push_back({edit, path, validate, toValue, toText});
    connect(edit, &QLineEdit::textEdited, this, [this, edit, path, validate, toValue](const QString &text) {
        const QString problem = validate(text);
        showProblem(edit, problem);
        if (problem.isEmpty())
            apply(path(), toValue(text));
    });
}

void PropertyPanel::bindQuantity(QLineEdit *edit, PathFn path, bool wholeNumber)
{
    bindLine(
        edit, path,
        [wholeNumber](const QString &text) -> QString {
            if (text.trimmed().isEmpty())
                return {};
            const auto q = emu::api::Quantity::parse(text.trimmed().toStdString());
            if (!q)
                return tr("\"%1\" is not a quantity (e.g. 500m, 2, 512Mi, 1Gi)").arg(text.trimmed());
            if (q->sign() < 0)
                return tr("must not be negative");
            if (wholeNumber && q->milliValue() % 1000 != 0)
                return tr("must be a whole number");
            return {};
        },
        [](const QString &text) -> std::optional<Value> {
            if (text.trimmed().isEmpty())
                return std::nullopt;
            return Value::string(text.trimmed().toStdString());
        },
        scalarText);
}

void PropertyPanel::bindKeyValue(KeyValueTable *table, PathFn path)
{
    table->setValidator(labelProblem);
    m_keyValues.emplace_back(table, path);
    connect(table, &KeyValueTable::edited, this, [this, table, path] {
        showProblem(table, table->problem());
        if (!table->isValid())
            return;
        const KeyValueTable::Entries entries = table->entries();
        if (entries.empty()) {
            apply(path(), std::nullopt);
            return;
        }
        Value map = Value::mapping();
        for (const auto &[key, value] : entries)
            map.set(key, Value::string(value));
        apply(path(), map);
    });
}

void PropertyPanel::bindRecords(RecordTable *table, PathFn path)
{
    m_records.emplace_back(table, path);
    connect(table, &RecordTable::edited, this, [this, table, path] {
        showProblem(table, table->problem());
        if (!table->isValid())
            return;
        const Value items = table->items();
        apply(path(), items.size() == 0 ? std::nullopt : std::optional(items));
    });
}

void PropertyPanel::bindSpin(QSpinBox *spin, PathFn path)
{
    m_spins.emplace_back(spin, path);
    connect(spin, &QSpinBox::valueChanged, this, [this, path](int value) {
        apply(path(), Value::plainScalar(std::to_string(value)));
    });
}

void PropertyPanel::bindIdentity()
{
    // The name is applied when editing is finished: a rename changes the object's identity,
    // which every view follows, so not on every keystroke.
    auto nameProblem = [this](const QString &text) {
        const emu::api::KindInfo *info = m_document->entry(m_uid)
            ? emu::api::findKind(m_document->entry(m_uid)->identity.group(), m_kind) : nullptr;
        const std::string name = text.toStdString();
        if (name.empty())
            return tr("a name is required");
        switch (info ? info->nameRule : emu::api::NameRule::Subdomain) {
        case emu::api::NameRule::Label: return firstProblem(emu::api::isDns1123Label(name));
        case emu::api::NameRule::Dns1035Label: return firstProblem(emu::api::isDns1035Label(name));
        case emu::api::NameRule::None: return QString();
        default: return firstProblem(emu::api::isDns1123Subdomain(name));
        }
    };
    connect(m_ui->nameEdit, &QLineEdit::textEdited, this, [this, nameProblem](const QString &text) {
        showProblem(m_ui->nameEdit, nameProblem(text));
    });
    connect(m_ui->nameEdit, &QLineEdit::editingFinished, this, [this, nameProblem] {
        const QString name = m_ui->nameEdit->text();
        const ManifestEntry *e = m_document->entry(m_uid);
        if (!m_refreshing && e && nameProblem(name).isEmpty() && name.toStdString() != e->identity.name)
            m_controller->renameObject(m_uid, name);
    });
    QLineEdit *nsEdit = m_ui->namespaceCombo->lineEdit();
    auto applyNamespace = [this] {
        const QString ns = m_ui->namespaceCombo->currentText().trimmed();
        const QString problem = ns.isEmpty() ? QString() : firstProblem(emu::api::isDns1123Label(ns.toStdString()));
        showProblem(m_ui->namespaceCombo, problem);
        const ManifestEntry *e = m_document->entry(m_uid);
        if (!m_refreshing && e && problem.isEmpty() && ns.toStdString() != e->identity.namespaceName)
            m_controller->renameObject(m_uid, QString::fromStdString(e->identity.name), ns);
    };
    connect(nsEdit, &QLineEdit::editingFinished, this, applyNamespace);
    connect(m_ui->namespaceCombo, &QComboBox::activated, this, applyNamespace);
}

void PropertyPanel::bindCombos()
{
    connect(m_ui->containerCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_refreshing || index < 0)
            return;
        m_container = index;
        refresh();
    });
    connect(m_ui->serviceTypeCombo, &QComboBox::activated, this, [this] {
        apply(QStringLiteral("spec.type"), Value::string(m_ui->serviceTypeCombo->currentText().toStdString()));
    });
    auto applyClass = [this] {
        const QString name = m_ui->storageClassCombo->currentText().trimmed();
        const QString problem = name.isEmpty() ? QString()
                                               : firstProblem(emu::api::isDns1123Subdomain(name.toStdString()));
        showProblem(m_ui->storageClassCombo, problem);
        if (problem.isEmpty())
            apply(QStringLiteral("spec.storageClassName"),
                  name.isEmpty() ? std::nullopt : std::optional(Value::string(name.toStdString())));
    };
    connect(m_ui->storageClassCombo->lineEdit(), &QLineEdit::editingFinished, this, applyClass);
    connect(m_ui->storageClassCombo, &QComboBox::activated, this, applyClass);
}

void PropertyPanel::createBindings()
{
    bindIdentity();
    bindCombos();
    bindKeyValue(m_ui->labelsTable, [] { return QStringLiteral("metadata.labels"); });
    bindSpin(m_ui->replicasSpin, [] { return QStringLiteral("spec.replicas"); });
    bindKeyValue(m_ui->selectorTable, [this] {
        return isKind({"ReplicationController"}) ? QStringLiteral("spec.selector")
                                                 : QStringLiteral("spec.selector.matchLabels");
    });
    auto container = [this](const char *field) {
        return [this, field] { const QString c = containerPath(); return c.isEmpty() ? c : c + field; };
    };
    bindLine(
        m_ui->imageEdit, container(".image"),
        [](const QString &text) {
            if (text.trimmed().isEmpty())
                return tr("an image is required");
            return text.contains(' ') ? tr("an image reference has no spaces") : QString();
        },
        [](const QString &text) { return std::optional(Value::string(text.trimmed().toStdString())); },
        scalarText);
    bindQuantity(m_ui->cpuRequestEdit, container(".resources.requests.cpu"));
    bindQuantity(m_ui->memoryRequestEdit, container(".resources.requests.memory"));
    bindQuantity(m_ui->cpuLimitEdit, container(".resources.limits.cpu"));
    bindQuantity(m_ui->memoryLimitEdit, container(".resources.limits.memory"));
    m_ui->portsTable->setColumns({{"name", tr("Name")}, {"containerPort", tr("Port"), true},
                                  {"protocol", tr("Protocol")}});
    m_ui->portsTable->setValidator([](const Value &port) -> QString {
        const Value *number = port.find("containerPort");
        const auto n = number ? number->asInt() : std::nullopt;
        return n && *n >= 1 && *n <= 65535 ? QString() : tr("the port must be a number from 1 to 65535");
    });
    bindRecords(m_ui->portsTable, container(".ports"));
    auto podSpec = [this](const char *field) {
        return [this, field] { const QString s = podSpecPath(); return s.isEmpty() ? s : s + field; };
    };
    bindKeyValue(m_ui->nodeSelectorTable, podSpec(".nodeSelector"));
    m_ui->tolerationsTable->setColumns({{"key", tr("Key")}, {"operator", tr("Operator")},
                                        {"value", tr("Value")}, {"effect", tr("Effect")},
                                        {"tolerationSeconds", tr("Seconds"), true}});
    m_ui->tolerationsTable->setValidator([](const Value &t) {
        const auto parsed = emu::api::Toleration::fromValue(t);
        return parsed ? QString() : QString::fromStdString(parsed.error());
    });
    bindRecords(m_ui->tolerationsTable, podSpec(".tolerations"));

    bindKeyValue(m_ui->serviceSelectorTable, [] { return QStringLiteral("spec.selector"); });
    m_ui->servicePortsTable->setColumns({{"name", tr("Name")}, {"port", tr("Port"), true},
                                         {"targetPort", tr("Target"), true}, {"protocol", tr("Protocol")},
                                         {"nodePort", tr("Node port"), true}});
    m_ui->servicePortsTable->setValidator([](const Value &port) -> QString {
        const Value *number = port.find("port");
        const auto n = number ? number->asInt() : std::nullopt;
        return n && *n >= 1 && *n <= 65535 ? QString() : tr("the port must be a number from 1 to 65535");
    });
    bindRecords(m_ui->servicePortsTable, [] { return QStringLiteral("spec.ports"); });

    auto nodeField = [this](const char *poolPath, const char *nodePath) {
        return [this, poolPath, nodePath] {
            return QString::fromLatin1(isKind({"NodePool"}) ? poolPath : isKind({"Node"}) ? nodePath : "");
        };
    };
    bindSpin(m_ui->countSpin, nodeField("spec.count", ""));
    bindLine(
        m_ui->zonesEdit, nodeField("spec.zones", ""),
        [](const QString &text) {
            for (const QString &zone : splitZones(text))
                if (const QString p = firstProblem(emu::api::isValidLabelValue(zone.toStdString())); !p.isEmpty())
                    return QStringLiteral("%1: %2").arg(zone, p);
            return QString();
        },
        [](const QString &text) -> std::optional<Value> {
            const QStringList zones = splitZones(text);
            if (zones.isEmpty())
                return std::nullopt;
            Value list = Value::sequence();
            for (const QString &zone : zones)
                list.append(Value::string(zone.toStdString()));
            return list;
        },
        zonesText);
    bindLine(
        m_ui->zoneEdit, nodeField("", "metadata.labels[topology.kubernetes.io/zone]"),
        [](const QString &text) { return labelProblem(1, text.trimmed()); },
        [](const QString &text) -> std::optional<Value> {
            return text.trimmed().isEmpty() ? std::nullopt
                                            : std::optional(Value::string(text.trimmed().toStdString()));
        },
        scalarText);
    bindQuantity(m_ui->cpuCapacityEdit, nodeField("spec.template.capacity.cpu", "status.capacity.cpu"));
    bindQuantity(m_ui->memoryCapacityEdit, nodeField("spec.template.capacity.memory", "status.capacity.memory"));
    bindQuantity(m_ui->podsCapacityEdit, nodeField("spec.template.capacity.pods", "status.capacity.pods"), true);
    bindKeyValue(m_ui->nodeLabelsTable, nodeField("spec.template.metadata.labels", ""));
    m_ui->taintsTable->setColumns({{"key", tr("Key")}, {"value", tr("Value")}, {"effect", tr("Effect")}});
    m_ui->taintsTable->setValidator([](const Value &t) {
        const auto parsed = emu::api::Taint::fromValue(t);
        return parsed ? QString() : QString::fromStdString(parsed.error());
    });
    bindRecords(m_ui->taintsTable, nodeField("spec.template.spec.taints", "spec.taints"));
    bindQuantity(m_ui->storageSizeEdit, [this] {
        return isKind({"PersistentVolumeClaim"}) ? QStringLiteral("spec.resources.requests.storage") : QString();
    });
}

} // namespace app::panels
