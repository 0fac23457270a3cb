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

/// The application window. It owns the project's Document and the objects every view
/// shares (its controller, validator and selection); the panels are views of them.
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

    /// Opens a project file, manifest file or folder; on failure the open project is kept
    /// and false returned with the reason in `error`.
    bool openProject(const QString &path, QString *error = nullptr);
    /// Renders the whole window into a PNG file; returns false if it cannot be written.
    bool saveScreenshot(const QString &fileName);

private:
    void rebuildTree();
    void showProblems();
    void showSelectedObject();
    void openFile();

    std::unique_ptr<Ui::MainWindow> m_ui;
    document::Document *m_document;
    document::DocumentController *m_controller;
    document::DocumentValidator *m_validator;
    document::SelectionModel *m_selection;
};

} // namespace app
