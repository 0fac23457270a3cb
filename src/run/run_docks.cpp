// SPDX-License-Identifier: Apache-2.0
#include "run_docks.h"

#include "charts_panel.h"
#include "events_panel.h"
#include "inspector_panel.h"
#include "run_controller.h"
#include "run_model.h"

#include "document/document.h"
#include "document/selection_model.h"

#include <QDockWidget>
#include <QMainWindow>

namespace app::run {

namespace {

QDockWidget *makeDock(QMainWindow *window, const QString &title, const QString &name, QWidget *content)
{
    auto *dock = new QDockWidget(title, window);
    dock->setObjectName(name);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                      | QDockWidget::DockWidgetFloatable);
    dock->setWidget(content);
    return dock;
}

} // namespace

RunDocks::RunDocks(QMainWindow *window, RunController *controller, const document::Document *document,
                   document::SelectionModel *selection, QDockWidget *besideBottom, QDockWidget *besideRight)
    : QObject(window)
    , m_window(window)
    , m_controller(controller)
    , m_document(document)
    , m_selection(selection)
    , m_events(new EventsPanel(controller->model(), document, selection, window))
    , m_charts(new ChartsPanel(controller, window))
    , m_inspector(new InspectorPanel(controller->model(), window))
    , m_eventsDock(makeDock(window, tr("Events"), QStringLiteral("eventsDock"), m_events))
    , m_chartsDock(makeDock(window, tr("Charts"), QStringLiteral("chartsDock"), m_charts))
    , m_inspectorDock(makeDock(window, tr("Inspector"), QStringLiteral("inspectorDock"), m_inspector))
{
    // Events share the bottom-left with the problems; the charts take the bottom-right.
    window->addDockWidget(Qt::BottomDockWidgetArea, m_eventsDock);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_chartsDock);
    window->splitDockWidget(m_eventsDock, m_chartsDock, Qt::Horizontal);
    if (besideBottom)
        window->tabifyDockWidget(besideBottom, m_eventsDock);
    window->addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    if (besideRight)
        window->tabifyDockWidget(besideRight, m_inspectorDock);
    if (besideBottom)
        besideBottom->raise();
    if (besideRight)
        besideRight->raise();
    connect(selection, &document::SelectionModel::selectionChanged, this, &RunDocks::followDocumentSelection);
    connect(controller, &RunController::stateChanged, this, [this] {
        if (m_controller->isPrepared())
            showRunDocks();
        else
            m_shown = false;
    });
}

void RunDocks::showRunDocks()
{
    if (m_shown)
        return;
    m_shown = true;
    m_eventsDock->show();
    m_chartsDock->show();
    m_inspectorDock->show();
    m_eventsDock->raise();
    m_inspectorDock->raise();
    // The charts need height; the editors keep the rest.
    m_window->resizeDocks({m_eventsDock}, {m_window->height() / 2}, Qt::Vertical);
    m_window->resizeDocks({m_eventsDock, m_chartsDock}, {m_window->width() * 2 / 5, m_window->width() * 3 / 5},
                          Qt::Horizontal);
}

void RunDocks::refreshNow()
{
    m_events->scrollToNewest();
    m_charts->refresh();
    m_inspector->refresh();
}

void RunDocks::followDocumentSelection()
{
    const auto *entry = m_document->entry(m_selection->current());
    if (!entry)
        return;
    const auto &id = entry->identity;
    if (id.kind == "Node")
        m_controller->model()->selectObject({QStringLiteral("Node"), {}, QString::fromStdString(id.name)});
    else if (id.kind == "Pod")
        m_controller->model()->selectObject({QStringLiteral("Pod"), QString::fromStdString(id.effectiveNamespace()),
                                             QString::fromStdString(id.name)});
}

} // namespace app::run
