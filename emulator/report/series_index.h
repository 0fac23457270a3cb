// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "metrics_recorder.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace emu::report {

/// The recorded series grouped by metric name, each group in natural order of object name
/// ("node-2" before "node-10"): how the report finds what to chart.
class SeriesIndex
{
public:
    using SeriesList = std::vector<const MetricsRecorder::Series *>;

    /// metrics may be null (a run without metrics).
    explicit SeriesIndex(const MetricsRecorder *metrics);

    const std::string &object(const MetricsRecorder::Series &s) const;
    const SeriesList *find(std::string_view metric) const;
    const std::map<std::string, SeriesList, std::less<>> &all() const { return m_byMetric; }

private:
    const MetricsRecorder *m_metrics;
    std::map<std::string, SeriesList, std::less<>> m_byMetric;
};

} // namespace emu::report
