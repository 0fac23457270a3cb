// SPDX-License-Identifier: Apache-2.0
#include "document.h"

#include "layout_document.h"
#include "object_fields.h"
#include "project_writer.h"

#include "emulator/api/label_selector.h"

#include <algorithm>

namespace app::document {

Document::Document(QObject *parent)
    : QObject(parent)
{}

const ManifestEntry *Document::entry(ObjectUid uid) const
{
    const auto it = m_indexByUid.find(uid);
    return it == m_indexByUid.end() ? nullptr : &m_entries[it->second];
}

int Document::indexOf(ObjectUid uid) const
{
    const auto it = m_indexByUid.find(uid);
    return it == m_indexByUid.end() ? -1 : static_cast<int>(it->second);
}

ObjectUids Document::uids() const
{
    ObjectUids out;
    out.reserve(count());
    for (const ManifestEntry &e : m_entries)
        out << e.uid;
    return out;
}

ObjectUids Document::uidsOfKind(std::string_view kind) const
{
    ObjectUids out;
    for (const ManifestEntry &e : m_entries)
        if (e.identity.kind == kind)
            out << e.uid;
    return out;
}

void Document::rebuildIdentityIndex() const
{
    m_uidByKey.clear();
    m_indicesByNamespace.clear();
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const ManifestEntry &e = m_entries[i];
        if (!e.content.isObject())
            continue;
        if (!e.identity.kind.empty())
            m_uidByKey.emplace(e.identity.key(), e.uid); // the first of duplicates wins
        m_indicesByNamespace[e.identity.effectiveNamespace()].push_back(i);
    }
    m_identityIndexStale = false;
}

const std::vector<std::size_t> &Document::indicesInNamespace(std::string_view namespaceName) const
{
    static const std::vector<std::size_t> none;
    if (m_identityIndexStale)
        rebuildIdentityIndex();
    const auto it = m_indicesByNamespace.find(std::string(namespaceName));
    return it == m_indicesByNamespace.end() ? none : it->second;
}

void Document::refreshDerived(ManifestEntry &entry)
{
    entry.identity = ObjectIdentity::fromObject(entry.content.object);
    // Only the built-in kinds make pods (a custom resource may be called "Deployment" too).
    const std::string group = entry.identity.group();
    const bool builtIn = group.empty() || group == "apps" || group == "batch" || group == "extensions";
    const emu::api::Value *tmpl = entry.content.isObject() && builtIn
                                      ? ObjectFields::podTemplate(entry.object(), entry.identity.kind)
                                      : nullptr;
    entry.hasPodTemplate = tmpl != nullptr;
    entry.podLabels = tmpl ? ObjectFields::labels(*tmpl) : emu::api::Labels();
}

ObjectUid Document::findByIdentity(const ObjectIdentity &identity) const
{
    if (m_identityIndexStale)
        rebuildIdentityIndex();
    const auto it = m_uidByKey.find(identity.key());
    return it == m_uidByKey.end() ? kNoObject : it->second;
}

ObjectUid Document::find(std::string_view kind, std::string_view namespaceName,
                         std::string_view name) const
{
    for (const ManifestEntry &e : m_entries) {
        const ObjectIdentity &id = e.identity;
        if (id.kind != kind || id.name != name)
            continue;
        // A cluster-scoped object is found whatever namespace the caller is in.
        const std::string effective = id.effectiveNamespace();
        if (effective.empty() || id.namespaceName == namespaceName || effective == namespaceName
            || (namespaceName.empty() && effective == "default"))
            return e.uid;
    }
    return kNoObject;
}

ObjectUids Document::matchingLabels(const emu::api::LabelSelector &selector,
                                    std::string_view namespaceName,
                                    const std::vector<std::string_view> &kinds) const
{
    ObjectUids out;
    for (std::size_t i : indicesInNamespace(namespaceName)) {
        const ManifestEntry &e = m_entries[i];
        if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), e.identity.kind) == kinds.end())
            continue;
        if (selector.matches(ObjectFields::labels(e.object())))
            out << e.uid;
    }
    return out;
}

ObjectUids Document::matchingPodTemplates(const emu::api::LabelSelector &selector,
                                          std::string_view namespaceName) const
{
    ObjectUids out;
    for (std::size_t i : indicesInNamespace(namespaceName)) {
        const ManifestEntry &e = m_entries[i];
        if (e.hasPodTemplate && selector.matches(e.podLabels))
            out << e.uid;
    }
    return out;
}

bool Document::selectsAnyPod(const emu::api::LabelSelector &selector, std::string_view namespaceName) const
{
    for (std::size_t i : indicesInNamespace(namespaceName)) {
        const ManifestEntry &e = m_entries[i];
        if (e.hasPodTemplate && selector.matches(e.podLabels))
            return true;
    }
    return false;
}

std::optional<LayoutRecord> Document::layout(ObjectUid uid) const
{
    const auto it = m_layout.find(uid);
    return it == m_layout.end() ? std::nullopt : std::optional(it->second);
}

std::string Document::layoutText() const
{
    if (!m_layoutChanged)
        return m_layoutTextAsRead;
    std::vector<LayoutDocument::Item> items;
    for (const ManifestEntry &e : m_entries) {
        const auto it = m_layout.find(e.uid);
        if (it != m_layout.end() && e.content.isObject())
            items.push_back({e.identity.kind, e.identity.namespaceName, e.identity.name, it->second});
    }
    return items.empty() ? std::string() : LayoutDocument::write(items);
}

