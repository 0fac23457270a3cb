// SPDX-License-Identifier: Apache-2.0
#include "document_controller.h"

#include "document.h"
#include "object_text.h"
#include "project_reader.h"
#include "yaml_text_patcher.h"

#include "commands/add_objects_command.h"
#include "commands/edit_object_command.h"
#include "commands/move_items_command.h"
#include "commands/remove_objects_command.h"
#include "commands/set_field_command.h"
#include "commands/set_layout_command.h"

#include <QUndoStack>

#include <set>

namespace app::document {

using emu::api::Value;

namespace {

// Where copies go relative to their original on the canvas, and the step between objects
// placed together.
constexpr QPointF kCopyOffset(30, 30);
constexpr QPointF kCascadeStep(24, 24);

QString labelFor(const Document &document, const ObjectUids &uids, const QString &verb)
{
    if (uids.size() == 1)
        if (const ManifestEntry *e = document.entry(uids.first()))
            return QStringLiteral("%1 %2").arg(verb, e->identity.displayName());
    return QObject::tr("%1 %n objects", nullptr, int(uids.size())).arg(verb);
}

std::string freeNameAmong(const Document &document, const ObjectIdentity &identity,
                          const std::set<std::string> &alsoTaken)
{
    auto taken = [&](const std::string &name) {
        ObjectIdentity candidate = identity;
        candidate.name = name;
        return document.findByIdentity(candidate) != kNoObject || alsoTaken.count(candidate.key());
    };
    if (!taken(identity.name))
        return identity.name;
    std::string name = identity.name + "-copy";
    for (int n = 2; taken(name); ++n)
        name = identity.name + "-copy-" + std::to_string(n);
    return name;
}

ObjectContent renamed(const ObjectContent &content, const std::string &name)
{
    return YamlTextPatcher::setField(content, FieldPath({std::string("metadata"), std::string("name")}),
                                     Value::string(name));
}

} // namespace

DocumentController::DocumentController(Document *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

ObjectUids DocumentController::addObjectsFromText(const std::string &text, const QString &label,
                                                  std::optional<QPointF> at, bool renameClashes,
                                                  QString *error)
{
    ProjectContent content = ProjectReader::readText(text, QString());
    std::vector<ObjectContent> contents;
    std::vector<std::optional<LayoutRecord>> layout;
    std::set<std::string> taken;
    for (ManifestEntry &e : content.entries) {
        if (!e.content.isObject()) {
            if (error) {
                const auto &d = e.content.parseDiagnostics;
                *error = d.empty() ? tr("The text is not a Kubernetes object.")
                                   : QString::fromStdString(d.front().format());
            }
            return {};
        }
        if (renameClashes) {
            const std::string name = freeNameAmong(*m_document, e.identity, taken);
            if (name != e.identity.name)
                e.content = renamed(e.content, name);
            ObjectIdentity id = e.identity;
            id.name = name;
            taken.insert(id.key());
        }
        if (at)
            layout.push_back(LayoutRecord{*at + kCascadeStep * double(contents.size()), {}, false});
        else
            layout.push_back(std::nullopt);
        contents.push_back(std::move(e.content));
    }
    if (contents.empty()) {
        if (error)
            *error = tr("The text holds no Kubernetes object.");
        return {};
    }
    return addObjects(std::move(contents), layout, label);
}

ObjectUids DocumentController::addObjects(std::vector<ObjectContent> contents,
                                          const std::vector<std::optional<LayoutRecord>> &layout,
                                          const QString &label)
{
    std::vector<ManifestEntry> entries(contents.size());
    for (std::size_t i = 0; i < contents.size(); ++i)
        entries[i].content = std::move(contents[i]);
    return addEntries(std::move(entries), layout, label);
}

ObjectUids DocumentController::addEntries(std::vector<ManifestEntry> entries,
                                          const std::vector<std::optional<LayoutRecord>> &layout,
                                          const QString &label)
{
    std::vector<PlacedEntry> placed;
    ObjectUids uids;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        PlacedEntry p;
        p.index = m_document->count() + static_cast<int>(i);
        p.entry = std::move(entries[i]);
        p.entry.uid = m_document->allocateUid();
        p.entry.identity = ObjectIdentity::fromObject(p.entry.content.object);
        p.entry.dirty = true;
        p.layout = i < layout.size() ? layout[i] : std::nullopt;
        uids << p.entry.uid;
        placed.push_back(std::move(p));
    }
    if (placed.empty())
        return {};
    m_undoStack->push(new AddObjectsCommand(m_document, std::move(placed), label));
    return uids;
}

bool DocumentController::removeObjects(const ObjectUids &uids)
{
    ObjectUids existing;
    for (ObjectUid uid : uids)
        if (m_document->entry(uid) && !existing.contains(uid))
            existing << uid;
    if (existing.isEmpty())
        return false;
    m_undoStack->push(new RemoveObjectsCommand(m_document, existing,
                                               labelFor(*m_document, existing, tr("Delete"))));
    return true;
}

ObjectUids DocumentController::duplicateObjects(const ObjectUids &uids)
{
    std::vector<ObjectContent> contents;
    std::vector<std::optional<LayoutRecord>> layout;
    std::set<std::string> taken;
    ObjectUids sources;
    for (ObjectUid uid : uids) {
        const ManifestEntry *e = m_document->entry(uid);
        if (!e || !e->content.isObject())
            continue;
        const std::string name = freeNameAmong(*m_document, e->identity, taken);
        ObjectIdentity id = e->identity;
        id.name = name;
        taken.insert(id.key());
        contents.push_back(renamed(e->content, name));
        std::optional<LayoutRecord> record = m_document->layout(uid);
        if (record)
            record->pos += kCopyOffset;
        layout.push_back(record);
        sources << uid;
    }
    return addObjects(std::move(contents), layout, labelFor(*m_document, sources, tr("Duplicate")));
}

bool DocumentController::editObject(ObjectUid uid, const std::string &yamlText,
                                    emu::api::Diagnostics *errors)
{
    const ManifestEntry *e = m_document->entry(uid);
    if (!e)
        return false;
    ObjectContent content = ObjectText::parse(yamlText, e->file.toStdString());
    if (!content.isObject() || emu::api::hasErrors(content.parseDiagnostics)) {
        if (errors)
            *errors = content.parseDiagnostics;
        return false;
    }
    return pushContentEdit(uid, std::move(content), labelFor(*m_document, {uid}, tr("Edit")));
}

bool DocumentController::setField(ObjectUid uid, const QString &path, const Value &value)
{
    const ManifestEntry *e = m_document->entry(uid);
    const std::optional<FieldPath> fieldPath = FieldPath::parse(path.toStdString());
    if (!e || !e->content.isObject() || !fieldPath)
        return false;
    ObjectContent content = YamlTextPatcher::setField(e->content, *fieldPath, value);
    if (content.text == e->text())
        return fieldPath->find(e->object()) != nullptr; // already that value
    const QString label = tr("Set %1 of %2").arg(path, e->identity.displayName());
    m_undoStack->push(new SetFieldCommand(m_document, uid, *fieldPath,
                                          EntryState::capture(*m_document, uid),
                                          EntryState::edited(std::move(content)), label));
    return true;
}

bool DocumentController::removeField(ObjectUid uid, const QString &path)
{
    const ManifestEntry *e = m_document->entry(uid);
    const std::optional<FieldPath> fieldPath = FieldPath::parse(path.toStdString());
    if (!e || !e->content.isObject() || !fieldPath || !fieldPath->find(e->object()))
        return false;
    ObjectContent content = YamlTextPatcher::setField(e->content, *fieldPath, std::nullopt);
    const QString label = tr("Remove %1 of %2").arg(path, e->identity.displayName());
    m_undoStack->push(new SetFieldCommand(m_document, uid, *fieldPath,
                                          EntryState::capture(*m_document, uid),
                                          EntryState::edited(std::move(content)), label));
    return true;
}

bool DocumentController::setObject(ObjectUid uid, const Value &object, const QString &label)
{
    const ManifestEntry *e = m_document->entry(uid);
    if (!e || !object.isMapping())
        return false;
    return pushContentEdit(uid, YamlTextPatcher::rewrite(e->content, object), label);
}

bool DocumentController::renameObject(ObjectUid uid, const QString &name,
                                      const std::optional<QString> &namespaceName)
{
    const ManifestEntry *e = m_document->entry(uid);
    if (!e || !e->content.isObject() || name.isEmpty())
        return false;
    Value object = e->object();
    FieldPath({std::string("metadata"), std::string("name")}).set(object, Value::string(name.toStdString()));
    if (namespaceName) {
        const FieldPath ns({std::string("metadata"), std::string("namespace")});
        if (namespaceName->isEmpty())
            ns.remove(object);
        else
            ns.set(object, Value::string(namespaceName->toStdString()));
    }
    return setObject(uid, object, tr("Rename %1 to %2").arg(e->identity.displayName(), name));
}

bool DocumentController::pushContentEdit(ObjectUid uid, ObjectContent content, const QString &label)
{
    const ManifestEntry *e = m_document->entry(uid);
    if (!e)
        return false;
    if (content.text == e->text())
        return true; // nothing changed: no undo step
    m_undoStack->push(new EditObjectCommand(m_document, uid, EntryState::capture(*m_document, uid),
                                            EntryState::edited(std::move(content)), label));
    return true;
}

void DocumentController::moveItems(const std::vector<std::pair<ObjectUid, QPointF>> &positions,
                                   bool dragFinished)
{
    std::vector<LayoutChange> changes;
    for (const auto &[uid, pos] : positions) {
        if (!m_document->entry(uid))
            continue;
        LayoutChange c{uid, m_document->layout(uid), {}};
        c.after = c.before.value_or(LayoutRecord{});
        c.after->pos = pos;
        changes.push_back(std::move(c));
    }
    if (!changes.empty())
        m_undoStack->push(new MoveItemsCommand(m_document, std::move(changes), dragFinished));
}

void DocumentController::setLayout(
    const std::vector<std::pair<ObjectUid, std::optional<LayoutRecord>>> &records,
    const QString &label)
{
    std::vector<LayoutChange> changes;
    for (const auto &[uid, record] : records)
        if (m_document->entry(uid) && m_document->layout(uid) != record)
            changes.push_back({uid, m_document->layout(uid), record});
    if (!changes.empty())
        m_undoStack->push(new SetLayoutCommand(m_document, std::move(changes), label));
}

std::string DocumentController::freeName(const ObjectIdentity &identity) const
{
    return freeNameAmong(*m_document, identity, {});
}

bool DocumentController::isModified() const
{
    return !m_undoStack->isClean();
}

} // namespace app::document
