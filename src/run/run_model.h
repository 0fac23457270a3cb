// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run_frame.h"
#include "run_object.h"

#include "emulator/report/event_record.h"
#include "emulator/report/metrics_recorder.h"

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QStringList>

#include <memory>
#include <vector>

namespace app::run {

/// The GUI's view of a run: the latest snapshot (nodes, leases, zones, pods), every event so
/// far, and every metric sample (series by metric and object, with the names of
/// `kubecanvas-cli run --metrics`). The RunController feeds it frames; the events, charts and
/// inspector docks, and later the canvas, read it and follow its signals. It also holds the
/// run's own selection: objects such as pool nodes and pods exist only in the run.
/// GUI thread only.
class RunModel : public QObject
{
    Q_OBJECT

public:
    using PodPtr = std::shared_ptr<const emu::store::Pod>;

    explicit RunModel(QObject *parent = nullptr);
    ~RunModel() override;

    // --- Latest state
    bool hasSnapshot() const { return m_snapshot != nullptr; }
    emu::SimTime time() const;
    const emu::sim::ClusterSnapshot *snapshot() const { return m_snapshot.get(); }
    std::shared_ptr<const emu::store::Node> node(const QString &name) const;
    std::shared_ptr<const emu::store::Lease> lease(const QString &nodeName) const;
    const std::vector<PodPtr> &pods() const { return m_pods; }
    PodPtr pod(const QString &namespaceName, const QString &name) const;
    /// Pods bound to the node, in store order.
    std::vector<PodPtr> podsOnNode(const QString &nodeName) const;

    // --- Events
    const std::vector<emu::report::EventRecord> &events() const { return m_events; }
    /// Indices into events() of those about the object.
    std::vector<std::size_t> eventsFor(const RunObject &object) const;

    // --- Metrics
    /// Every series of the run, decimated (its samples() are not kept).
    const emu::report::MetricsRecorder &metrics() const { return *m_metrics; }
    /// One series as (seconds, value), decimated as the HTML report draws it (at most
    /// kMaxPointsPerSeries points; runs of equal values and spikes kept); empty if it was
    /// never recorded. The model keeps no other copy of the samples: a 5,000-node hour
    /// records some 50 million.
    std::vector<QPointF> series(const QString &metric, const QString &object) const;
    static constexpr std::size_t kMaxPointsPerSeries = emu::report::MetricsRecorder::kDefaultMaxPointsPerSeries;
    /// Objects that have a series of the metric, in order of first appearance.
    QStringList objectsWithMetric(const QString &metric) const;

    // --- The run's selection
    const RunObject &selectedObject() const { return m_selected; }
    void selectObject(const RunObject &object);

    // --- For the RunController
    void applyFrames(std::vector<RunFrame> frames);
    void clear();

signals:
    /// New frames were applied (snapshot, events and metrics all advanced together).
    void updated();
    /// events() grew by `count` at `first` (before updated()).
    void eventsAppended(int first, int count);
    /// The run was reset: everything is empty.
    void cleared();
    void selectedObjectChanged(const app::run::RunObject &object);

private:
    void applyMetrics(RunFrame &frame);

    std::shared_ptr<const emu::sim::ClusterSnapshot> m_snapshot;
    std::vector<PodPtr> m_pods;
    std::vector<emu::report::EventRecord> m_events;
    std::unique_ptr<emu::report::MetricsRecorder> m_metrics;
    std::vector<std::string> m_workerMetricNames;
    std::vector<std::string> m_workerObjectNames;
    QHash<quint64, emu::report::MetricsRecorder::SeriesId> m_seriesByWorkerIds;
    QHash<QString, emu::report::MetricsRecorder::SeriesId> m_seriesByName; // "metric\tobject"
    QHash<QString, QStringList> m_objectsByMetric; // in order of first appearance
    RunObject m_selected;
};

} // namespace app::run
