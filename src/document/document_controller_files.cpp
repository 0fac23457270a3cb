// SPDX-License-Identifier: Apache-2.0
// DocumentController: opening, saving and importing project files.
#include "document_controller.h"

#include "document.h"
#include "project_reader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUndoStack>

#include <map>

namespace app::document {

namespace {

bool readProjectFile(const QString &path, ProjectContent &content, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QObject::tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path),
                                                           file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    // A NUL byte never occurs in YAML or JSON text: this is some other kind of file.
    if (bytes.contains('\0')) {
        if (error)
            *error = QObject::tr("Cannot open %1: it is not a YAML or JSON file.")
                         .arg(QDir::toNativeSeparators(path));
        return false;
    }
    content = ProjectReader::readText(
        std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), path);
    return true;
}

} // namespace

void DocumentController::newProject()
{
    m_document->reset({}, QString());
    m_undoStack->clear();
}

bool DocumentController::openProject(const QString &path, QString *error)
{
    const QFileInfo info(path);
    ProjectContent content;
    if (info.isDir()) {
        QStringList errors;
        if (!ProjectReader::readPaths({path}, content, errors) || content.entries.empty()) {
            if (error)
                *error = errors.isEmpty() ? tr("No manifests (*.yaml, *.yml, *.json) in %1.")
                                                .arg(QDir::toNativeSeparators(path))
                                          : errors.join('\n');
            return false;
        }
    } else if (!readProjectFile(info.exists() ? info.absoluteFilePath() : path, content, error)) {
        return false;
    }
    // A folder is a set of manifests, not a project file: saving asks where to.
    m_document->reset(std::move(content), info.isDir() ? QString() : info.absoluteFilePath());
    m_undoStack->clear();
    return true;
}

void DocumentController::openContent(ProjectContent content, const QString &filePath, bool modified)
{
    m_document->reset(std::move(content), filePath);
    m_undoStack->clear();
    if (modified)
        m_undoStack->resetClean(); // nothing to undo, but not saved either
}

bool DocumentController::saveProject(const QString &path, QString *error)
{
    const std::string text = m_document->toProjectText();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(text.data(), static_cast<qint64>(text.size())) != qint64(text.size())
        || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    m_document->markSaved(QFileInfo(path).absoluteFilePath());
    m_undoStack->setClean();
    return true;
}

ObjectUids DocumentController::importManifests(const QStringList &paths, QString *error)
{
    ProjectContent content;
    QStringList errors;
    ProjectReader::readPaths(paths, content, errors);
    if (error)
        *error = errors.join('\n');
    std::map<std::string, LayoutRecord> positions;
    for (const LayoutDocument::Item &item : content.layout)
        positions.emplace(item.kind + '\n' + item.namespaceName + '\n' + item.name, item.record);
    std::vector<std::optional<LayoutRecord>> layout;
    for (const ManifestEntry &e : content.entries) {
        const ObjectIdentity &id = e.identity;
        const auto it = positions.find(id.kind + '\n' + id.namespaceName + '\n' + id.name);
        layout.push_back(it == positions.end() ? std::nullopt : std::optional(it->second));
    }
    // Entries keep their file and line: problems are shown where `validate` shows them.
    const QString label = tr("Import %n objects", nullptr, int(content.entries.size()));
    return addEntries(std::move(content.entries), layout, label);
}

} // namespace app::document
