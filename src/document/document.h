// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "layout_record.h"
#include "manifest_entry.h"
#include "project_reader.h"

#include <QObject>
#include <QString>

#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace emu::api { class LabelSelector; }

namespace app::document {

/// An entry with where it sits in the document and its canvas layout: what removing an
/// object takes out, and what undoing the removal puts back.
struct PlacedEntry
{
    int index = 0;
    ManifestEntry entry;
    std::optional<LayoutRecord> layout;
};

/// The desired state the user edits, and the single source of truth of every view: the
/// project's objects in file order, each with its exact text, plus the canvas Layout.
///
/// Views read it and follow its signals; they never keep their own copy of the truth. Only
/// DocumentController and its undo commands call the mutators. GUI thread only.
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);

    // --- Reading
    const std::vector<ManifestEntry> &entries() const { return m_entries; }
    int count() const { return static_cast<int>(m_entries.size()); }
    const ManifestEntry *entry(ObjectUid uid) const;
    int indexOf(ObjectUid uid) const;
    ObjectUids uids() const;
    ObjectUids uidsOfKind(std::string_view kind) const;
    /// The object kubectl would consider the same (group, kind, effective namespace, name);
    /// the API version within the group does not matter.
    ObjectUid findByIdentity(const ObjectIdentity &identity) const;
    /// By kind, namespace as written or effective ("" finds "default" for namespaced kinds;
    /// cluster-scoped kinds are found whatever the namespace) and name, in any group.
    ObjectUid find(std::string_view kind, std::string_view namespaceName, std::string_view name) const;
    /// Objects of `kinds` (all kinds when empty) in `namespaceName` whose metadata.labels
    /// match the selector.
    ObjectUids matchingLabels(const emu::api::LabelSelector &selector, std::string_view namespaceName,
                              const std::vector<std::string_view> &kinds = {}) const;
    /// Workloads and Pods in `namespaceName` whose pod template labels match the selector
    /// (what a Service, PodDisruptionBudget or NetworkPolicy selects).
    ObjectUids matchingPodTemplates(const emu::api::LabelSelector &selector,
                                    std::string_view namespaceName) const;
    /// Whether any workload or Pod of the namespace matches (stops at the first).
    bool selectsAnyPod(const emu::api::LabelSelector &selector, std::string_view namespaceName) const;

    std::optional<LayoutRecord> layout(ObjectUid uid) const;
    const std::unordered_map<ObjectUid, LayoutRecord> &layoutRecords() const { return m_layout; }

    /// The project file this document was opened from or saved to; "" if none yet.
    QString filePath() const { return m_filePath; }
    /// The project file's text: every object as written (edited ones re-written), then the
    /// Layout document when there is a layout.
    std::string toProjectText() const;

    // --- Mutators: for DocumentController and its commands only.
    void reset(ProjectContent content, const QString &filePath);
    ObjectUid allocateUid() { return m_nextUid++; }
    /// Inserts entries (ascending indices, each an index in the final order).
    void insertEntries(std::vector<PlacedEntry> placed);
    /// Removes entries, returned in ascending index order with their layout.
    std::vector<PlacedEntry> takeEntries(const ObjectUids &uids);
    void setContent(ObjectUid uid, ObjectContent content, bool dirty, int lineInFile);
    void setLayoutRecord(ObjectUid uid, const std::optional<LayoutRecord> &record);
    /// After a save to `filePath`: entries are clean and know their lines in the file.
    void markSaved(const QString &filePath);
    /// Incremented by each save, so undo can tell whether a remembered state is still saved.
    int saveGeneration() const { return m_saveGeneration; }

signals:
    void objectAdded(app::document::ObjectUid uid);
    void objectAboutToBeRemoved(app::document::ObjectUid uid);
    void objectRemoved(app::document::ObjectUid uid);
    void objectChanged(app::document::ObjectUid uid);
    void layoutChanged(app::document::ObjectUid uid);
    void modelReset();
    void filePathChanged(const QString &filePath);
    /// The project was written to its file: entries are clean and know their lines.
    void saved();

private:
    void reindex();
    void rebuildIdentityIndex() const;
    static void refreshDerived(ManifestEntry &entry);
    const std::vector<std::size_t> &indicesInNamespace(std::string_view namespaceName) const;
    std::string layoutText() const;

    std::vector<ManifestEntry> m_entries;
    std::unordered_map<ObjectUid, std::size_t> m_indexByUid;
    mutable std::unordered_map<std::string, ObjectUid> m_uidByKey;
    mutable std::unordered_map<std::string, std::vector<std::size_t>> m_indicesByNamespace;
    mutable bool m_identityIndexStale = true;
    std::unordered_map<ObjectUid, LayoutRecord> m_layout;
    std::string m_layoutTextAsRead; ///< written back while the layout is unchanged
    bool m_layoutChanged = false;
    std::string m_trailingText;
    QString m_filePath;
    ObjectUid m_nextUid = 1;
    int m_saveGeneration = 0;
};

} // namespace app::document
