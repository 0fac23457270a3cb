// SPDX-License-Identifier: Apache-2.0
#include "run_actions.h"

#include "run_clock.h"
#include "run_report.h"
#include "scenario_library.h"

#include "emulator/api/go_duration.h"

#include <QActionGroup>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QStyle>
#include <QToolBar>
#include <QUrl>
#include <QWidget>

namespace app::run {

namespace {

constexpr RunController::Speed allSpeeds[] = {RunController::Speed::X1, RunController::Speed::X10,
                                             RunController::Speed::X100, RunController::Speed::X1000,
                                             RunController::Speed::Max};

} // namespace

RunActions::RunActions(RunController *controller, QWidget *window)
    : QObject(window)
    , m_controller(controller)
    , m_window(window)
    , m_menu(new QMenu(tr("&Run"), window))
    , m_toolBar(new QToolBar(tr("Run"), window))
    , m_clock(new QLabel(window))
    , m_speedBox(new QComboBox(window))
    , m_speedGroup(new QActionGroup(this))
{
    QStyle *style = window->style();
    m_play = new QAction(style->standardIcon(QStyle::SP_MediaPlay), tr("&Play"), this);
    m_play->setShortcut(Qt::Key_F5);
    m_play->setToolTip(tr("Run the scenario to its end at the chosen speed (F5)"));
    m_pause = new QAction(style->standardIcon(QStyle::SP_MediaPause), tr("P&ause"), this);
    m_pause->setShortcut(Qt::SHIFT | Qt::Key_F5);
    m_step = new QAction(style->standardIcon(QStyle::SP_MediaSeekForward), tr("&Step 1 s"), this);
    m_step->setShortcut(Qt::Key_F10);
    m_step->setToolTip(tr("Advance one simulated second (F10)"));
    m_runUntil = new QAction(style->standardIcon(QStyle::SP_MediaSkipForward), tr("Run &Until…"), this);
    m_reset = new QAction(style->standardIcon(QStyle::SP_MediaStop), tr("&Reset"), this);
    m_reset->setToolTip(tr("Throw the run away; the next Play starts again from the project"));
    m_saveReport = new QAction(tr("Save Run &Report…"), this);
    m_saveReport->setToolTip(tr("Write the run so far as the HTML report of kubecanvas-cli run --report"));
    m_pause->setObjectName("runPause");
    m_play->setObjectName("runPlay");

    connect(m_play, &QAction::triggered, controller, &RunController::play);
    connect(m_pause, &QAction::triggered, controller, &RunController::pause);
    connect(m_step, &QAction::triggered, controller, &RunController::step);
    connect(m_runUntil, &QAction::triggered, this, &RunActions::askRunUntil);
    connect(m_reset, &QAction::triggered, controller, &RunController::reset);
    connect(m_saveReport, &QAction::triggered, this, &RunActions::askSaveReport);

    m_menu->addActions({m_play, m_pause, m_step, m_runUntil, m_reset});
    m_menu->addSeparator();
    m_scenarios = m_menu->addMenu(tr("Scenario &Library"));
    m_scenarios->setToolTipsVisible(true);
    for (const QString &resource : ScenarioLibrary::resources()) {
        QAction *action = m_scenarios->addAction(ScenarioLibrary::title(resource));
        action->setToolTip(ScenarioLibrary::explanation(resource));
        action->setData(resource);
        connect(action, &QAction::triggered, this, [this, resource] { emit scenarioChosen(resource); });
    }
    QMenu *speedMenu = m_menu->addMenu(tr("Spee&d"));
    for (const RunController::Speed speed : allSpeeds) {
        QAction *action = speedMenu->addAction(RunController::speedName(speed));
        action->setCheckable(true);
        action->setChecked(speed == controller->speed());
        action->setData(static_cast<int>(speed));
        m_speedGroup->addAction(action);
        connect(action, &QAction::triggered, controller, [controller, speed] { controller->setSpeed(speed); });
        m_speedBox->addItem(RunController::speedName(speed), static_cast<int>(speed));
    }
    m_speedBox->setToolTip(tr("Simulated seconds per second"));
    m_speedBox->setCurrentIndex(m_speedBox->findData(static_cast<int>(controller->speed())));
    connect(m_speedBox, &QComboBox::activated, controller, [this, controller](int index) {
        controller->setSpeed(static_cast<RunController::Speed>(m_speedBox->itemData(index).toInt()));
    });
    connect(controller, &RunController::speedChanged, this, [this](RunController::Speed speed) {
        m_speedBox->setCurrentIndex(m_speedBox->findData(static_cast<int>(speed)));
        for (QAction *action : m_speedGroup->actions())
            action->setChecked(action->data().toInt() == static_cast<int>(speed));
        updateClock();
    });

    m_toolBar->setObjectName("runToolBar");
    m_toolBar->addActions({m_play, m_pause, m_step, m_runUntil, m_reset});
    m_toolBar->addWidget(m_speedBox);

    m_clock->setObjectName("runClock");
    m_clock->setMinimumWidth(m_clock->fontMetrics().horizontalAdvance("t 000:00.000 / 000:00 · ×1000 · running"));
    connect(controller, &RunController::stateChanged, this, &RunActions::updateState);
    connect(controller, &RunController::timeChanged, this, &RunActions::updateClock);
    connect(controller, &RunController::failed, this, [this](const QString &message) {
        // Not modal: the failure is reported, nothing waits on the answer.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot run"),
                                    tr("The project has errors; fix them to run it.\n\n%1").arg(message),
                                    QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    updateState();
}

void RunActions::askRunUntil()
{
    bool ok = false;
    const QString text = QInputDialog::getText(m_window, tr("Run Until"),
                                               tr("Simulated time to stop at (e.g. 90s, 5m, 1h2m):"),
                                               QLineEdit::Normal, QStringLiteral("5m"), &ok);
    if (!ok)
        return;
    std::string error;
    const auto ns = emu::api::parseGoDuration(text.trimmed().toStdString(), &error);
    if (!ns || *ns < 0) {
        QMessageBox::warning(m_window, tr("Run Until"), tr("Not a duration: \"%1\"").arg(text));
        return;
    }
    m_controller->runUntil(emu::SimTime::fromNs(*ns));
}

void RunActions::askSaveReport()
{
    const QString project = m_controller->projectPath();
    const QString base = project.isEmpty() ? QStringLiteral("run-report")
                                           : QFileInfo(project).completeBaseName() + QStringLiteral("-report");
    const QString start = project.isEmpty() ? QDir::home().filePath(base) : QFileInfo(project).dir().filePath(base);
    const QString dir = QFileDialog::getSaveFileName(m_window, tr("Save Run Report (a folder)"), start);
    if (dir.isEmpty())
        return;
    QString error;
    if (!saveRunReport(*m_controller, dir, project.isEmpty() ? QStringList{tr("untitled project")} : QStringList{project},
                       &error)) {
        QMessageBox::warning(m_window, tr("Save Run Report"), error);
        return;
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(QDir(dir).filePath(QStringLiteral("index.html"))));
}

void RunActions::updateState()
{
    const bool running = m_controller->isRunning();
    m_play->setEnabled(!running);
    m_pause->setEnabled(running);
    m_reset->setEnabled(m_controller->isPrepared());
    m_saveReport->setEnabled(m_controller->isPrepared());
    updateClock();
}

void RunActions::updateClock()
{
    QString text = tr("t %1").arg(formatClock(m_controller->time()));
    if (m_controller->isPrepared())
        text += QStringLiteral(" / ") + formatClock(m_controller->endTime());
    text += QStringLiteral(" · ") + RunController::speedName(m_controller->speed()) + QStringLiteral(" · ");
    text += m_controller->isRunning() ? tr("running") : m_controller->isPrepared() ? tr("paused") : tr("not started");
    m_clock->setText(text);
}

} // namespace app::run