std::string Document::toProjectText() const
{
    return ProjectWriter::projectText(m_entries, m_trailingText, layoutText());
}

void Document::reset(ProjectContent content, const QString &filePath)
{
    m_entries = std::move(content.entries);
    for (ManifestEntry &e : m_entries) {
        e.uid = allocateUid();
        refreshDerived(e);
    }
    reindex();
    m_layout.clear();
    for (const LayoutDocument::Item &item : content.layout) {
        const ObjectUid uid = find(item.kind, item.namespaceName, item.name);
        if (uid != kNoObject)
            m_layout.emplace(uid, item.record);
    }
    m_layoutTextAsRead = std::move(content.layoutText);
    m_layoutChanged = false;
    m_trailingText = std::move(content.trailingText);
    const bool pathChanged = m_filePath != filePath;
    m_filePath = filePath;
    emit modelReset();
    if (pathChanged)
        emit filePathChanged(m_filePath);
}

void Document::insertEntries(std::vector<PlacedEntry> placed)
{
    std::sort(placed.begin(), placed.end(),
              [](const PlacedEntry &a, const PlacedEntry &b) { return a.index < b.index; });
    ObjectUids added;
    for (PlacedEntry &p : placed) {
        const auto at = std::min<std::size_t>(static_cast<std::size_t>(std::max(p.index, 0)),
                                              m_entries.size());
        added << p.entry.uid;
        refreshDerived(p.entry);
        if (p.layout) {
            m_layout[p.entry.uid] = *p.layout;
            m_layoutChanged = true;
        }
        m_entries.insert(m_entries.begin() + static_cast<std::ptrdiff_t>(at), std::move(p.entry));
    }
    reindex();
    for (ObjectUid uid : added)
        emit objectAdded(uid);
}

std::vector<PlacedEntry> Document::takeEntries(const ObjectUids &uids)
{
    std::vector<int> indices;
    for (ObjectUid uid : uids)
        if (const int i = indexOf(uid); i >= 0)
            indices.push_back(i);
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    for (int i : indices)
        emit objectAboutToBeRemoved(m_entries[static_cast<std::size_t>(i)].uid);
    std::vector<PlacedEntry> taken;
    for (int i : indices) {
        const ManifestEntry &e = m_entries[static_cast<std::size_t>(i)];
        taken.push_back({i, e, layout(e.uid)});
        if (m_layout.erase(e.uid) > 0)
            m_layoutChanged = true;
    }
    for (auto it = indices.rbegin(); it != indices.rend(); ++it)
        m_entries.erase(m_entries.begin() + *it);
    reindex();
    for (const PlacedEntry &p : taken)
        emit objectRemoved(p.entry.uid);
    return taken;
}

void Document::setContent(ObjectUid uid, ObjectContent content, bool dirty, int lineInFile)
{
    const auto it = m_indexByUid.find(uid);
    if (it == m_indexByUid.end())
        return;
    ManifestEntry &e = m_entries[it->second];
    const ObjectIdentity before = e.identity;
    e.content = std::move(content);
    refreshDerived(e);
    e.dirty = dirty;
    e.lineInFile = lineInFile;
    m_identityIndexStale = true;
    // The Layout is keyed by identity: a renamed object's position must be written anew.
    if (!(before == e.identity) && m_layout.count(uid))
        m_layoutChanged = true;
    emit objectChanged(uid);
}

void Document::setLayoutRecord(ObjectUid uid, const std::optional<LayoutRecord> &record)
{
    const auto it = m_layout.find(uid);
    if (record) {
        if (it != m_layout.end() && it->second == *record)
            return;
        m_layout[uid] = *record;
    } else {
        if (it == m_layout.end())
            return;
        m_layout.erase(it);
    }
    m_layoutChanged = true;
    emit layoutChanged(uid);
}

void Document::markSaved(const QString &filePath)
{
    // Recompute where each object now starts in the file: the same walk as the writer.
    const std::string text = toProjectText();
    int line = 1;
    std::size_t pos = 0;
    for (ManifestEntry &e : m_entries) {
        const std::size_t at = text.find(e.text(), pos);
        if (at != std::string::npos) {
            const auto count = [&](std::size_t from, std::size_t to) {
                return static_cast<int>(std::count(text.begin() + static_cast<std::ptrdiff_t>(from),
                                                   text.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
            };
            line += count(pos, at);
            e.lineInFile = line;
            pos = at + e.text().size();
            line += count(at, pos);
        }
        e.file = filePath;
        e.dirty = false;
    }
    m_layoutTextAsRead = layoutText();
    m_layoutChanged = false;
    ++m_saveGeneration;
    const bool pathChanged = m_filePath != filePath;
    m_filePath = filePath;
    if (pathChanged)
        emit filePathChanged(m_filePath);
    emit saved();
}

void Document::reindex()
{
    m_indexByUid.clear();
    m_indexByUid.reserve(m_entries.size());
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        m_indexByUid.emplace(m_entries[i].uid, i);
    m_identityIndexStale = true;
}

} // namespace app::document
