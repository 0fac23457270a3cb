// SPDX-License-Identifier: Apache-2.0
#include "main_window.h"

#include "ui_main_window.h"

#include "autosave_manager.h"
#include "canvas/canvas_actions.h"
#include "canvas/canvas_widget.h"
#include "canvas/minimap_widget.h"
#include "canvas/palette_widget.h"
#include "edit_actions.h"
#include "export_dialog.h"
#include "new_cluster_dialog.h"
#include "project_files.h"

#include "document/document.h"
#include "document/document_controller.h"
#include "document/document_validator.h"
#include "document/project_reader.h"
#include "document/selection_model.h"
#include "panels/object_tree_panel.h"
#include "panels/problems_panel.h"
#include "panels/property_panel.h"
#include "panels/yaml_panel.h"
#include "run/run_actions.h"
#include "run/run_controller.h"
#include "run/run_docks.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeWidget>
#include <QUndoStack>

namespace app {

using namespace app::document;

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_document(new Document(this))
    , m_controller(new DocumentController(m_document, this))
    , m_validator(new DocumentValidator(m_document, this))
    , m_selection(new SelectionModel(m_document, this))
{
    m_ui->setupUi(this);
    m_files = new ProjectFiles(m_controller, this);
    m_editActions = new EditActions(m_controller, m_selection, this);
    m_autosave = new AutosaveManager(m_controller, {}, this);
    createPanels();
    createMenus();
    createRunMode();
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::modelReset, this, &MainWindow::updateTitle);
    connect(m_controller, &DocumentController::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_validator, &DocumentValidator::problemsChanged, this, &MainWindow::updateStatus);
    connect(m_files, &ProjectFiles::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    // Start with something to read: the first object of a freshly opened project.
    connect(m_document, &Document::modelReset, this, [this] {
        if (m_document->count() > 0)
            m_selection->select(m_document->entries().front().uid);
    });
    updateTitle();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createPanels()
{
    m_treePanel = new panels::ObjectTreePanel(m_document, m_validator, m_selection, this);
    m_ui->objectsDock->setWidget(m_treePanel);
    m_yamlPanel = new panels::YamlPanel(m_controller, m_validator, m_selection, this);
    m_ui->centralSplitter->addWidget(m_yamlPanel);
    m_ui->canvasSlot->hide(); // until a canvas is plugged in, the YAML editor has the centre
    m_propertyPanel = new panels::PropertyPanel(m_controller, m_selection, this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_propertyPanel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_ui->propertiesDock->setWidget(scroll);
    m_problemsPanel = new panels::ProblemsPanel(m_document, m_validator, this);
    m_ui->problemsDock->setWidget(m_problemsPanel);
    connect(m_problemsPanel, &panels::ProblemsPanel::problemActivated, this, &MainWindow::showProblem);
    auto *canvas = new canvas::CanvasWidget(m_controller, m_selection, this);
    canvas->actions()->setEditActions(m_editActions->duplicateAction(), m_editActions->deleteAction());
    setCanvasWidget(canvas);
    auto *palette = new QDockWidget(tr("Palette"), this);
    palette->setObjectName(QStringLiteral("paletteDock"));
    palette->setWidget(canvas->createPalette(palette));
    splitDockWidget(m_ui->objectsDock, palette, Qt::Vertical);
    auto *overview = new QDockWidget(tr("Overview"), this);
    overview->setObjectName(QStringLiteral("overviewDock"));
    overview->setWidget(canvas->createMinimap(overview));
    splitDockWidget(m_ui->propertiesDock, overview, Qt::Vertical);
    resizeDocks({m_ui->objectsDock, palette}, {400, 260}, Qt::Vertical);
    resizeDocks({m_ui->propertiesDock, overview}, {500, 180}, Qt::Vertical);
    resizeDocks({m_ui->objectsDock, m_ui->propertiesDock}, {260, 360}, Qt::Horizontal);
    resizeDocks({m_ui->problemsDock}, {170}, Qt::Vertical);
}

void MainWindow::createMenus()
{
    connect(m_ui->actionNew, &QAction::triggered, m_files, &ProjectFiles::newProject);
    connect(m_ui->actionNewCluster, &QAction::triggered, this, &MainWindow::newCluster);
    connect(m_ui->actionOpen, &QAction::triggered, m_files, &ProjectFiles::openDialog);
    connect(m_ui->actionSave, &QAction::triggered, m_files, &ProjectFiles::save);
    connect(m_ui->actionSaveAs, &QAction::triggered, m_files, &ProjectFiles::saveAs);
    connect(m_ui->actionImport, &QAction::triggered, m_files, [this] { m_files->importDialog(false); });
    QAction *importFolder = new QAction(tr("Import &Folder…"), this);
    m_ui->menuFile->insertAction(m_ui->actionExport, importFolder);
    connect(importFolder, &QAction::triggered, m_files, [this] { m_files->importDialog(true); });
    connect(m_ui->actionExport, &QAction::triggered, this, &MainWindow::exportManifests);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About KubeCanvas"),
                           tr("KubeCanvas %1: a visual modeler and emulator for Kubernetes.")
                               .arg(QStringLiteral(KUBECANVAS_VERSION)));
    });
    m_files->fillSamplesMenu(m_ui->menuSamples);
    m_files->setRecentMenu(m_ui->menuRecent);

