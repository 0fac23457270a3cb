// SPDX-License-Identifier: Apache-2.0
#include "main_window.h"

#include "ui_main_window.h"

#include "document/document.h"
#include "emulator/api/yaml_writer.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QMessageBox>
#include <QPixmap>

#include <map>

namespace app {

namespace {
constexpr int manifestIndexRole = Qt::UserRole + 1;
}

MainWindow::MainWindow(document::Document *document, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_document(document)
{
    m_ui->setupUi(this);
    m_ui->yamlView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->splitter->setStretchFactor(1, 2);
    m_ui->splitter->setSizes({320, 900});
    resizeDocks({m_ui->problemsDock}, {120}, Qt::Vertical);
    connect(m_document, &document::Document::modelReset, this, &MainWindow::rebuildFromDocument);
    connect(m_ui->objectTree, &QTreeWidget::currentItemChanged, this,
            &MainWindow::showSelectedObject);
    connect(m_ui->actionOpen, &QAction::triggered, this, &MainWindow::openFile);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    rebuildFromDocument();
}

MainWindow::~MainWindow() = default;

void MainWindow::rebuildFromDocument()
{
    const QString name = m_document->filePath().isEmpty()
                             ? tr("Untitled")
                             : QFileInfo(m_document->filePath()).fileName();
    setWindowTitle(tr("%1 — KubeCanvas").arg(name));

    m_ui->objectTree->clear();
    std::map<QString, QTreeWidgetItem *> kindItems;
    const auto &manifests = m_document->manifests();
    for (std::size_t i = 0; i < manifests.size(); ++i) {
        const auto &m = manifests[i];
        const QString kind = QString::fromStdString(m.kind());
        QTreeWidgetItem *&kindItem = kindItems[kind];
        if (!kindItem) {
            kindItem = new QTreeWidgetItem(m_ui->objectTree, {kind});
            kindItem->setExpanded(true);
        }
        auto *item = new QTreeWidgetItem(kindItem, {QString::fromStdString(m.name()),
                                                    QString::fromStdString(m.namespaceName())});
        item->setData(0, manifestIndexRole, static_cast<qulonglong>(i));
    }
    for (auto &[kind, item] : kindItems)
        item->setText(0, QStringLiteral("%1 (%2)").arg(kind).arg(item->childCount()));
    m_ui->objectTree->resizeColumnToContents(0);

    m_ui->problemList->clear();
    for (const auto &d : m_document->diagnostics())
        m_ui->problemList->addItem(QString::fromStdString(d.format()));
    if (m_document->diagnostics().empty())
        m_ui->problemList->addItem(tr("No problems found."));
    statusBar()->showMessage(tr("%1 objects, %2 problems")
                                 .arg(manifests.size())
                                 .arg(m_document->diagnostics().size()));
    m_ui->yamlView->clear();
    // Start with something to read: the first object's YAML.
    if (QTreeWidgetItem *firstKind = m_ui->objectTree->topLevelItem(0))
        m_ui->objectTree->setCurrentItem(firstKind->child(0));
}

void MainWindow::showSelectedObject()
{
    const QTreeWidgetItem *item = m_ui->objectTree->currentItem();
    const QVariant index = item ? item->data(0, manifestIndexRole) : QVariant();
    if (!index.isValid()) {
        m_ui->yamlView->clear();
        return;
    }
    const auto &manifest = m_document->manifests().at(index.toULongLong());
    m_ui->yamlView->setPlainText(
        QString::fromStdString(emu::api::YamlWriter::toYaml(manifest.object)));
}

void MainWindow::openFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open project or manifests"), QString(),
        tr("Kubernetes manifests (*.yaml *.yml *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_document->load(path, &error))
        QMessageBox::warning(this, tr("Cannot open"), error);
}

bool MainWindow::saveScreenshot(const QString &fileName)
{
    return grab().save(fileName, "PNG");
}

} // namespace app
