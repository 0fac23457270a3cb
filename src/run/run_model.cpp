// SPDX-License-Identifier: Apache-2.0
#include "run_model.h"

namespace app::run {

namespace {

QString seriesKey(const QString &metric, const QString &object)
{
    return metric + '\t' + object;
}

} // namespace

RunModel::RunModel(QObject *parent)
    : QObject(parent)
    , m_metrics(std::make_unique<emu::report::MetricsRecorder>())
{}

RunModel::~RunModel() = default;

emu::SimTime RunModel::time() const
{
    return m_snapshot ? m_snapshot->time : emu::SimTime();
}

std::shared_ptr<const emu::store::Node> RunModel::node(const QString &name) const
{
    if (!m_snapshot)
        return nullptr;
    const std::string wanted = name.toStdString();
    for (const auto &n : m_snapshot->nodes)
        if (n->meta.name == wanted)
            return n;
    return nullptr;
}

std::shared_ptr<const emu::store::Lease> RunModel::lease(const QString &nodeName) const
{
    if (!m_snapshot)
        return nullptr;
    const std::string wanted = nodeName.toStdString();
    for (const auto &l : m_snapshot->leases)
        if (l->meta.name == wanted)
            return l;
    return nullptr;
}

RunModel::PodPtr RunModel::pod(const QString &namespaceName, const QString &name) const
{
    const std::string ns = namespaceName.toStdString();
    const std::string n = name.toStdString();
    for (const auto &p : m_pods)
        if (p->meta.name == n && p->meta.namespaceName == ns)
            return p;
    return nullptr;
}

std::vector<RunModel::PodPtr> RunModel::podsOnNode(const QString &nodeName) const
{
    std::vector<PodPtr> result;
    const std::string wanted = nodeName.toStdString();
    for (const auto &p : m_pods)
        if (p->spec.nodeName == wanted)
            result.push_back(p);
    return result;
}

std::vector<std::size_t> RunModel::eventsFor(const RunObject &object) const
{
    std::vector<std::size_t> result;
    const std::string kind = object.kind.toStdString();
    const std::string ns = object.namespaceName.toStdString();
    const std::string name = object.name.toStdString();
    for (std::size_t i = 0; i < m_events.size(); ++i) {
        const auto &e = m_events[i];
        if (e.kind == kind && e.name == name && e.namespaceName == ns)
            result.push_back(i);
    }
    return result;
}

std::vector<QPointF> RunModel::series(const QString &metric, const QString &object) const
{
    std::vector<QPointF> points;
    const auto it = m_seriesByName.constFind(seriesKey(metric, object));
    if (it == m_seriesByName.cend())
        return points;
    for (const emu::report::SeriesPoint &p : m_metrics->series()[*it].decimated.points())
        points.emplace_back(static_cast<double>(p.timeNs) / 1e9, p.value);
    return points;
}

QStringList RunModel::objectsWithMetric(const QString &metric) const
{
    return m_objectsByMetric.value(metric);
}

void RunModel::selectObject(const RunObject &object)
{
    if (object == m_selected)
        return;
    m_selected = object;
    emit selectedObjectChanged(m_selected);
}

void RunModel::applyFrames(std::vector<RunFrame> frames)
{
    if (frames.empty())
        return;
    const int first = static_cast<int>(m_events.size());
    for (RunFrame &frame : frames) {
        m_events.insert(m_events.end(), frame.snapshot->newEvents.begin(), frame.snapshot->newEvents.end());
        applyMetrics(frame);
    }
    // Only the newest state matters; earlier frames of the batch contributed their events
    // and samples.
    m_snapshot = std::move(frames.back().snapshot);
    m_pods = std::move(frames.back().pods);
    const int count = static_cast<int>(m_events.size()) - first;
    if (count > 0)
        emit eventsAppended(first, count);
    emit updated();
}

void RunModel::applyMetrics(RunFrame &frame)
{
    for (std::string &name : frame.newMetricNames)
        m_workerMetricNames.push_back(std::move(name));
    for (std::string &name : frame.newObjectNames)
        m_workerObjectNames.push_back(std::move(name));
    for (const auto &sample : frame.samples) {
        const quint64 key = quint64(sample.metricId) << 32 | sample.objectId;
        auto it = m_seriesByWorkerIds.find(key);
        if (it == m_seriesByWorkerIds.end()) {
            const std::string &metric = m_workerMetricNames.at(sample.metricId);
            const std::string &object = m_workerObjectNames.at(sample.objectId);
            const auto id = m_metrics->seriesId(metric, object);
            const QString metricName = QString::fromStdString(metric);
            const QString objectName = QString::fromStdString(object);
            m_seriesByName.insert(seriesKey(metricName, objectName), id);
            m_objectsByMetric[metricName].append(objectName);
            it = m_seriesByWorkerIds.insert(key, id);
        }
        m_metrics->record(sample.timeNs, *it, sample.value);
    }
    m_metrics->takeSamples(); // the decimated series are all the views need
}

void RunModel::clear()
{
    m_snapshot.reset();
    m_pods.clear();
    m_events.clear();
    m_metrics = std::make_unique<emu::report::MetricsRecorder>();
    m_workerMetricNames.clear();
    m_workerObjectNames.clear();
    m_seriesByWorkerIds.clear();
    m_seriesByName.clear();
    m_objectsByMetric.clear();
    emit cleared();
}

} // namespace app::run