    QAction *undo = m_controller->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_controller->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    m_ui->menuEdit->addActions({undo, redo});
    m_ui->menuEdit->addSeparator();
    m_ui->menuEdit->addActions({m_editActions->cutAction(), m_editActions->copyAction(),
                                m_editActions->pasteAction(), m_editActions->duplicateAction(),
                                m_editActions->deleteAction()});
    m_ui->menuEdit->addSeparator();
    m_ui->menuEdit->addAction(m_editActions->selectAllAction());
    m_editActions->fillAddMenu(m_ui->menuAdd);
    m_treePanel->tree()->addActions({m_editActions->cutAction(), m_editActions->copyAction(),
                                     m_editActions->pasteAction(), m_editActions->duplicateAction(),
                                     m_editActions->deleteAction()});

    for (QDockWidget *dock : {m_ui->objectsDock, m_ui->propertiesDock, m_ui->problemsDock})
        m_ui->menuView->addAction(dock->toggleViewAction());
    for (const char *name : {"paletteDock", "overviewDock"})
        if (auto *dock = findChild<QDockWidget *>(QLatin1String(name)))
            m_ui->menuView->addAction(dock->toggleViewAction());
    m_ui->mainToolBar->addActions({m_ui->actionNew, m_ui->actionOpen, m_ui->actionSave});
    m_ui->mainToolBar->addSeparator();
    m_ui->mainToolBar->addActions({undo, redo});
    m_ui->mainToolBar->addSeparator();
    m_ui->mainToolBar->addActions({m_ui->actionImport, m_ui->actionExport});
}

void MainWindow::createRunMode()
{
    m_runController = new run::RunController(m_document, this);
    m_runActions = new run::RunActions(m_runController, this);
    menuBar()->insertMenu(m_ui->menuHelp->menuAction(), m_runActions->menu());
    addToolBar(Qt::TopToolBarArea, m_runActions->toolBar());
    statusBar()->addPermanentWidget(m_runActions->clockLabel());
    m_ui->menuFile->insertAction(m_ui->actionQuit, m_runActions->saveReportAction());
    m_ui->menuFile->insertSeparator(m_ui->actionQuit);
    m_runDocks = new run::RunDocks(this, m_runController, m_document, m_selection, m_ui->problemsDock,
                                   m_ui->propertiesDock);
    for (QDockWidget *dock : {m_runDocks->eventsDock(), m_runDocks->chartsDock(), m_runDocks->inspectorDock()})
        m_ui->menuView->addAction(dock->toggleViewAction());
    connect(m_runActions, &run::RunActions::scenarioChosen, m_files,
            [this](const QString &resource) { m_files->openSample(resource); });
    // A run belongs to the project it was started from.
    connect(m_document, &Document::modelReset, m_runController, &run::RunController::reset);
}

