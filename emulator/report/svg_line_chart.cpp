// SPDX-License-Identifier: Apache-2.0
#include "svg_line_chart.h"

#include "report_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace emu::report {

namespace {

// Twelve colours that stay apart from each other on white (d3's category10 plus two).
constexpr const char *kPalette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
                                    "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                                    "#bcbd22", "#17becf", "#393b79", "#ad494a"};
constexpr std::size_t kPaletteSize = sizeof kPalette / sizeof kPalette[0];

constexpr double kMinLeft = 56, kMaxLeft = 180, kRight = 16, kTop = 10, kBottom = 34;
constexpr double kInset = 9; // keeps lines at the extremes (and their offsets) off the frame

void appendCoord(std::string &out, double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    out += buf;
}

// Seconds per x tick: round clock steps, at most ten ticks.
double timeTickStep(double spanSeconds)
{
    static constexpr double kSteps[] = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5,
                                        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
                                        3600, 7200, 10800, 21600, 43200, 86400};
    for (const double step : kSteps) {
        if (spanSeconds / step <= 10)
            return step;
    }
    return std::ceil(spanSeconds / 10 / 86400) * 86400;
}

} // namespace

SvgLineChart::SvgLineChart(Options options)
    : m_options(std::move(options))
{
}

void SvgLineChart::addSeries(std::string label, std::vector<SeriesPoint> points)
{
    m_series.push_back({std::move(label), std::move(points)});
}

double SvgLineChart::leftMarginFor(std::size_t labelChars)
{
    // About 6.5 units per character at 11px, plus the rotated axis title.
    return std::clamp(26 + 6.5 * static_cast<double>(labelChars), kMinLeft, kMaxLeft);
}

std::vector<double> SvgLineChart::niceTicks(double low, double high, int count)
{
    if (!(high > low) || !std::isfinite(low) || !std::isfinite(high))
        return {low};
    const double raw = (high - low) / std::max(1, count);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double normalized = raw / magnitude;
    const double step = (normalized < 1.5 ? 1 : normalized < 3 ? 2 : normalized < 7 ? 5 : 10) * magnitude;
    std::vector<double> ticks;
    const double first = std::floor(low / step + 1e-9);
    for (double k = first; ticks.size() < 50; k += 1) {
        ticks.push_back(k * step);
        if (k * step >= high - step * 1e-9)
            break;
    }
    return ticks;
}

