// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <vector>

namespace emu::report {

struct SeriesPoint
{
    std::int64_t timeNs = 0;
    double value = 0;
    bool operator==(const SeriesPoint &) const = default;
};

/// Keeps a bounded, drawable copy of one time series while its samples stream past.
///
/// Two steps, both invisible in a line or step chart:
///  - runs of equal values keep only their first and last sample (a state metric such as
///    node_ready stays a handful of points for the whole run);
///  - the remaining points go into time buckets that keep the first, minimum, maximum and
///    last point each (M4 aggregation), so a one-sample spike survives. When there are too
///    many buckets their width doubles and neighbours merge, which bounds memory without
///    knowing the run's length in advance.
class SeriesDecimator
{
public:
    explicit SeriesDecimator(std::size_t maxPoints = 600);

    /// Samples arrive in time order; an earlier time is treated as the latest one seen.
    void add(std::int64_t timeNs, double value);

    /// The decimated series in time order, at most maxPoints points.
    std::vector<SeriesPoint> points() const;

    std::uint64_t sampleCount() const { return m_sampleCount; }
    /// How often the value changed from one sample to the next.
    std::uint64_t changeCount() const { return m_changeCount; }
    double minValue() const { return m_min; }
    double maxValue() const { return m_max; }
    std::int64_t lastTimeNs() const { return m_lastTime; }

private:
    struct Bucket
    {
        SeriesPoint first, min, max, last;
    };

    void push(SeriesPoint point);
    void compact();
    std::int64_t bucketIndex(std::int64_t timeNs) const { return (timeNs - m_origin) / m_width; }

    std::vector<Bucket> m_buckets;
    std::size_t m_maxBuckets;
    std::int64_t m_origin = 0;
    std::int64_t m_width = 1; // ns per bucket
    SeriesPoint m_runEnd;     // the latest sample of a run of equal values, not yet pushed
    bool m_hasRunEnd = false;
    std::uint64_t m_sampleCount = 0;
    std::uint64_t m_changeCount = 0;
    double m_min = 0;
    double m_max = 0;
    double m_lastValue = 0;
    std::int64_t m_lastTime = 0;
};

} // namespace emu::report
