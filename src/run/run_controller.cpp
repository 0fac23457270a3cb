// SPDX-License-Identifier: Apache-2.0
#include "run_controller.h"

#include "frame_collector.h"
#include "run_model.h"

#include "document/document.h"

#include "emulator/sim/emulator.h"
#include "emulator/sim/project_validation.h"
#include "emulator/sim/simulation_host.h"

#include <QStringList>
#include <QTimer>

#include <chrono>
#include <thread>

namespace app::run {

RunController::RunController(const document::Document *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_model(new RunModel(this))
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(kPollIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &RunController::poll);
}

RunController::~RunController()
{
    m_host.reset(); // joins the worker, which calls into the collector
}

QString RunController::projectPath() const
{
    return m_document->filePath();
}

bool RunController::isRunning() const
{
    return m_host && m_host->state() == emu::RunState::Running;
}

emu::SimTime RunController::time() const
{
    return m_model->time();
}

double RunController::speedFactor(Speed speed)
{
    switch (speed) {
    case Speed::X1: return 1;
    case Speed::X10: return 10;
    case Speed::X100: return 100;
    case Speed::X1000: return 1000;
    case Speed::Max: return 0; // Runner: <= 0 runs as fast as possible
    }
    return 1;
}

QString RunController::speedName(Speed speed)
{
    switch (speed) {
    case Speed::X1: return tr("×1");
    case Speed::X10: return tr("×10");
    case Speed::X100: return tr("×100");
    case Speed::X1000: return tr("×1000");
    case Speed::Max: return tr("max");
    }
    return {};
}

bool RunController::prepare()
{
    if (m_host)
        return true;
    // The CLI's path: the project's objects as manifests, the project checks, then the
    // emulator with default options (the Scenario's seed and duration).
    std::vector<emu::api::Manifest> manifests;
    for (const document::ManifestEntry &e : m_document->entries())
        if (e.content.isObject())
            manifests.push_back({e.object(), e.file.toStdString(), {}, {}});
    emu::api::Diagnostics diagnostics;
    emu::sim::validateProject(manifests, diagnostics);
    std::unique_ptr<emu::sim::Emulator> emulator;
    if (!emu::api::hasErrors(diagnostics))
        emulator = emu::sim::Emulator::create(manifests, {}, diagnostics);
    if (!emulator) {
        QStringList lines;
        for (const emu::api::Diagnostic &d : diagnostics)
            if (d.severity == emu::api::Severity::Error)
                lines << QString::fromStdString(d.format());
        m_lastError = lines.isEmpty() ? tr("The project cannot be run.") : lines.join('\n');
        emit failed(m_lastError);
        return false;
    }
    m_lastError.clear();
    m_endTime = emulator->endTime();
    m_seed = emulator->seed();
    m_gracePeriodSeconds = emulator->cluster().controllerManager.nodeMonitorGracePeriodMs / 1000.0;
    m_collector = std::make_unique<FrameCollector>(*emulator, kMetricsInterval);
    emu::sim::Emulator *raw = emulator.get();
    FrameCollector *collector = m_collector.get();
    m_host = std::make_unique<emu::sim::SimulationHost>(
        std::move(emulator),
        [collector](std::shared_ptr<const emu::sim::ClusterSnapshot> s) { collector->collect(std::move(s)); });
    // Posted after the host's own post of Emulator::start(): sampling begins at t = 0 with
    // the cluster in place, as in the CLI.
    raw->engine().post([collector] { collector->startSampling(); });
    m_host->setSpeed(speedFactor(m_speed));
    m_host->start();
    m_timer->start();
    emit stateChanged();
    return true;
}

void RunController::play()
{
    if (!prepare())
        return;
    if (m_host->now() < m_endTime)
        m_host->runUntil(m_endTime);
    else
        m_host->resume();
    m_lastState = emu::RunState::Running;
    emit stateChanged();
}

void RunController::pause()
{
    if (!m_host)
        return;
    m_host->pause();
    m_lastState = emu::RunState::Paused;
    emit stateChanged();
}

void RunController::step()
{
    if (!prepare())
        return;
    m_host->stepSlice(kStep);
    m_lastState = emu::RunState::Paused;
    emit stateChanged();
}

void RunController::runUntil(emu::SimTime t)
{
    if (!prepare())
        return;
    m_host->runUntil(t);
    m_lastState = emu::RunState::Running;
    emit stateChanged();
}

void RunController::setSpeed(Speed speed)
{
    if (speed == m_speed)
        return;
    m_speed = speed;
    if (m_host)
        m_host->setSpeed(speedFactor(speed));
    emit speedChanged(speed);
}

double RunController::wallSeconds() const
{
    return static_cast<double>(m_wallMs + (m_wallClock.isValid() ? m_wallClock.elapsed() : 0)) / 1000.0;
}

void RunController::reset()
{
    m_wallMs = 0;
    m_wallClock.invalidate();
    m_host.reset();
    m_collector.reset();
    m_timer->stop();
    m_lastState = emu::RunState::Paused;
    m_model->clear();
    emit timeChanged(emu::SimTime());
    emit stateChanged();
}

bool RunController::runToSync(emu::SimTime t)
{
    if (!prepare())
        return false;
    m_host->setSpeed(0);
    m_host->runUntil(t);
    QElapsedTimer wall;
    wall.start();
    // The worker publishes the frame at t just after its clock reaches t: wait for that
    // frame itself, not for the clock.
    while (m_model->time() < t) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        poll();
    }
    m_wallMs += wall.elapsed();
    m_host->setSpeed(speedFactor(m_speed));
    m_lastState = emu::RunState::Paused;
    emit stateChanged();
    return true;
}

void RunController::poll()
{
    if (!m_collector)
        return;
    const emu::SimTime before = m_model->time();
    m_model->applyFrames(m_collector->takeFrames());
    if (m_model->time() != before)
        emit timeChanged(m_model->time());
    // A run that reached its end pauses by itself: tell the buttons.
    const emu::RunState state = m_host->state();
    if (state == emu::RunState::Running && !m_wallClock.isValid()) {
        m_wallClock.start();
    } else if (state != emu::RunState::Running && m_wallClock.isValid()) {
        m_wallMs += m_wallClock.elapsed();
        m_wallClock.invalidate();
    }
    if (state != m_lastState) {
        m_lastState = state;
        emit stateChanged();
    }
}

} // namespace app::run
