// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "document/object_uid.h"

#include <QMainWindow>

#include <memory>

namespace Ui { class MainWindow; }

namespace app {

namespace document {
class Document;
class DocumentController;
class DocumentValidator;
class SelectionModel;
} // namespace document
namespace panels {
class ObjectTreePanel;
class ProblemsPanel;
class PropertyPanel;
class YamlPanel;
} // namespace panels
namespace run {
class RunActions;
class RunController;
class RunDocks;
} // namespace run

class AutosaveManager;
class EditActions;
class ProjectFiles;

/// The application window. It owns the project's Document and what every view shares: the
/// DocumentController (the only writer, with the undo stack), the validator and the
/// selection. The object tree (left), the YAML editor (centre, beside the canvas), the
/// property editor (right) and the problems (bottom) are views of them.
///
/// The canvas is built elsewhere (src/canvas) and plugged in with setCanvasWidget(); it
/// should take document(), controller() and selectionModel().
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    document::Document *document() const { return m_document; }
    document::DocumentController *controller() const { return m_controller; }
    document::DocumentValidator *validator() const { return m_validator; }
    document::SelectionModel *selectionModel() const { return m_selection; }
    panels::YamlPanel *yamlPanel() const { return m_yamlPanel; }
    panels::PropertyPanel *propertyPanel() const { return m_propertyPanel; }
    panels::ProblemsPanel *problemsPanel() const { return m_problemsPanel; }
    panels::ObjectTreePanel *objectTreePanel() const { return m_treePanel; }
    EditActions *editActions() const { return m_editActions; }
    ProjectFiles *projectFiles() const { return m_files; }
    AutosaveManager *autosave() const { return m_autosave; }
    run::RunController *runController() const { return m_runController; }
    run::RunActions *runActions() const { return m_runActions; }
    run::RunDocks *runDocks() const { return m_runDocks; }

    /// Puts the canvas in the central area, left of the YAML editor (the window takes it).
    void setCanvasWidget(QWidget *canvas);
    QWidget *canvasWidget() const { return m_canvas; }

    /// Opens a project file, manifest file or folder (no unsaved-changes question); on
    /// failure the open project is kept and false returned with the reason in `error`.
    bool openProject(const QString &path, QString *error = nullptr);
    /// Opens a bundled sample (":/samples/demo.yaml") as an untitled project.
    bool openSample(const QString &resource);
    /// Offers to recover projects left unsaved by a crash (asks; used at start-up).
    void offerRecovery();
    /// Renders the whole window into a PNG file; returns false if it cannot be written.
    bool saveScreenshot(const QString &fileName);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createPanels();
    void createMenus();
    void createRunMode();
    void updateTitle();
    void updateStatus();
    void exportManifests();
    void newCluster();
    void showProblem(document::ObjectUid uid, int line, int column);

    std::unique_ptr<Ui::MainWindow> m_ui;
    document::Document *m_document;
    document::DocumentController *m_controller;
    document::DocumentValidator *m_validator;
    document::SelectionModel *m_selection;
    panels::ObjectTreePanel *m_treePanel = nullptr;
    panels::YamlPanel *m_yamlPanel = nullptr;
    panels::PropertyPanel *m_propertyPanel = nullptr;
    panels::ProblemsPanel *m_problemsPanel = nullptr;
    EditActions *m_editActions = nullptr;
    ProjectFiles *m_files = nullptr;
    AutosaveManager *m_autosave = nullptr;
    QWidget *m_canvas = nullptr;
    run::RunController *m_runController = nullptr;
    run::RunActions *m_runActions = nullptr;
    run::RunDocks *m_runDocks = nullptr;
};

} // namespace app
