// SPDX-License-Identifier: Apache-2.0
#include "series_decimator.h"

#include <algorithm>
#include <cmath>

namespace emu::report {

namespace {

// Equal for the purpose of run compression: NaN repeats are a run too.
bool sameValue(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

void mergeInto(SeriesPoint &min, SeriesPoint &max, const SeriesPoint &otherMin,
               const SeriesPoint &otherMax)
{
    if (otherMin.value < min.value)
        min = otherMin;
    if (otherMax.value > max.value)
        max = otherMax;
}

} // namespace

SeriesDecimator::SeriesDecimator(std::size_t maxPoints)
    // One point is kept back for the end of the current run.
    : m_maxBuckets(std::max<std::size_t>(1, (maxPoints > 1 ? maxPoints - 1 : 1) / 4))
{
}

void SeriesDecimator::add(std::int64_t timeNs, double value)
{
    if (m_sampleCount == 0) {
        m_origin = timeNs;
        m_min = m_max = value;
    } else {
        timeNs = std::max(timeNs, m_lastTime);
        m_min = std::min(m_min, value);
        m_max = std::max(m_max, value);
    }
    m_lastTime = timeNs;
    const bool repeat = m_sampleCount > 0 && sameValue(value, m_lastValue);
    ++m_sampleCount;
    if (repeat) {
        m_runEnd = {timeNs, value};
        m_hasRunEnd = true;
        return;
    }
    if (m_sampleCount > 1)
        ++m_changeCount;
    if (m_hasRunEnd) {
        push(m_runEnd);
        m_hasRunEnd = false;
    }
    m_lastValue = value;
    push({timeNs, value});
}

void SeriesDecimator::push(SeriesPoint point)
{
    if (!m_buckets.empty() && bucketIndex(point.timeNs) == bucketIndex(m_buckets.back().first.timeNs)) {
        Bucket &b = m_buckets.back();
        mergeInto(b.min, b.max, point, point);
        b.last = point;
        return;
    }
    if (m_buckets.size() == 8) // most series stay tiny; a busy one goes straight to its bound
        m_buckets.reserve(m_maxBuckets + 1);
    m_buckets.push_back({point, point, point, point});
    if (m_buckets.size() > m_maxBuckets)
        compact();
}

void SeriesDecimator::compact()
{
    // Widen buckets by powers of two until the span fits in half the budget, so that the next
    // compaction is as far away as this one was.
    const std::int64_t span = m_buckets.back().last.timeNs - m_origin;
    const auto wanted = static_cast<std::int64_t>(std::max<std::size_t>(1, m_maxBuckets / 2));
    while (span / m_width + 1 > wanted && m_width <= (std::int64_t(1) << 61))
        m_width *= 2;

    // Old buckets nest in new ones (same origin, width multiplied), so merging whole buckets
    // is exact.
    std::size_t out = 0;
    for (std::size_t i = 1; i < m_buckets.size(); ++i) {
        Bucket &merged = m_buckets[out];
        const Bucket &b = m_buckets[i];
        if (bucketIndex(b.first.timeNs) == bucketIndex(merged.first.timeNs)) {
            mergeInto(merged.min, merged.max, b.min, b.max);
            merged.last = b.last;
        } else {
            m_buckets[++out] = b;
        }
    }
    m_buckets.resize(out + 1);
}

std::vector<SeriesPoint> SeriesDecimator::points() const
{
    std::vector<SeriesPoint> result;
    result.reserve(m_buckets.size() * 4 + 1);
    for (const Bucket &b : m_buckets) {
        SeriesPoint four[] = {b.first, b.min, b.max, b.last};
        std::stable_sort(std::begin(four), std::end(four),
                         [](const SeriesPoint &x, const SeriesPoint &y) { return x.timeNs < y.timeNs; });
        for (const SeriesPoint &p : four) {
            if (result.empty() || !(result.back() == p))
                result.push_back(p);
        }
    }
    if (m_hasRunEnd)
        result.push_back(m_runEnd);
    return result;
}

} // namespace emu::report
