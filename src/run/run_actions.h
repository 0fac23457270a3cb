// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run_controller.h"

#include <QObject>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QMenu;
class QToolBar;
class QWidget;

namespace app::run {

/// The Run menu, the Run toolbar and the status-bar clock of the main window, all driving
/// one RunController: play, pause, step, run until, reset, and the speed (×1 … ×1000, max).
class RunActions : public QObject
{
    Q_OBJECT

public:
    RunActions(RunController *controller, QWidget *window);

    QMenu *menu() const { return m_menu; }
    QToolBar *toolBar() const { return m_toolBar; }
    /// "t 1:23.456 / 10:00.000 · ×10 · running", for the status bar.
    QLabel *clockLabel() const { return m_clock; }

    QAction *playAction() const { return m_play; }
    QAction *pauseAction() const { return m_pause; }
    QAction *stepAction() const { return m_step; }
    QAction *runUntilAction() const { return m_runUntil; }
    QAction *resetAction() const { return m_reset; }
    /// File > Save Run Report…: the CLI's HTML report of the run so far.
    QAction *saveReportAction() const { return m_saveReport; }
    /// Run > Scenario Library: one action per bundled scenario.
    QMenu *scenarioMenu() const { return m_scenarios; }

    /// Asks for a duration ("90s", "5m", "1h2m") and runs until then.
    void askRunUntil();
    /// Asks for a folder and writes the report there (index.html).
    void askSaveReport();

signals:
    /// A bundled scenario was chosen (":/scenarios/NAME.yaml"): the window opens it.
    void scenarioChosen(const QString &resource);

private:
    void updateState();
    void updateClock();

    RunController *m_controller;
    QWidget *m_window;
    QMenu *m_menu;
    QToolBar *m_toolBar;
    QLabel *m_clock;
    QComboBox *m_speedBox;
    QActionGroup *m_speedGroup;
    QAction *m_play;
    QAction *m_pause;
    QAction *m_step;
    QAction *m_runUntil;
    QAction *m_reset;
    QAction *m_saveReport;
    QMenu *m_scenarios;
};

} // namespace app::run
