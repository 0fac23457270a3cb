// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

class QDockWidget;
class QMainWindow;

namespace app::document { class Document; class SelectionModel; }

namespace app::run {

class ChartsPanel;
class EventsPanel;
class InspectorPanel;
class RunController;

/// The run mode's docks of the main window: Events and Charts at the bottom (beside the
/// problems), the Inspector on the right (beside the properties). It also follows the
/// document's selection: selecting a Node or Pod the project defines selects it in the run.
class RunDocks : public QObject
{
    Q_OBJECT

public:
    /// Adds the docks to `window`; `besideBottom` and `besideRight` are the docks they are
    /// tabbed with (may be null).
    RunDocks(QMainWindow *window, RunController *controller, const document::Document *document,
             document::SelectionModel *selection, QDockWidget *besideBottom, QDockWidget *besideRight);

    QDockWidget *eventsDock() const { return m_eventsDock; }
    QDockWidget *chartsDock() const { return m_chartsDock; }
    QDockWidget *inspectorDock() const { return m_inspectorDock; }
    EventsPanel *eventsPanel() const { return m_events; }
    ChartsPanel *chartsPanel() const { return m_charts; }
    InspectorPanel *inspectorPanel() const { return m_inspector; }

    /// Brings the run's docks to the front with room for the charts (when a run starts).
    void showRunDocks();
    /// Redraws the charts and the inspector now instead of at their next refresh tick.
    void refreshNow();

private:
    void followDocumentSelection();

    QMainWindow *m_window;
    RunController *m_controller;
    const document::Document *m_document;
    document::SelectionModel *m_selection;
    EventsPanel *m_events;
    ChartsPanel *m_charts;
    InspectorPanel *m_inspector;
    QDockWidget *m_eventsDock;
    QDockWidget *m_chartsDock;
    QDockWidget *m_inspectorDock;
    bool m_shown = false;
};

} // namespace app::run
