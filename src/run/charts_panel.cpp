// SPDX-License-Identifier: Apache-2.0
#include "charts_panel.h"

#include "metric_chart.h"
#include "run_controller.h"
#include "run_model.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>

#include <algorithm>
#include <iterator>
#include <cmath>
#include <limits>

namespace app::run {

namespace {

constexpr int kRefreshIntervalMs = 250;

const char *const podPhases[] = {"pending", "running", "succeeded", "failed", "unknown"};
const QColor phaseColors[] = {QColor(0xe0, 0xa0, 0x00), QColor(0x2e, 0x8b, 0x3e), QColor(0x4a, 0x7a, 0xc0),
                              QColor(0xc0, 0x30, 0x30), QColor(0x80, 0x80, 0x80)};

QString stripPrefix(const QString &object)
{
    const int slash = object.indexOf('/');
    return slash < 0 ? object : object.mid(slash + 1);
}

} // namespace

ChartsPanel::ChartsPanel(RunController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(controller->model())
    , m_evictions(new MetricChart(tr("Evictions per zone, dashed: rate per second"), QString(), this))
    , m_leases(new MetricChart(tr("Lease age per node"), tr("s"), this))
    , m_resources(new MetricChart(tr("Resources"), tr("millicores"), this))
    , m_pods(new MetricChart(tr("Pods by phase"), tr("pods"), this))
    , m_resource(new QComboBox(this))
    , m_refresh(new QTimer(this))
{
    m_evictions->setObjectName("evictionsChart");
    m_leases->setObjectName("leaseChart");
    m_resources->setObjectName("resourcesChart");
    m_pods->setObjectName("podsChart");
    m_resource->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_resource->addItem(tr("Memory"), QStringLiteral("memory"));
    m_resource->addItem(tr("Pods"), QStringLiteral("pods"));

    auto *top = new QHBoxLayout;
    top->addStretch(1);
    top->addWidget(new QLabel(tr("Resource:"), this));
    top->addWidget(m_resource);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(2, 2, 2, 2);
    grid->setSpacing(4);
    grid->addLayout(top, 0, 0, 1, 2);
    grid->addWidget(m_evictions, 1, 0);
    grid->addWidget(m_leases, 1, 1);
    grid->addWidget(m_resources, 2, 0);
    grid->addWidget(m_pods, 2, 1);

    m_refresh->setSingleShot(true);
    m_refresh->setInterval(kRefreshIntervalMs);
    connect(m_refresh, &QTimer::timeout, this, &ChartsPanel::refresh);
    connect(m_model, &RunModel::updated, this, &ChartsPanel::scheduleRefresh);
    connect(m_model, &RunModel::cleared, this, &ChartsPanel::refresh);
    connect(m_model, &RunModel::selectedObjectChanged, this, &ChartsPanel::refresh);
    connect(m_resource, &QComboBox::currentIndexChanged, this, &ChartsPanel::refresh);
    refresh();
}

void ChartsPanel::scheduleRefresh()
{
    if (!m_refresh->isActive())
        m_refresh->start();
}

void ChartsPanel::refresh()
{
    const double end = m_controller->time().toSeconds();
    refreshEvictions(end);
    refreshLeases(end);
    refreshResources(end);
    refreshPods(end);
}

void ChartsPanel::refreshEvictions(double end)
{
    // A zone's count (solid) and its limiter's rate (dashed, right axis) share a colour.
    const QColor zoneColors[] = {QColor(0x30, 0x60, 0xb0), QColor(0xd0, 0x70, 0x10), QColor(0x2e, 0x8b, 0x3e),
                                 QColor(0x90, 0x40, 0xa0), QColor(0xc0, 0x30, 0x30), QColor(0x40, 0xa0, 0xa0)};
    const QStringList zones = m_model->objectsWithMetric(QStringLiteral("evictions_total"));
    std::vector<MetricChart::Line> lines;
    for (int i = 0; i < zones.size(); ++i) {
        const QString name = stripPrefix(zones[i]).isEmpty() ? tr("(no zone)") : stripPrefix(zones[i]);
        MetricChart::Line count(name, QStringLiteral("evictions_total"), zones[i],
                                m_model->series(QStringLiteral("evictions_total"), zones[i]));
        count.color = zoneColors[i % std::size(zoneColors)];
        lines.push_back(std::move(count));
    }
    // Upstream's evictionLimiterQPS per zone: the primary rate in a Normal zone (and a fully
    // disrupted one while others are healthy), the secondary rate or 0 in PartialDisruption.
    for (int i = 0; i < zones.size(); ++i) {
        const QString name = stripPrefix(zones[i]).isEmpty() ? tr("(no zone)") : stripPrefix(zones[i]);
        MetricChart::Line rate(tr("%1 rate").arg(name), QStringLiteral("zone_eviction_rate"), zones[i],
                               m_model->series(QStringLiteral("zone_eviction_rate"), zones[i]));
        rate.color = zoneColors[i % std::size(zoneColors)];
        rate.dashed = true;
        rate.rightAxis = true;
        lines.push_back(std::move(rate));
    }
    m_evictions->setLines(std::move(lines), end);
    m_evictions->setRightAxisTitle(tr("evictions per second"));
}

void ChartsPanel::refreshLeases(double end)
{
    const QString metric = QStringLiteral("lease_age_seconds");
    QStringList nodes = m_model->objectsWithMetric(metric);
    // With many nodes, show those that matter: the selected one, then the oldest leases now.
    if (nodes.size() > kMaxLeaseLines && m_model->hasSnapshot()) {
        std::vector<std::pair<double, QString>> ages;
        const emu::SimTime now = m_model->time();
        for (const auto &lease : m_model->snapshot()->leases)
            if (lease->renewTime)
                ages.emplace_back((now - *lease->renewTime).toSeconds(),
                                  QStringLiteral("Node/") + QString::fromStdString(lease->meta.name));
        const std::size_t keep = std::min<std::size_t>(ages.size(), kMaxLeaseLines);
        std::partial_sort(ages.begin(), ages.begin() + static_cast<std::ptrdiff_t>(keep), ages.end(),
                          [](const auto &a, const auto &b) { return a.first > b.first; });
        nodes.clear();
        const RunObject &selected = m_model->selectedObject();
        if (selected.kind == QLatin1String("Node"))
            nodes << QStringLiteral("Node/") + selected.name;
        for (std::size_t i = 0; i < keep && nodes.size() < kMaxLeaseLines; ++i)
            if (!nodes.contains(ages[i].second))
                nodes << ages[i].second;
    }
    std::vector<MetricChart::Line> lines;
    for (const QString &node : nodes)
        lines.emplace_back(stripPrefix(node), metric, node, m_model->series(metric, node));
    const double grace = m_controller->isPrepared() ? m_controller->gracePeriodSeconds()
                                                    : std::numeric_limits<double>::quiet_NaN();
    m_leases->setReferenceLine(tr("grace period"), grace);
    m_leases->setLines(std::move(lines), end);
}

void ChartsPanel::refreshResources(double end)
{
    const QString resource = m_resource->currentData().toString();
    const QString unit = resource == QLatin1String("cpu") ? tr("millicores")
                         : resource == QLatin1String("memory") ? tr("bytes") : tr("pods");
    const RunObject &selected = m_model->selectedObject();
    QStringList objects{QStringLiteral("cluster")};
    if (selected.kind == QLatin1String("Node"))
        objects << QStringLiteral("Node/") + selected.name;
    const QColor colors[] = {QColor(0x30, 0x60, 0xb0), QColor(0x2e, 0x8b, 0x3e), QColor(0xd0, 0x70, 0x10)};
    const char *kinds[] = {"capacity", "allocatable", "requested"};
    const QString nodeLabels[] = {tr("node cap."), tr("node alloc."), tr("node req.")};
    std::vector<MetricChart::Line> lines;
    for (const QString &object : objects) {
        const bool node = object != QLatin1String("cluster");
        for (int i = 0; i < 3; ++i) {
            const QString metric = QStringLiteral("%1_%2").arg(QLatin1String(kinds[i]), resource);
            MetricChart::Line line(node ? nodeLabels[i] : QString::fromLatin1(kinds[i]),
                                   metric, object, m_model->series(metric, object));
            line.color = colors[i];
            line.dashed = node;
            line.rightAxis = node; // a node is much smaller than the cluster
            lines.push_back(std::move(line));
        }
    }
    const QString scope = objects.size() > 1 ? tr("cluster; dashed, right: %1").arg(selected.name) : tr("cluster");
    m_resources->setTitle(tr("%1, %2").arg(m_resource->currentText(), scope), unit);
    m_resources->setLines(std::move(lines), end);
    m_resources->setRightAxisTitle(tr("node"));
}

void ChartsPanel::refreshPods(double end)
{
    std::vector<MetricChart::Line> lines;
    for (int p = 0; p < 5; ++p) {
        const QString metric = QStringLiteral("pods_") + QLatin1String(podPhases[p]);
        MetricChart::Line line(QString::fromLatin1(podPhases[p]), metric, QStringLiteral("cluster"),
                               m_model->series(metric, QStringLiteral("cluster")));
        line.color = phaseColors[p];
        lines.push_back(std::move(line));
    }
    m_pods->setLines(std::move(lines), end);
}

} // namespace app::run
