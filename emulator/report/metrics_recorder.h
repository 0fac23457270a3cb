// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "series_decimator.h"
#include "string_table.h"

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace emu::report {

/// Collects the metric samples of a run and writes them as CSV, a contract for users' scripts:
///
///   time,metric,object,value
///   0,node_ready,node-1,1
///   52.35,lease_age_seconds,node-1,0.1
///
/// time in seconds since the start (as in the event log), value as an integer when integral,
/// otherwise the shortest decimal that reads back exactly; a field is quoted (RFC 4180) only
/// when it holds a comma, a quote or a line break. Rows appear in recording order.
///
/// A 5,000-node hour records about 50 million samples, so names are interned and a stored
/// sample takes 24 bytes. In streaming mode nothing is stored: each row goes to the CSV stream
/// as it is recorded. Either way every series (metric, object) also keeps a decimated copy of
/// at most maxPointsPerSeries points for the HTML report.
class MetricsRecorder
{
public:
    struct Sample
    {
        std::int64_t timeNs;
        std::uint32_t metricId;
        std::uint32_t objectId;
        double value;
    };
    static_assert(sizeof(Sample) == 24);

    using SeriesId = std::uint32_t;
    struct Series
    {
        std::uint32_t metricId;
        std::uint32_t objectId;
        SeriesDecimator decimated;
    };

    static constexpr std::size_t kDefaultMaxPointsPerSeries = 600;

    /// Stored mode: samples() holds every sample, writeCsv() writes them.
    explicit MetricsRecorder(std::size_t maxPointsPerSeries = kDefaultMaxPointsPerSeries);
    /// Streaming mode: the header is written now and each row as it is recorded. The stream
    /// must outlive the recorder; check ok() at the end of the run.
    explicit MetricsRecorder(std::ostream *csv,
                             std::size_t maxPointsPerSeries = kDefaultMaxPointsPerSeries);

    MetricsRecorder(const MetricsRecorder &) = delete;
    MetricsRecorder &operator=(const MetricsRecorder &) = delete;

    void record(std::int64_t timeNs, std::string_view metric, std::string_view object, double value);
    /// The fast path for hot loops: look the series up once, record by id.
    SeriesId seriesId(std::string_view metric, std::string_view object);
    void record(std::int64_t timeNs, SeriesId series, double value);

    /// Every sample in recording order (empty in streaming mode).
    const std::vector<Sample> &samples() const { return m_samples; }
    /// Stored mode: hands over the samples recorded since the last call and forgets them, so
    /// a live consumer (the GUI's run) takes them in batches without the recorder growing.
    /// The decimated series and sampleCount() are kept.
    std::vector<Sample> takeSamples()
    {
        std::vector<Sample> taken;
        taken.swap(m_samples);
        return taken;
    }
    std::uint64_t sampleCount() const { return m_sampleCount; }
    bool isStreaming() const { return m_stream != nullptr; }
    /// Reserves room for stored samples, avoiding the copies of a growing vector.
    void reserve(std::size_t samples) { m_samples.reserve(samples); }

    /// The header and every stored sample. In streaming mode the rows already went to the
    /// stream, so this writes the header only.
    void writeCsv(std::ostream &out) const;
    /// False once the streaming CSV stream failed.
    bool ok() const;

    const std::string &metricName(std::uint32_t metricId) const { return m_metrics.text(metricId); }
    const std::string &objectName(std::uint32_t objectId) const { return m_objects.text(objectId); }
    /// The series in order of first appearance, with their decimated copies.
    const std::vector<Series> &series() const { return m_series; }

    static constexpr std::string_view kCsvHeader = "time,metric,object,value\n";

private:
    void appendRow(std::string &out, const Sample &sample) const;

    StringTable m_metrics;
    StringTable m_objects;
    std::vector<Series> m_series;
    std::unordered_map<std::uint64_t, SeriesId> m_seriesIds; // metricId << 32 | objectId
    std::vector<Sample> m_samples;
    std::uint64_t m_sampleCount = 0;
    std::size_t m_maxPointsPerSeries;
    std::ostream *m_stream = nullptr;
    std::string m_row; // reused by streaming mode
};

} // namespace emu::report
