// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "layout_record.h"
#include "manifest_entry.h"

#include "emulator/api/diagnostic.h"
#include "emulator/api/value.h"

#include <QObject>
#include <QPointF>
#include <QStringList>

#include <optional>
#include <string>
#include <utility>
#include <vector>

class QUndoStack;

namespace app::document {

class Document;
struct ProjectContent;

/// The only writer of the Document. Views and tools call these intent-level methods; each
/// edit is one QUndoCommand (src/document/commands/) holding uids and before/after values,
/// so undo and redo cover everything and the views never disagree. GUI thread only.
class DocumentController : public QObject
{
    Q_OBJECT

public:
    explicit DocumentController(Document *document, QObject *parent = nullptr);

    Document *document() const { return m_document; }
    QUndoStack *undoStack() const { return m_undoStack; }

    // --- Objects
    /// Adds the objects of a YAML or JSON stream (Lists expanded) at the end of the document,
    /// as one undo step. With `renameClashes`, an object whose identity is already taken gets
    /// a free name (`web-copy`, `web-copy-2`); with `at`, the objects are placed there (each
    /// next one a little lower right). Returns the new uids; none, with `error`, if the text
    /// holds no object.
    ObjectUids addObjectsFromText(const std::string &text, const QString &label,
                                  std::optional<QPointF> at = {}, bool renameClashes = true,
                                  QString *error = nullptr);
    /// Adds objects, each with an optional layout, as one undo step.
    ObjectUids addObjects(std::vector<ObjectContent> contents,
                          const std::vector<std::optional<LayoutRecord>> &layout,
                          const QString &label);
    bool removeObjects(const ObjectUids &uids);
    /// Copies of the objects with free names, placed next to the originals.
    ObjectUids duplicateObjects(const ObjectUids &uids);
    /// Replaces the object with YAML text (the YAML editor's Apply). Text that does not parse
    /// as one object changes nothing and returns false with the reasons in `errors`.
    bool editObject(ObjectUid uid, const std::string &yamlText, emu::api::Diagnostics *errors = nullptr);
    /// Sets one field (`spec.replicas`, `metadata.labels[app]`, ...), keeping the rest of the
    /// text. Consecutive edits of the same field merge into one undo step.
    bool setField(ObjectUid uid, const QString &path, const emu::api::Value &value);
    bool removeField(ObjectUid uid, const QString &path);
    /// Replaces the object's tree (several fields at once), rewriting only what differs.
    bool setObject(ObjectUid uid, const emu::api::Value &object, const QString &label);
    /// Sets metadata.name (and metadata.namespace when given; "" removes it).
    bool renameObject(ObjectUid uid, const QString &name,
                      const std::optional<QString> &namespaceName = std::nullopt);

    // --- Canvas layout
    /// Moves items. Calls made while dragging (`dragFinished` false) merge with the previous
    /// one for the same items; the call that ends the drag closes the undo step.
    void moveItems(const std::vector<std::pair<ObjectUid, QPointF>> &positions,
                   bool dragFinished = true);
    /// Sets layout records (nullopt: back to automatic placement) as one undo step.
    void setLayout(const std::vector<std::pair<ObjectUid, std::optional<LayoutRecord>>> &records,
                   const QString &label);

    // --- Project files
    void newProject();
    /// Opens a project or manifest file, or a folder of manifests (which gives an untitled
    /// project). If nothing can be read, the open project is kept and false returned.
    bool openProject(const QString &path, QString *error = nullptr);
    /// Opens content read elsewhere (a bundled sample, a recovery file) under `filePath`
    /// ("" for an untitled project). With `modified`, the project counts as unsaved.
    void openContent(ProjectContent content, const QString &filePath, bool modified = false);
    /// Writes the project file (atomically) and marks the document saved.
    bool saveProject(const QString &path, QString *error = nullptr);
    /// Adds the objects of files and folders to the project as one undo step. Paths that
    /// cannot be read are listed in `error`.
    ObjectUids importManifests(const QStringList &paths, QString *error = nullptr);
    bool isModified() const;

    /// A name not taken by another object of the same kind and namespace: `name`, or
    /// `name-copy`, `name-copy-2`, ...
    std::string freeName(const ObjectIdentity &identity) const;

signals:
    void modifiedChanged(bool modified);

private:
    /// Adds entries (their uids assigned here) at the end, as one undo step.
    ObjectUids addEntries(std::vector<ManifestEntry> entries,
                          const std::vector<std::optional<LayoutRecord>> &layout, const QString &label);
    bool pushContentEdit(ObjectUid uid, ObjectContent content, const QString &label);

    Document *m_document;
    QUndoStack *m_undoStack;
};

} // namespace app::document
