// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "series_decimator.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace emu::report {

/// One line chart as inline SVG, for a page that must open offline: axes with tick labels,
/// time in seconds on x, a line per series, and an HTML legend below it.
class SvgLineChart
{
public:
    struct Options
    {
        std::string title;
        std::string yAxisTitle;
        bool step = true; ///< state metrics hold their value until the next sample
        std::int64_t startNs = 0;
        std::int64_t endNs = 0;
        std::optional<double> referenceValue; ///< a dashed horizontal line
        std::string referenceLabel;
        std::map<double, std::string> valueLabels; ///< named y ticks instead of numbers
        /// Room for the y labels; 0 sizes it to this chart's labels. Charts stacked on a page
        /// share one so that their time axes line up.
        double leftMargin = 0;
        int width = 1100;
        int height = 260;
    };

    explicit SvgLineChart(Options options);

    void addSeries(std::string label, std::vector<SeriesPoint> points);
    std::size_t seriesCount() const { return m_series.size(); }

    /// A <figure> with the chart's <svg> and its legend.
    std::string toHtml() const;

    /// The left margin that fits y labels of this many characters.
    static double leftMarginFor(std::size_t labelChars);

    /// Round tick positions covering [low, high], about `count` of them.
    static std::vector<double> niceTicks(double low, double high, int count);

private:
    struct Series
    {
        std::string label;
        std::vector<SeriesPoint> points;
    };

    Options m_options;
    std::vector<Series> m_series;
};

} // namespace emu::report
