// SPDX-License-Identifier: Apache-2.0
#include "project_files.h"

#include "document/document.h"
#include "document/document_controller.h"
#include "document/project_reader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>

namespace app {

using namespace app::document;

namespace {

constexpr int kMaxRecentFiles = 10;
const QString kRecentKey = QStringLiteral("recentFiles");
const QString kFilter = QObject::tr("KubeCanvas projects and manifests (*.yaml *.yml *.json);;All files (*)");

} // namespace

ProjectFiles::ProjectFiles(DocumentController *controller, QWidget *window)
    : QObject(window)
    , m_controller(controller)
    , m_window(window)
{
    m_askUnsaved = [this] {
        const QString name = m_controller->document()->filePath().isEmpty()
                                 ? tr("The new project")
                                 : QFileInfo(m_controller->document()->filePath()).fileName();
        const auto answer = QMessageBox::warning(
            m_window, tr("Unsaved changes"), tr("%1 has changes that are not saved.").arg(name),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        return answer == QMessageBox::Save      ? UnsavedAnswer::Save
               : answer == QMessageBox::Discard ? UnsavedAnswer::Discard
                                                : UnsavedAnswer::Cancel;
    };
    m_chooseFile = [this](bool forSaving) {
        const QString dir = QFileInfo(m_controller->document()->filePath()).absolutePath();
        return forSaving ? QFileDialog::getSaveFileName(m_window, tr("Save project"), dir, kFilter)
                         : QFileDialog::getOpenFileName(m_window, tr("Open project or manifests"), dir, kFilter);
    };
}

void ProjectFiles::showError(const QString &title, const QString &text)
{
    emit message(text);
    if (m_window && m_window->isVisible())
        QMessageBox::warning(m_window, title, text);
}

bool ProjectFiles::maybeSave()
{
    if (!m_controller->isModified())
        return true;
    switch (m_askUnsaved()) {
    case UnsavedAnswer::Save: return save();
    case UnsavedAnswer::Discard: return true;
    case UnsavedAnswer::Cancel: return false;
    }
    return false;
}

bool ProjectFiles::newProject()
{
    if (!maybeSave())
        return false;
    m_controller->newProject();
    return true;
}

bool ProjectFiles::open(const QString &path)
{
    if (path.isEmpty() || !maybeSave())
        return false;
    QString error;
    if (!m_controller->openProject(path, &error)) {
        showError(tr("Cannot open"), error);
        return false;
    }
    if (QFileInfo(path).isFile())
        addRecent(QFileInfo(path).absoluteFilePath());
    emit message(tr("Opened %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool ProjectFiles::openDialog()
{
    return open(m_chooseFile(false));
}

bool ProjectFiles::openSample(const QString &resource)
{
    if (!maybeSave())
        return false;
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Cannot open"), tr("The sample %1 is missing.").arg(resource));
        return false;
    }
    const QByteArray bytes = file.readAll();
    // A sample opens untitled: saving asks where, so the bundled copy stays as it is.
    m_controller->openContent(ProjectReader::readText(std::string_view(bytes.constData(), std::size_t(bytes.size())),
                                                      QFileInfo(resource).fileName()),
                              QString());
    return true;
}

bool ProjectFiles::save()
{
    const QString path = m_controller->document()->filePath();
    return path.isEmpty() ? saveAs() : saveTo(path);
}

bool ProjectFiles::saveAs()
{
    QString path = m_chooseFile(true);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".yaml");
    return saveTo(path);
}

bool ProjectFiles::saveTo(const QString &path)
{
    QString error;
    if (!m_controller->saveProject(path, &error)) {
        showError(tr("Cannot save"), error);
        return false;
    }
    addRecent(QFileInfo(path).absoluteFilePath());
    emit projectSaved(path);
    emit message(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool ProjectFiles::importDialog(bool folder)
{
    QStringList paths;
    if (folder) {
        const QString dir = QFileDialog::getExistingDirectory(m_window, tr("Import a folder of manifests"));
        if (!dir.isEmpty())
            paths << dir;
    } else {
        paths = QFileDialog::getOpenFileNames(m_window, tr("Import manifests"), QString(), kFilter);
    }
    return !paths.isEmpty() && importPaths(paths);
}

bool ProjectFiles::importPaths(const QStringList &paths)
{
    QString error;
    const ObjectUids added = m_controller->importManifests(paths, &error);
    if (added.isEmpty()) {
        showError(tr("Nothing imported"), error.isEmpty() ? tr("No Kubernetes objects found.") : error);
        return false;
    }
    if (!error.isEmpty())
        showError(tr("Some files could not be read"), error);
    emit message(tr("Imported %n object(s)", nullptr, int(added.size())));
    return true;
}

QStringList ProjectFiles::recentFiles() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void ProjectFiles::addRecent(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(kRecentKey, files);
    rebuildRecentMenu();
}

void ProjectFiles::setRecentMenu(QMenu *menu)
{
    m_recentMenu = menu;
    rebuildRecentMenu();
}

void ProjectFiles::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    for (const QString &path : recentFiles()) {
        QAction *action = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { open(path); });
    }
    m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

QStringList ProjectFiles::sampleResources()
{
    QStringList out;
    QDirIterator it(QStringLiteral(":/samples"), {"*.yaml"}, QDir::Files);
    while (it.hasNext())
        out << it.next();
    out.sort();
    return out;
}

void ProjectFiles::fillSamplesMenu(QMenu *menu)
{
    for (const QString &resource : sampleResources()) {
        QAction *action = menu->addAction(QFileInfo(resource).completeBaseName());
        connect(action, &QAction::triggered, this, [this, resource] { openSample(resource); });
    }
}

} // namespace app
