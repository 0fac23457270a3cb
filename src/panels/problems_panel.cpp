// SPDX-License-Identifier: Apache-2.0
#include "problems_panel.h"

#include "ui_problems_panel.h"

#include "document/document.h"
#include "document/document_validator.h"

#include <QStyle>

namespace app::panels {

using namespace app::document;

namespace {
constexpr int uidRole = Qt::UserRole + 1;
constexpr int lineRole = Qt::UserRole + 2;
constexpr int columnRole = Qt::UserRole + 3;
} // namespace

ProblemsPanel::ProblemsPanel(Document *document, DocumentValidator *validator, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ProblemsPanel>())
    , m_document(document)
    , m_validator(validator)
{
    m_ui->setupUi(this);
    m_ui->errorsButton->setIcon(style()->standardIcon(QStyle::SP_MessageBoxCritical));
    m_ui->warningsButton->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_ui->problemTree->setColumnWidth(0, 260);
    m_ui->problemTree->setColumnWidth(1, 150);
    connect(m_validator, &DocumentValidator::problemsChanged, this, &ProblemsPanel::rebuild);
    connect(m_ui->errorsButton, &QToolButton::toggled, this, &ProblemsPanel::rebuild);
    connect(m_ui->warningsButton, &QToolButton::toggled, this, &ProblemsPanel::rebuild);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, &ProblemsPanel::rebuild);
    connect(m_ui->problemTree, &QTreeWidget::itemActivated, this, &ProblemsPanel::activate);
    connect(m_ui->problemTree, &QTreeWidget::itemClicked, this, &ProblemsPanel::activate);
    rebuild();
}

ProblemsPanel::~ProblemsPanel() = default;

void ProblemsPanel::rebuild()
{
    m_ui->problemTree->clear();
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const QString filter = m_ui->filterEdit->text();
    QList<QTreeWidgetItem *> items;
    for (const Problem &p : m_validator->problems()) {
        if (!(p.isError() ? m_ui->errorsButton : m_ui->warningsButton)->isChecked())
            continue;
        const ManifestEntry *e = m_document->entry(p.uid);
        const QString object = e ? e->identity.displayName() : QString();
        QString location = p.fileLocation(*m_document);
        if (location.isEmpty() && p.pos.isKnown())
            location = tr("line %1").arg(p.pos.line);
        const QString text = p.text();
        if (!filter.isEmpty() && !object.contains(filter, Qt::CaseInsensitive)
            && !text.contains(filter, Qt::CaseInsensitive))
            continue;
        auto *item = new QTreeWidgetItem({object, location, text});
        item->setIcon(0, p.isError() ? errorIcon : warningIcon);
        item->setToolTip(2, text);
        item->setData(0, uidRole, QVariant::fromValue<qulonglong>(p.uid));
        item->setData(0, lineRole, int(p.pos.line));
        item->setData(0, columnRole, int(p.pos.column));
        items << item;
    }
    m_ui->problemTree->addTopLevelItems(items);
    m_ui->errorsButton->setText(tr("%n error(s)", nullptr, m_validator->errorCount()));
    m_ui->warningsButton->setText(tr("%n warning(s)", nullptr, m_validator->warningCount()));
}

void ProblemsPanel::activate(QTreeWidgetItem *item)
{
    if (!item)
        return;
    emit problemActivated(item->data(0, uidRole).toULongLong(), qMax(1, item->data(0, lineRole).toInt()),
                          qMax(1, item->data(0, columnRole).toInt()));
}

QStringList ProblemsPanel::rows() const
{
    QStringList out;
    for (int i = 0; i < m_ui->problemTree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_ui->problemTree->topLevelItem(i);
        out << QStringLiteral("%1 | %2 | %3").arg(item->text(0), item->text(1), item->text(2));
    }
    return out;
}

} // namespace app::panels
