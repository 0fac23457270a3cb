// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QComboBox;
class QTimer;

namespace app::run {

class MetricChart;
class RunController;
class RunModel;

/// The Charts dock: live charts of the run's metrics (the series `kubecanvas-cli run
/// --metrics` writes, sampled by the same sampler):
///  - evictions per zone (evictions_total) with each zone limiter's rate (zone_eviction_rate);
///  - lease age per node (lease_age_seconds) against node-monitor-grace-period;
///  - capacity, allocatable and requested cpu, memory or pods for the cluster and, dashed,
///    for the node selected in the run;
///  - pods by phase in the cluster.
/// Charts are refreshed a few times per second at most, whatever the run's frame rate.
class ChartsPanel : public QWidget
{
    Q_OBJECT

public:
    /// At most this many nodes have a lease line: the selected node, then the oldest leases.
    static constexpr int kMaxLeaseLines = 10;

    ChartsPanel(RunController *controller, QWidget *parent = nullptr);

    MetricChart *evictionsChart() const { return m_evictions; }
    MetricChart *leaseChart() const { return m_leases; }
    MetricChart *resourcesChart() const { return m_resources; }
    MetricChart *podsChart() const { return m_pods; }
    QComboBox *resourceBox() const { return m_resource; }

    /// Rebuilds every chart from the model now (the refresh timer calls it).
    void refresh();

private:
    void scheduleRefresh();
    void refreshEvictions(double end);
    void refreshLeases(double end);
    void refreshResources(double end);
    void refreshPods(double end);

    RunController *m_controller;
    RunModel *m_model;
    MetricChart *m_evictions;
    MetricChart *m_leases;
    MetricChart *m_resources;
    MetricChart *m_pods;
    QComboBox *m_resource;
    QTimer *m_refresh;
};

} // namespace app::run
