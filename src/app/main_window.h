// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMainWindow>

#include <memory>

namespace Ui { class MainWindow; }

namespace app {

namespace document { class Document; }

/// The application window: the project's objects, the selected object's YAML, and the
/// problems found in the project. It only displays the Document.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(document::Document *document, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Renders the whole window into a PNG file; returns false if it cannot be written.
    bool saveScreenshot(const QString &fileName);

private:
    void rebuildFromDocument();
    void showSelectedObject();
    void openFile();

    std::unique_ptr<Ui::MainWindow> m_ui;
    document::Document *m_document;
};

} // namespace app
