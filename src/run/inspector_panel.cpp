// SPDX-License-Identifier: Apache-2.0
#include "inspector_panel.h"

#include "object_describer.h"
#include "run_clock.h"
#include "run_model.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace app::run {

InspectorPanel::InspectorPanel(RunModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_refresh(new QTimer(this))
{
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 1);
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(250);
    connect(m_refresh, &QTimer::timeout, this, &InspectorPanel::refresh);
    connect(model, &RunModel::updated, this, [this] {
        if (!m_refresh->isActive())
            m_refresh->start();
    });
    connect(model, &RunModel::cleared, this, &InspectorPanel::refresh);
    connect(model, &RunModel::selectedObjectChanged, this, &InspectorPanel::refresh);
    refresh();
}

QString InspectorPanel::text() const
{
    return m_text->toPlainText();
}

void InspectorPanel::refresh()
{
    const RunObject &object = m_model->selectedObject();
    m_title->setText(object.isNull() ? tr("No object selected")
                                     : tr("<b>%1</b> at t %2")
                                           .arg(object.displayName().toHtmlEscaped(), formatClock(m_model->time())));
    // Keep the reader's place while the text is replaced.
    const int scroll = m_text->verticalScrollBar()->value();
    m_text->setPlainText(ObjectDescriber(*m_model).describe(object));
    m_text->verticalScrollBar()->setValue(scroll);
}

} // namespace app::run
