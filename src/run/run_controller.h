// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/core/run_state.h"
#include "emulator/core/sim_time.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <memory>

class QTimer;

namespace emu::sim { class Emulator; class SimulationHost; }
namespace app::document { class Document; }

namespace app::run {

class FrameCollector;
class RunModel;

/// Runs the Document's manifests in the emulator, as `kubecanvas-cli run` does (same loading,
/// validation, options and metrics sampler), on the SimulationHost's worker thread. A timer
/// on the GUI thread takes the worker's frames at frame rate and feeds them to the RunModel:
/// no call here waits for the emulator, except runToSync(), which is for the command line.
///
/// The emulator is built from the document at the first play/step/run-until after creation
/// or reset(); edits made during a run apply at the next reset. GUI thread only.
class RunController : public QObject
{
    Q_OBJECT

public:
    enum class Speed { X1, X10, X100, X1000, Max };
    Q_ENUM(Speed)

    /// How far one step() advances.
    static constexpr emu::SimDuration kStep = emu::SimDuration::seconds(1);
    /// The metrics sampling interval: `kubecanvas-cli run --metrics-interval`'s default.
    static constexpr emu::SimDuration kMetricsInterval = emu::SimDuration::seconds(1);
    /// How often the GUI takes frames (about 60 per second).
    static constexpr int kPollIntervalMs = 16;

    explicit RunController(const document::Document *document, QObject *parent = nullptr);
    ~RunController() override;

    RunModel *model() const { return m_model; }
    /// The project file the run was built from ("" for an untitled project).
    QString projectPath() const;
    bool isPrepared() const { return m_host != nullptr; }
    bool isRunning() const;
    emu::SimTime time() const;
    /// The Scenario's end (its duration), once prepared.
    emu::SimTime endTime() const { return m_endTime; }
    Speed speed() const { return m_speed; }
    static double speedFactor(Speed speed);
    static QString speedName(Speed speed);
    /// The errors that kept the last prepare() from building a cluster, one per line.
    QString lastError() const { return m_lastError; }
    /// The emulator's seed and cluster's grace period (for reports), once prepared.
    std::uint64_t seed() const { return m_seed; }
    double gracePeriodSeconds() const { return m_gracePeriodSeconds; }
    /// Wall-clock seconds the emulator has been running (for the report's summary).
    double wallSeconds() const;

    /// Builds the emulator from the document (paused at t = 0). False, with lastError(),
    /// when the project has errors; true if already prepared.
    bool prepare();

    /// Runs to the scenario's end at the current speed (past the end: without end).
    void play();
    void pause();
    /// Advances kStep of simulated time at once.
    void step();
    /// Runs at the current speed until `t`, then pauses.
    void runUntil(emu::SimTime t);
    void setSpeed(Speed speed);
    /// Throws the run away; the next play builds it again from the document.
    void reset();
    /// Runs as fast as possible to `t`, waiting for it, then takes every frame (for
    /// `kubecanvas --run-until`). False if the project cannot run.
    bool runToSync(emu::SimTime t);

    /// Takes the worker's frames into the model (the timer calls it; tests may too).
    void poll();

signals:
    /// Running, paused, prepared or reset.
    void stateChanged();
    void timeChanged(emu::SimTime time);
    void speedChanged(app::run::RunController::Speed speed);
    /// prepare() failed: `message` says why.
    void failed(const QString &message);

private:
    const document::Document *m_document;
    RunModel *m_model;
    QTimer *m_timer;
    std::unique_ptr<FrameCollector> m_collector;
    std::unique_ptr<emu::sim::SimulationHost> m_host; // destroyed before m_collector
    emu::SimTime m_endTime;
    Speed m_speed = Speed::X10;
    emu::RunState m_lastState = emu::RunState::Paused;
    QString m_lastError;
    std::uint64_t m_seed = 0;
    double m_gracePeriodSeconds = 0;
    QElapsedTimer m_wallClock; // valid while running
    qint64 m_wallMs = 0;       // earlier running spans
};

} // namespace app::run
