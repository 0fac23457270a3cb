// SPDX-License-Identifier: Apache-2.0
#include "series_index.h"

#include "report_format.h"

#include <algorithm>

namespace emu::report {

SeriesIndex::SeriesIndex(const MetricsRecorder *metrics)
    : m_metrics(metrics)
{
    if (!metrics)
        return;
    for (const MetricsRecorder::Series &s : metrics->series())
        m_byMetric[metrics->metricName(s.metricId)].push_back(&s);
    for (auto &[name, list] : m_byMetric) {
        std::sort(list.begin(), list.end(), [&](const auto *a, const auto *b) {
            return naturalLess(object(*a), object(*b));
        });
    }
}

const std::string &SeriesIndex::object(const MetricsRecorder::Series &s) const
{
    return m_metrics->objectName(s.objectId);
}

const SeriesIndex::SeriesList *SeriesIndex::find(std::string_view metric) const
{
    const auto it = m_byMetric.find(metric);
    return it == m_byMetric.end() ? nullptr : &it->second;
}

} // namespace emu::report
