// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

class QMenu;
class QWidget;

namespace app {

namespace document { class DocumentController; }

/// The File menu's work: new, open (files, folders, bundled samples, recent files), save,
/// save as, import, and the unsaved-changes question. Failures are explained in a message
/// and never lose what is open.
class ProjectFiles : public QObject
{
    Q_OBJECT

public:
    /// Asked when the project has unsaved changes: Save, Discard or Cancel.
    enum class UnsavedAnswer { Save, Discard, Cancel };
    using UnsavedQuestion = std::function<UnsavedAnswer()>;
    using FileChooser = std::function<QString(bool forSaving)>;

    ProjectFiles(document::DocumentController *controller, QWidget *window);

    /// Replaces the dialogs (tests): the unsaved-changes question and the file chooser.
    void setUnsavedQuestion(UnsavedQuestion question) { m_askUnsaved = std::move(question); }
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

    /// The project may be closed: saved, discarded, or not modified. False if cancelled.
    bool maybeSave();
    bool newProject();
    /// Opens a project or manifest file or folder (after maybeSave); shows why it failed.
    bool open(const QString &path);
    bool openDialog();
    /// Opens a bundled sample (":/samples/NAME.yaml") as an untitled project.
    bool openSample(const QString &resource);
    bool save();
    bool saveAs();
    bool saveTo(const QString &path);
    bool importDialog(bool folder);
    bool importPaths(const QStringList &paths);

    QStringList recentFiles() const;
    /// Fills the recent-files menu (rebuilt whenever the list changes).
    void setRecentMenu(QMenu *menu);
    /// Fills the samples menu from resources/samples.
    void fillSamplesMenu(QMenu *menu);
    static QStringList sampleResources();

signals:
    /// A project file was opened or saved (the window updates its title and the autosave).
    void projectSaved(const QString &path);
    void message(const QString &text);

private:
    void addRecent(const QString &path);
    void rebuildRecentMenu();
    void showError(const QString &title, const QString &text);

    document::DocumentController *m_controller;
    QWidget *m_window;
    QMenu *m_recentMenu = nullptr;
    UnsavedQuestion m_askUnsaved;
    FileChooser m_chooseFile;
};

} // namespace app
