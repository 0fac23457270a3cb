// SPDX-License-Identifier: Apache-2.0
#include "main_window.h"

#include "ui_main_window.h"

#include "document/document.h"
#include "document/document_controller.h"
#include "document/document_validator.h"
#include "document/selection_model.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QMessageBox>
#include <QPixmap>

#include <map>

namespace app {

using namespace app::document;

namespace {
constexpr int uidRole = Qt::UserRole + 1;
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_document(new Document(this))
    , m_controller(new DocumentController(m_document, this))
    , m_validator(new DocumentValidator(m_document, this))
    , m_selection(new SelectionModel(m_document, this))
{
    m_ui->setupUi(this);
    m_ui->yamlView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->splitter->setStretchFactor(1, 2);
    m_ui->splitter->setSizes({320, 900});
    resizeDocks({m_ui->problemsDock}, {120}, Qt::Vertical);
    connect(m_document, &Document::modelReset, this, &MainWindow::rebuildTree);
    connect(m_document, &Document::objectAdded, this, &MainWindow::rebuildTree);
    connect(m_document, &Document::objectRemoved, this, &MainWindow::rebuildTree);
    connect(m_document, &Document::objectChanged, this, &MainWindow::rebuildTree);
    connect(m_validator, &DocumentValidator::problemsChanged, this, &MainWindow::showProblems);
    connect(m_ui->objectTree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        const QVariant uid = item ? item->data(0, uidRole) : QVariant();
        if (uid.isValid())
            m_selection->select(uid.toULongLong());
    });
    connect(m_selection, &SelectionModel::selectionChanged, this, &MainWindow::showSelectedObject);
    connect(m_ui->actionOpen, &QAction::triggered, this, &MainWindow::openFile);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    rebuildTree();
}

MainWindow::~MainWindow() = default;

bool MainWindow::openProject(const QString &path, QString *error)
{
    return m_controller->openProject(path, error);
}

void MainWindow::rebuildTree()
{
    const QString name = m_document->filePath().isEmpty()
                             ? tr("Untitled")
                             : QFileInfo(m_document->filePath()).fileName();
    setWindowTitle(tr("%1 — KubeCanvas").arg(name));

    const QSignalBlocker blocker(m_ui->objectTree);
    m_ui->objectTree->clear();
    std::map<QString, QTreeWidgetItem *> kindItems;
    for (const ManifestEntry &e : m_document->entries()) {
        const QString kind = e.identity.kind.empty() ? tr("(not an object)")
                                                      : QString::fromStdString(e.identity.kind);
        QTreeWidgetItem *&kindItem = kindItems[kind];
        if (!kindItem) {
            kindItem = new QTreeWidgetItem(m_ui->objectTree, {kind});
            kindItem->setExpanded(true);
        }
        auto *item = new QTreeWidgetItem(kindItem, {QString::fromStdString(e.identity.name),
                                                    QString::fromStdString(e.identity.namespaceName)});
        item->setData(0, uidRole, QVariant::fromValue<qulonglong>(e.uid));
        if (e.uid == m_selection->current())
            m_ui->objectTree->setCurrentItem(item);
    }
    for (auto &[kind, item] : kindItems)
        item->setText(0, QStringLiteral("%1 (%2)").arg(kind).arg(item->childCount()));
    m_ui->objectTree->resizeColumnToContents(0);
    // Start with something to read: the first object's YAML.
    if (m_selection->current() == kNoObject && m_document->count() > 0)
        m_selection->select(m_document->entries().front().uid);
}

void MainWindow::showProblems()
{
    m_ui->problemList->clear();
    for (const Problem &p : m_validator->problems()) {
        const ManifestEntry *e = m_document->entry(p.uid);
        QString where = p.fileLocation(*m_document);
        if (where.isEmpty() && e)
            where = e->identity.displayName();
        m_ui->problemList->addItem(QStringLiteral("%1: %2: %3")
                                       .arg(where, p.isError() ? tr("error") : tr("warning"),
                                            p.text()));
    }
    if (m_validator->problems().empty())
        m_ui->problemList->addItem(tr("No problems found."));
    statusBar()->showMessage(tr("%1 objects, %2 problems")
                                 .arg(m_document->count())
                                 .arg(m_validator->problems().size()));
}

void MainWindow::showSelectedObject()
{
    const ManifestEntry *e = m_document->entry(m_selection->current());
    if (!e) {
        m_ui->yamlView->clear();
        return;
    }
    m_ui->yamlView->setPlainText(QString::fromStdString(e->text()));
}

void MainWindow::openFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open project or manifests"), QString(),
        tr("Kubernetes manifests (*.yaml *.yml *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openProject(path, &error))
        QMessageBox::warning(this, tr("Cannot open"), error);
}

bool MainWindow::saveScreenshot(const QString &fileName)
{
    m_validator->validateNow();
    return grab().save(fileName, "PNG");
}

} // namespace app
