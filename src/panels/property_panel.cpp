// SPDX-License-Identifier: Apache-2.0
#include "property_panel.h"

#include "ui_property_panel.h"

#include "key_value_table.h"
#include "record_table.h"

#include "document/document.h"
#include "document/document_controller.h"
#include "document/field_path.h"
#include "document/object_fields.h"
#include "document/selection_model.h"

#include <set>

namespace app::panels {

using namespace app::document;
using emu::api::Value;

PropertyPanel::PropertyPanel(DocumentController *controller, SelectionModel *selection, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::PropertyPanel>())
    , m_controller(controller)
    , m_document(controller->document())
{
    m_ui->setupUi(this);
    createBindings();
    connect(selection, &SelectionModel::selectionChanged, this,
            [this, selection] { showObject(selection->current()); });
    connect(m_document, &Document::objectChanged, this, [this](ObjectUid uid) {
        if (uid == m_uid)
            refresh();
    });
    connect(m_document, &Document::objectRemoved, this, [this](ObjectUid uid) {
        if (uid == m_uid)
            showObject(kNoObject);
    });
    connect(m_document, &Document::modelReset, this, [this] { showObject(kNoObject); });
    showObject(kNoObject);
}

PropertyPanel::~PropertyPanel() = default;

QString PropertyPanel::problem() const
{
    return m_problems.empty() ? QString() : m_problems.back().second;
}

bool PropertyPanel::isKind(std::initializer_list<const char *> kinds) const
{
    for (const char *k : kinds)
        if (m_kind == k)
            return true;
    return false;
}

QString PropertyPanel::podSpecPath() const
{
    const ManifestEntry *e = m_document->entry(m_uid);
    if (!e || !ObjectFields::podTemplate(e->object(), m_kind) || e->identity.group() == "kubecanvas.io")
        return {};
    const std::string base = ObjectFields::podTemplatePath(m_kind);
    return QString::fromStdString(base.empty() ? "spec" : base + ".spec");
}

QString PropertyPanel::containerPath() const
{
    const QString spec = podSpecPath();
    return spec.isEmpty() ? QString() : QStringLiteral("%1.containers[%2]").arg(spec).arg(m_container);
}

const Value *PropertyPanel::valueAt(const QString &path) const
{
    const ManifestEntry *e = m_document->entry(m_uid);
    const std::optional<FieldPath> p = FieldPath::parse(path.toStdString());
    return e && p ? p->find(e->object()) : nullptr;
}

void PropertyPanel::apply(const QString &path, const std::optional<Value> &value)
{
    if (m_refreshing || m_uid == kNoObject || path.isEmpty())
        return;
    if (value)
        m_controller->setField(m_uid, path, *value);
    else if (valueAt(path))
        m_controller->removeField(m_uid, path);
}

void PropertyPanel::showProblem(QWidget *widget, const QString &problem)
{
    std::erase_if(m_problems, [widget](const auto &p) { return p.first == widget; });
    if (!problem.isEmpty())
        m_problems.emplace_back(widget, problem);
    if (!qobject_cast<KeyValueTable *>(widget) && !qobject_cast<RecordTable *>(widget))
        widget->setStyleSheet(problem.isEmpty() ? QString()
                                                : QStringLiteral("background-color: #ffd6d6;"));
    widget->setToolTip(problem);
    m_ui->messageLabel->setText(this->problem());
}

void PropertyPanel::showObject(ObjectUid uid)
{
    const ManifestEntry *e = m_document->entry(uid);
    m_uid = e ? uid : kNoObject;
    m_kind = e ? e->identity.kind : std::string();
    m_container = 0;
    for (const auto &[widget, text] : std::vector(m_problems))
        showProblem(widget, {});
    refresh();
}

void PropertyPanel::refresh()
{
    const ManifestEntry *e = m_document->entry(m_uid);
    m_refreshing = true;
    if (!e)
        m_ui->titleLabel->setText(tr("No object selected"));
    else if (!e->content.isObject())
        m_ui->titleLabel->setText(tr("This document is not a valid object: fix it in the YAML editor."));
    else
        m_ui->titleLabel->setText(QStringLiteral("<b>%1</b>").arg(e->identity.displayName().toHtmlEscaped()));
    refreshNamespaces();
    refreshContainers();
    updateVisibility();
    if (e && e->content.isObject()) {
        if (!m_ui->nameEdit->hasFocus())
            m_ui->nameEdit->setText(QString::fromStdString(e->identity.name));
        if (!m_ui->namespaceCombo->hasFocus())
            m_ui->namespaceCombo->setCurrentText(QString::fromStdString(e->identity.namespaceName));
        for (const LineBinding &b : m_lines) {
            const QString path = b.path();
            if (path.isEmpty() || (b.edit->hasFocus() && b.validate(b.edit->text()).isEmpty()))
                continue;
            const QString text = b.toText(valueAt(path));
            if (b.edit->text() != text)
                b.edit->setText(text);
            showProblem(b.edit, {});
        }
        for (const auto &[table, path] : m_keyValues)
            if (!path().isEmpty() && !table->isEditing()) {
                KeyValueTable::Entries entries; // in the order written
                if (const Value *map = valueAt(path()); map && map->isMapping())
                    for (std::size_t i = 0; i < map->size(); ++i)
                        entries.emplace_back(map->keyAt(i).text(), ObjectFields::text(&map->valueAt(i)));
                table->setEntries(entries);
            }
        for (const auto &[table, path] : m_records)
            if (!path().isEmpty() && !table->isEditing()) {
                const Value *items = valueAt(path());
                table->setItems(items ? *items : Value::sequence());
            }
        for (const auto &[spin, path] : m_spins)
            if (!path().isEmpty() && !spin->hasFocus()) {
                const Value *v = valueAt(path());
                const QSignalBlocker blocker(spin);
                spin->setValue(int(v && v->asInt() ? *v->asInt() : (path() == "spec.replicas" || path() == "spec.count" ? 1 : 0)));
            }
        const Value *type = valueAt("spec.type");
        m_ui->serviceTypeCombo->setCurrentText(type ? QString::fromStdString(type->text())
                                                    : QStringLiteral("ClusterIP"));
        const Value *storageClass = valueAt("spec.storageClassName");
        if (!m_ui->storageClassCombo->hasFocus())
            m_ui->storageClassCombo->setCurrentText(storageClass ? QString::fromStdString(storageClass->text())
                                                                 : QString());
    }
    m_refreshing = false;
}

void PropertyPanel::refreshNamespaces()
{
    std::set<QString> namespaces;
    for (const ManifestEntry &e : m_document->entries()) {
        if (e.identity.kind == "Namespace" && e.identity.group().empty())
            namespaces.insert(QString::fromStdString(e.identity.name));
        if (!e.identity.namespaceName.empty())
            namespaces.insert(QString::fromStdString(e.identity.namespaceName));
    }
    QStringList list(namespaces.begin(), namespaces.end());
    list.prepend(QString());
    QStringList current;
    for (int i = 0; i < m_ui->namespaceCombo->count(); ++i)
        current << m_ui->namespaceCombo->itemText(i);
    if (current != list) {
        const QSignalBlocker blocker(m_ui->namespaceCombo);
        const QString text = m_ui->namespaceCombo->currentText();
        m_ui->namespaceCombo->clear();
        m_ui->namespaceCombo->addItems(list);
        m_ui->namespaceCombo->setCurrentText(text);
    }
    QStringList classes;
    for (ObjectUid uid : m_document->uidsOfKind("StorageClass"))
        classes << QString::fromStdString(m_document->entry(uid)->identity.name);
    if (m_ui->storageClassCombo->count() != classes.size()) {
        const QSignalBlocker blocker(m_ui->storageClassCombo);
        m_ui->storageClassCombo->clear();
        m_ui->storageClassCombo->addItems(classes);
    }
}

void PropertyPanel::refreshContainers()
{
    QStringList names;
    const QString spec = podSpecPath();
    const Value *containers = spec.isEmpty() ? nullptr : valueAt(spec + ".containers");
    for (std::size_t i = 0; containers && containers->isSequence() && i < containers->size(); ++i)
        names << QString::fromStdString(ObjectFields::text(containers->at(i).find("name")));
    QStringList current;
    for (int i = 0; i < m_ui->containerCombo->count(); ++i)
        current << m_ui->containerCombo->itemText(i);
    if (m_container >= names.size())
        m_container = 0;
    const QSignalBlocker blocker(m_ui->containerCombo);
    if (current != names) {
        m_ui->containerCombo->clear();
        m_ui->containerCombo->addItems(names);
    }
    m_ui->containerCombo->setCurrentIndex(m_container);
}

void PropertyPanel::updateVisibility()
{
    const ManifestEntry *e = m_document->entry(m_uid);
    const bool object = e && e->content.isObject();
    const bool pool = isKind({"NodePool"}) && e && e->identity.group() == "kubecanvas.io";
    const bool node = isKind({"Node"}) && e && e->identity.group().empty();
    const bool pods = object && !podSpecPath().isEmpty();
    const bool hasContainers = pods && m_ui->containerCombo->count() > 0;
    m_ui->objectGroup->setVisible(object);
    m_ui->objectGroupForm->setRowVisible(m_ui->namespaceCombo, object && e->identity.isNamespaced());
    const bool replicas = isKind({"Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"});
    const bool selector = replicas || isKind({"DaemonSet", "PodDisruptionBudget"});
    m_ui->workloadGroup->setVisible(object && selector);
    m_ui->workloadGroupForm->setRowVisible(m_ui->replicasSpin, replicas);
    m_ui->containerGroup->setVisible(hasContainers);
    m_ui->schedulingGroup->setVisible(pods);
    m_ui->serviceGroup->setVisible(object && isKind({"Service"}));
    m_ui->nodeGroup->setVisible(pool || node);
    m_ui->nodeGroupForm->setRowVisible(m_ui->countSpin, pool);
    m_ui->nodeGroupForm->setRowVisible(m_ui->zonesEdit, pool);
    m_ui->nodeGroupForm->setRowVisible(m_ui->nodeLabelsTable, pool);
    m_ui->nodeGroupForm->setRowVisible(m_ui->zoneEdit, node);
    m_ui->storageGroup->setVisible(object && isKind({"PersistentVolumeClaim"}));
}

} // namespace app::panels