std::string SvgLineChart::toHtml() const
{
    const Options &o = m_options;
    const double width = o.width, height = o.height;

    // --- ranges
    const double t0 = static_cast<double>(o.startNs) / 1e9;
    double t1 = static_cast<double>(o.endNs) / 1e9;
    if (!(t1 > t0))
        t1 = t0 + 1;
    bool any = false;
    double lo = 0, hi = 0;
    auto include = [&](double v) {
        if (!std::isfinite(v))
            return;
        lo = any ? std::min(lo, v) : v;
        hi = any ? std::max(hi, v) : v;
        any = true;
    };
    for (const Series &s : m_series) {
        for (const SeriesPoint &p : s.points)
            include(p.value);
    }
    if (o.referenceValue)
        include(*o.referenceValue);
    std::vector<double> yTicks;
    if (!o.valueLabels.empty()) {
        for (const auto &[value, label] : o.valueLabels)
            include(value);
        for (const auto &[value, label] : o.valueLabels)
            yTicks.push_back(value);
        if (!(hi > lo))
            hi = lo + 1;
    } else {
        if (lo > 0) // counts and durations read best from zero
            lo = 0;
        if (!(hi > lo))
            hi = lo + 1;
        yTicks = niceTicks(lo, hi, 5);
        lo = std::min(lo, yTicks.front());
        hi = std::max(hi, yTicks.back());
    }
    std::vector<std::string> yLabels;
    std::size_t longestLabel = 0;
    for (const double v : yTicks) {
        const auto named = o.valueLabels.find(v);
        yLabels.push_back(named != o.valueLabels.end() ? named->second : formatAxisNumber(v));
        longestLabel = std::max(longestLabel, yLabels.back().size());
    }
    const double plotLeft = o.leftMargin > 0 ? o.leftMargin : leftMarginFor(longestLabel);
    const double plotRight = width - kRight;
    const double plotTop = kTop, plotBottom = height - kBottom;
    const auto xOf = [&](double seconds) {
        return plotLeft + (seconds - t0) / (t1 - t0) * (plotRight - plotLeft);
    };
    const auto yOf = [&](double v) {
        const double top = plotTop + kInset, bottom = plotBottom - kInset;
        return bottom - (v - lo) / (hi - lo) * (bottom - top);
    };

    std::string out;
    out += "<figure class=\"chart\">\n<figcaption>";
    appendHtmlEscaped(out, o.title);
    out += "</figcaption>\n<svg class=\"plot\" viewBox=\"0 0 ";
    appendCoord(out, width);
    out += ' ';
    appendCoord(out, height);
    out += "\" role=\"img\" data-x0=\"";
    appendCoord(out, plotLeft);
    out += "\" data-x1=\"";
    appendCoord(out, plotRight);
    out += "\" data-t0=\"" + formatNumber(t0) + "\" data-t1=\"" + formatNumber(t1) + "\">\n<title>";
    appendHtmlEscaped(out, o.title);
    out += "</title>\n";

    // --- frame, grid and tick labels
    out += "<rect class=\"frame\" x=\"" + formatNumber(plotLeft) + "\" y=\"" + formatNumber(plotTop)
           + "\" width=\"" + formatNumber(plotRight - plotLeft) + "\" height=\""
           + formatNumber(plotBottom - plotTop) + "\"/>\n";
    const double tStep = timeTickStep(t1 - t0);
    for (double k = std::ceil(t0 / tStep - 1e-9); k * tStep <= t1 + tStep * 1e-9; k += 1) {
        std::string x;
        appendCoord(x, xOf(k * tStep));
        out += "<line class=\"grid\" x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" + formatNumber(plotTop)
               + "\" y2=\"" + formatNumber(plotBottom) + "\"/><text class=\"xt\" x=\"" + x + "\" y=\"";
        appendCoord(out, plotBottom + 15);
        out += "\">" + formatAxisNumber(k * tStep) + "</text>\n";
    }
    out += "<text class=\"axis-title\" x=\"";
    appendCoord(out, (plotLeft + plotRight) / 2);
    out += "\" y=\"";
    appendCoord(out, height - 3);
    out += "\">time (s)</text>\n";
    for (std::size_t i = 0; i < yTicks.size(); ++i) {
        std::string y;
        appendCoord(y, yOf(yTicks[i]));
        out += "<line class=\"grid\" x1=\"" + formatNumber(plotLeft) + "\" x2=\"" + formatNumber(plotRight)
               + "\" y1=\"" + y + "\" y2=\"" + y + "\"/><text class=\"yt\" x=\"";
        appendCoord(out, plotLeft - 5);
        out += "\" y=\"" + y + "\">";
        appendHtmlEscaped(out, yLabels[i]);
        out += "</text>\n";
    }
    if (!o.yAxisTitle.empty()) {
        out += "<text class=\"axis-title\" transform=\"translate(12 ";
        appendCoord(out, (plotTop + plotBottom) / 2);
        out += ") rotate(-90)\">";
        appendHtmlEscaped(out, o.yAxisTitle);
        out += "</text>\n";
    }

    // --- reference line
    if (o.referenceValue && std::isfinite(*o.referenceValue)) {
        std::string y;
        appendCoord(y, yOf(*o.referenceValue));
        out += "<line class=\"ref\" x1=\"" + formatNumber(plotLeft) + "\" x2=\"" + formatNumber(plotRight)
               + "\" y1=\"" + y + "\" y2=\"" + y + "\"/><text class=\"ref-label\" x=\"";
        appendCoord(out, plotRight - 4);
        out += "\" y=\"";
        appendCoord(out, yOf(*o.referenceValue) - 4);
        out += "\">";
        appendHtmlEscaped(out, o.referenceLabel);
        out += "</text>\n";
    }

    // --- series. Step charts hold state metrics where several series often share a value
    // (all nodes Ready); a small vertical offset per series keeps each one visible.
    const std::size_t n = m_series.size();
    const double spacing = o.step && n > 1 ? std::min(2.0, 14.0 / static_cast<double>(n - 1)) : 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Series &s = m_series[i];
        const double offset = (static_cast<double>(i) - static_cast<double>(n - 1) / 2) * spacing;
        const char *color = kPalette[i % kPaletteSize];
        const std::string cls = "s s-" + std::to_string(i % kPaletteSize);
        std::string d;
        bool penDown = false;
        for (const SeriesPoint &p : s.points) {
            if (!std::isfinite(p.value)) { // a gap
                penDown = false;
                continue;
            }
            const double x = xOf(static_cast<double>(p.timeNs) / 1e9), y = yOf(p.value) + offset;
            if (!penDown) {
                d += 'M';
                appendCoord(d, x);
                d += ' ';
                appendCoord(d, y);
                penDown = true;
            } else if (o.step) {
                d += 'H';
                appendCoord(d, x);
                d += 'V';
                appendCoord(d, y);
            } else {
                d += 'L';
                appendCoord(d, x);
                d += ' ';
                appendCoord(d, y);
            }
        }
        if (d.empty())
            continue;
        out += "<path class=\"" + cls + "\" stroke=\"" + color + "\" d=\"" + d + "\"><title>";
        appendHtmlEscaped(out, s.label);
        out += "</title></path>\n";
        if (s.points.size() == 1) { // a lone sample would otherwise be invisible
            out += "<circle class=\"" + cls + "\" fill=\"" + color + "\" r=\"2.5\" cx=\"";
            appendCoord(out, xOf(static_cast<double>(s.points[0].timeNs) / 1e9));
            out += "\" cy=\"";
            appendCoord(out, yOf(s.points[0].value) + offset);
            out += "\"/>\n";
        }
    }
    out += "<line class=\"xh\" y1=\"" + formatNumber(plotTop) + "\" y2=\"" + formatNumber(plotBottom)
           + "\"/><text class=\"xh-label\" y=\"" + formatNumber(plotTop + 12) + "\"></text>\n";
    out += "</svg>\n<div class=\"legend\" style=\"margin-left:";
    appendCoord(out, plotLeft / width * 100);
    out += "%\">";
    for (std::size_t i = 0; i < m_series.size(); ++i) {
        out += "<span class=\"lg lg-" + std::to_string(i % kPaletteSize) + "\"><i style=\"background:";
        out += kPalette[i % kPaletteSize];
        out += "\"></i>";
        appendHtmlEscaped(out, m_series[i].label);
        out += "</span>";
    }
    if (m_series.empty())
        out += "<span class=\"note\">no samples</span>";
    out += "</div>\n</figure>\n";
    return out;
}

} // namespace emu::report
