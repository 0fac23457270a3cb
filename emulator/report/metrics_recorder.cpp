// SPDX-License-Identifier: Apache-2.0
#include "metrics_recorder.h"

#include "report_format.h"

#include <limits>
#include <ostream>
#include <stdexcept>

namespace emu::report {

MetricsRecorder::MetricsRecorder(std::size_t maxPointsPerSeries)
    : m_maxPointsPerSeries(maxPointsPerSeries)
{
}

MetricsRecorder::MetricsRecorder(std::ostream *csv, std::size_t maxPointsPerSeries)
    : m_maxPointsPerSeries(maxPointsPerSeries)
    , m_stream(csv)
{
    if (m_stream)
        m_stream->write(kCsvHeader.data(), static_cast<std::streamsize>(kCsvHeader.size()));
}

MetricsRecorder::SeriesId MetricsRecorder::seriesId(std::string_view metric, std::string_view object)
{
    const std::uint32_t metricId = m_metrics.intern(metric);
    const std::uint32_t objectId = m_objects.intern(object);
    const std::uint64_t key = std::uint64_t(metricId) << 32 | objectId;
    if (const auto it = m_seriesIds.find(key); it != m_seriesIds.end())
        return it->second;
    if (m_series.size() >= std::numeric_limits<SeriesId>::max())
        throw std::length_error("MetricsRecorder: too many series");
    const auto id = static_cast<SeriesId>(m_series.size());
    m_series.push_back({metricId, objectId, SeriesDecimator(m_maxPointsPerSeries)});
    m_seriesIds.emplace(key, id);
    return id;
}

void MetricsRecorder::record(std::int64_t timeNs, std::string_view metric, std::string_view object,
                             double value)
{
    record(timeNs, seriesId(metric, object), value);
}

void MetricsRecorder::record(std::int64_t timeNs, SeriesId series, double value)
{
    Series &s = m_series.at(series);
    const Sample sample{timeNs, s.metricId, s.objectId, value};
    s.decimated.add(timeNs, value);
    ++m_sampleCount;
    if (m_stream) {
        m_row.clear();
        appendRow(m_row, sample);
        m_stream->write(m_row.data(), static_cast<std::streamsize>(m_row.size()));
    } else {
        m_samples.push_back(sample);
    }
}

void MetricsRecorder::appendRow(std::string &out, const Sample &sample) const
{
    appendSeconds(out, sample.timeNs);
    out.push_back(',');
    out += m_metrics.csvText(sample.metricId);
    out.push_back(',');
    out += m_objects.csvText(sample.objectId);
    out.push_back(',');
    appendNumber(out, sample.value);
    out.push_back('\n');
}

void MetricsRecorder::writeCsv(std::ostream &out) const
{
    out.write(kCsvHeader.data(), static_cast<std::streamsize>(kCsvHeader.size()));
    // Rows are formatted in chunks: one write per row would dominate for 50 million rows,
    // one string for all of them would double the memory.
    std::string chunk;
    chunk.reserve(1 << 16);
    for (const Sample &sample : m_samples) {
        appendRow(chunk, sample);
        if (chunk.size() >= (1 << 16) - 256) {
            out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
            chunk.clear();
        }
    }
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
}

bool MetricsRecorder::ok() const
{
    return !m_stream || m_stream->good();
}

} // namespace emu::report