void MainWindow::setCanvasWidget(QWidget *canvas)
{
    if (m_canvas)
        m_ui->canvasSlot->removeWidget(m_canvas);
    m_canvas = canvas;
    if (!canvas)
        return;
    m_ui->canvasSlot->addWidget(canvas);
    m_ui->canvasSlot->setCurrentWidget(canvas);
    m_ui->canvasSlot->show();
    m_ui->centralSplitter->setStretchFactor(0, 2);
    m_ui->centralSplitter->setStretchFactor(1, 1);
    const int width = qMax(m_ui->centralSplitter->width(), 500);
    m_ui->centralSplitter->setSizes({width * 2 / 3, width / 3});
}

bool MainWindow::openProject(const QString &path, QString *error)
{
    return m_controller->openProject(path, error);
}

bool MainWindow::openSample(const QString &resource)
{
    return m_files->openSample(resource);
}

void MainWindow::offerRecovery()
{
    for (const AutosaveManager::Recovery &r : m_autosave->pendingRecoveries()) {
        const QString name = r.projectPath.isEmpty() ? tr("an untitled project") : r.projectPath;
        const auto answer = QMessageBox::question(
            this, tr("Recover unsaved changes"),
            tr("KubeCanvas did not close normally. Recover the unsaved changes of %1 (saved %2)?")
                .arg(name, QLocale().toString(r.savedAt.toLocalTime(), QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        QString error;
        if (answer == QMessageBox::Yes && !m_autosave->recover(r, &error))
            QMessageBox::warning(this, tr("Cannot recover"), error);
        if (answer == QMessageBox::Yes)
            return; // one project per window
    }
}

void MainWindow::updateTitle()
{
    const QString path = m_document->filePath();
    const QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName();
    setWindowFilePath(path);
    setWindowTitle(tr("%1%2 — KubeCanvas").arg(name, m_controller->isModified() ? QStringLiteral(" *") : QString()));
}

void MainWindow::updateStatus()
{
    statusBar()->showMessage(tr("%n object(s)", nullptr, m_document->count()) + QStringLiteral(" · ")
                             + tr("%n error(s)", nullptr, m_validator->errorCount()) + QStringLiteral(" · ")
                             + tr("%n warning(s)", nullptr, m_validator->warningCount()));
}

void MainWindow::showProblem(ObjectUid uid, int line, int column)
{
    m_selection->select(uid);
    m_yamlPanel->showLine(uid, line, column);
    m_yamlPanel->editor()->setFocus();
}

void MainWindow::exportManifests()
{
    const QString base = m_document->filePath().isEmpty() ? QStringLiteral("manifests")
                                                          : QFileInfo(m_document->filePath()).completeBaseName();
    ExportDialog dialog(QFileInfo(m_document->filePath()).absoluteDir().filePath(base + "-export.yaml"),
                        m_validator->errorCount(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ExportResult result = document::exportManifests(*m_document, dialog.request());
    if (!result.error.isEmpty())
        QMessageBox::warning(this, tr("Export failed"), result.error);
    else
        statusBar()->showMessage(tr("Exported %n object(s)", nullptr, result.objects), 5000);
}

void MainWindow::newCluster()
{
    NewClusterDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted || !m_files->maybeSave())
        return;
    const std::string text = ClusterTemplate::projectText(dialog.parameters());
    m_controller->openContent(ProjectReader::readText(text, QStringLiteral("cluster.yaml")), QString(), true);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    m_autosave->discardRecovery();
    event->accept();
}

bool MainWindow::saveScreenshot(const QString &fileName)
{
    m_validator->validateNow();
    return grab().save(fileName, "PNG");
}

} // namespace app
