// SPDX-License-Identifier: Apache-2.0
#include "html_report.h"

#include "html_report_style.h"
#include "report_format.h"
#include "series_index.h"
#include "svg_line_chart.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>

namespace emu::report {

namespace {

using Series = MetricsRecorder::Series;
using SeriesList = SeriesIndex::SeriesList;

constexpr std::string_view kZoneMetrics[] = {"zone_state", "zone_eviction_rate", "evictions_total"};
constexpr std::string_view kNodeReady = "node_ready";
constexpr std::string_view kLeaseAge = "lease_age_seconds";
constexpr std::string_view kResourcePrefixes[] = {"capacity_", "allocatable_", "requested_"};
// Resources in the order kubectl describe lists them; others follow alphabetically.
constexpr std::string_view kResourceOrder[] = {"cpu", "memory", "pods", "ephemeral-storage"};
constexpr std::size_t kMaxOtherCharts = 12;

std::string withThousands(std::uint64_t n)
{
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

std::string humanDuration(std::int64_t ns)
{
    const std::int64_t total = ns / 1000000000;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%lldh %02lldm %02llds", static_cast<long long>(total / 3600),
                  static_cast<long long>(total / 60 % 60), static_cast<long long>(total % 60));
    return formatSeconds(ns) + " s (" + buf + ")";
}

class Page
{
public:
    explicit Page(const ReportInput &input)
        : m_input(input)
        , m_index(input.metrics)
    {
        m_endNs = std::max<std::int64_t>(input.simulatedDurationNs, 0);
        if (input.metrics) {
            for (const Series &s : input.metrics->series())
                m_endNs = std::max(m_endNs, s.decimated.lastTimeNs());
        }
        if (input.events) {
            for (const EventRecord &e : *input.events)
                m_endNs = std::max(m_endNs, e.timeNs);
        }
        // One margin for every chart, so that their time axes line up; numeric labels such
        // as "0.025" or "350G" need about six characters.
        std::size_t longest = 6;
        for (const auto &[metric, labels] : input.valueLabels) {
            for (const auto &[value, label] : labels)
                longest = std::max(longest, label.size());
        }
        m_leftMargin = SvgLineChart::leftMarginFor(longest);
    }

    std::string render();

private:
    void summary();
    void zoneCharts();
    void nodeCharts();
    void resourceCharts();
    void otherCharts();
    void timeline();
    void chart(SvgLineChart::Options options, const SeriesList &series,
               const std::function<std::string(const Series &)> &label);
    SvgLineChart::Options options(std::string title, std::string_view metric, bool step = true) const;
    void note(const std::string &text);

    const ReportInput &m_input;
    SeriesIndex m_index;
    std::int64_t m_endNs = 0;
    double m_leftMargin = 0;
    std::set<std::string> m_charted; // metrics already drawn, the rest go to "Other metrics"
    std::string m_out;
};

SvgLineChart::Options Page::options(std::string title, std::string_view metric, bool step) const
{
    SvgLineChart::Options o;
    o.title = std::move(title);
    o.step = step;
    o.endNs = m_endNs;
    o.leftMargin = m_leftMargin;
    if (const auto it = m_input.valueLabels.find(std::string(metric)); it != m_input.valueLabels.end())
        o.valueLabels = it->second;
    return o;
}

void Page::note(const std::string &text)
{
    m_out += "<p class=\"note\">" + htmlEscape(text) + "</p>\n";
}

void Page::chart(SvgLineChart::Options options, const SeriesList &series,
                 const std::function<std::string(const Series &)> &label)
{
    SvgLineChart chart(std::move(options));
    for (const Series *s : series)
        chart.addSeries(label(*s), s->decimated.points());
    m_out += chart.toHtml();
}

std::string Page::render()
{
    const ReportInput &in = m_input;
    m_out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    appendHtmlEscaped(m_out, in.title);
    m_out += "</title>\n<style>";
    m_out += htmlReportStyle();
    m_out += "</style>\n</head>\n<body>\n<main>\n<h1>";
    appendHtmlEscaped(m_out, in.title);
    m_out += "</h1>\n";
    for (const std::string &line : in.subtitleLines)
        m_out += "<p class=\"sub\">" + htmlEscape(line) + "</p>\n";
    m_out += "<nav><a href=\"#summary\">Summary</a><a href=\"#zones\">Zones</a><a href=\"#nodes\">Nodes</a>"
             "<a href=\"#resources\">Cluster resources</a><a href=\"#timeline\">Timeline</a></nav>\n";
    summary();
    zoneCharts();
    nodeCharts();
    resourceCharts();
    otherCharts();
    timeline();
    m_out += "</main>\n<script>";
    m_out += htmlReportScript();
    m_out += "</script>\n</body>\n</html>\n";
    return std::move(m_out);
}

void Page::summary()
{
    const ReportInput &in = m_input;
    m_out += "<h2 id=\"summary\">Summary</h2>\n<table class=\"kv\">\n<tr><th>Input files</th><td>";
    for (std::size_t i = 0; i < in.inputFiles.size(); ++i)
        m_out += (i > 0 ? "<br>" : "") + htmlEscape(in.inputFiles[i]);
    if (in.inputFiles.empty())
        m_out += "&mdash;";
    m_out += "</td></tr>\n<tr><th>Seed</th><td>" + (in.seed ? std::to_string(*in.seed) : "&mdash;");
    m_out += "</td></tr>\n<tr><th>Simulated duration</th><td>" + humanDuration(in.simulatedDurationNs);
    char wall[64];
    std::snprintf(wall, sizeof wall, "%.3f s", in.wallTimeSeconds);
    m_out += std::string("</td></tr>\n<tr><th>Wall time</th><td>") + wall + "</td></tr>\n";
    if (in.metrics) {
        m_out += "<tr><th>Metric samples</th><td>" + withThousands(in.metrics->sampleCount()) + " in "
                 + withThousands(in.metrics->series().size()) + " series</td></tr>\n";
    }
    m_out += "</table>\n";

    std::vector<std::pair<std::string, std::uint64_t>> counts = in.eventCountsByReason;
    if (counts.empty() && in.events) {
        std::map<std::string, std::uint64_t> byReason;
        for (const EventRecord &e : *in.events)
            ++byReason[e.reason];
        counts.assign(byReason.begin(), byReason.end());
    }
    std::stable_sort(counts.begin(), counts.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    std::uint64_t total = 0;
    m_out += "<h3>Events by reason</h3>\n<table class=\"counts\">\n";
    for (const auto &[reason, count] : counts) {
        m_out += "<tr><td>" + htmlEscape(reason) + "</td><td class=\"n\">" + withThousands(count) + "</td></tr>\n";
        total += count;
    }
    m_out += "<tr><th>Total</th><td class=\"n\"><b>" + withThousands(total) + "</b></td></tr>\n</table>\n";
}

void Page::zoneCharts()
{
    m_out += "<h2 id=\"zones\">Zones</h2>\n";
    bool any = false;
    for (const std::string_view metric : kZoneMetrics) {
        m_charted.insert(std::string(metric));
        const SeriesList *list = m_index.find(metric);
        if (!list)
            continue;
        any = true;
        SeriesList shown(list->begin(), list->begin() + std::min(list->size(), m_input.maxSeriesPerChart));
        chart(options(std::string(metric), metric), shown, [&](const Series &s) { return m_index.object(s); });
        if (shown.size() < list->size())
            note("Showing the first " + std::to_string(shown.size()) + " of " + std::to_string(list->size()) + " zones.");
    }
    if (!any)
        note("No zone metrics were recorded.");
}

void Page::nodeCharts()
{
    m_out += "<h2 id=\"nodes\">Nodes</h2>\n";
    m_charted.insert(std::string(kNodeReady));
    m_charted.insert(std::string(kLeaseAge));
    // A node's interest: how often its readiness changed, then how old its lease got.
    struct NodeScore { std::uint64_t readyChanges = 0; double maxLeaseAge = 0; const Series *ready = nullptr, *lease = nullptr; };
    std::map<std::string, NodeScore> nodes;
    if (const SeriesList *ready = m_index.find(kNodeReady)) {
        for (const Series *s : *ready) {
            NodeScore &n = nodes[m_index.object(*s)];
            n.readyChanges = s->decimated.changeCount();
            n.ready = s;
        }
    }
    if (const SeriesList *lease = m_index.find(kLeaseAge)) {
        for (const Series *s : *lease) {
            NodeScore &n = nodes[m_index.object(*s)];
            n.maxLeaseAge = s->decimated.maxValue();
            n.lease = s;
        }
    }
    if (nodes.empty()) {
        note("No node metrics were recorded.");
        return;
    }
    std::vector<std::pair<std::string, NodeScore>> ranked(nodes.begin(), nodes.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        if (a.second.readyChanges != b.second.readyChanges)
            return a.second.readyChanges > b.second.readyChanges;
        return a.second.maxLeaseAge > b.second.maxLeaseAge;
    });
    ranked.resize(std::min(ranked.size(), m_input.maxSeriesPerChart));
    // Same nodes, same order, hence same colours in both charts; by name for the reader.
    std::sort(ranked.begin(), ranked.end(),
              [](const auto &a, const auto &b) { return naturalLess(a.first, b.first); });
    if (ranked.size() < nodes.size()) {
        note("Showing " + std::to_string(ranked.size()) + " of " + withThousands(nodes.size())
             + " nodes: those whose readiness changed most often, then those whose lease got oldest.");
    }
    SeriesList ready, lease;
    for (const auto &[name, score] : ranked) {
        if (score.ready)
            ready.push_back(score.ready);
        if (score.lease)
            lease.push_back(score.lease);
    }
    const auto byObject = [&](const Series &s) { return m_index.object(s); };
    if (!ready.empty())
        chart(options("node_ready", kNodeReady), ready, byObject);
    if (!lease.empty()) {
        SvgLineChart::Options o = options("lease_age_seconds", kLeaseAge, false);
        o.yAxisTitle = "seconds";
        if (m_input.gracePeriodSeconds) {
            o.referenceValue = *m_input.gracePeriodSeconds;
            o.referenceLabel = "grace period " + formatNumber(*m_input.gracePeriodSeconds) + " s";
        }
        chart(std::move(o), lease, byObject);
    }
}

void Page::resourceCharts()
{
    m_out += "<h2 id=\"resources\">Cluster resources</h2>\n";
    // resource -> its capacity/allocatable/requested series
    std::map<std::string, SeriesList> byResource;
    for (const std::string_view prefix : kResourcePrefixes) {
        for (const auto &[metric, list] : m_index.all()) {
            if (metric.size() > prefix.size() && metric.starts_with(prefix)) {
                m_charted.insert(metric);
                auto &target = byResource[metric.substr(prefix.size())];
                target.insert(target.end(), list.begin(), list.end());
            }
        }
    }
    if (byResource.empty()) {
        note("No capacity, allocatable or requested metrics were recorded.");
        return;
    }
    const auto rank = [](const std::string &resource) {
        const auto it = std::find(std::begin(kResourceOrder), std::end(kResourceOrder), resource);
        return it - std::begin(kResourceOrder);
    };
    std::vector<std::string> resources;
    for (const auto &entry : byResource)
        resources.push_back(entry.first);
    std::stable_sort(resources.begin(), resources.end(),
                     [&](const std::string &a, const std::string &b) { return rank(a) < rank(b); });
    for (const std::string &resource : resources) {
        SeriesList &list = byResource[resource];
        std::set<std::uint32_t> objects;
        for (const Series *s : list)
            objects.insert(s->objectId);
        const bool oneObject = objects.size() == 1;
        if (list.size() > m_input.maxSeriesPerChart)
            list.resize(m_input.maxSeriesPerChart);
        chart(options(resource, ""), list, [&](const Series &s) {
            const std::string &metric = m_input.metrics->metricName(s.metricId);
            const std::string kind = metric.substr(0, metric.size() - resource.size() - 1);
            return oneObject ? kind : kind + " " + m_index.object(s);
        });
    }
}

void Page::otherCharts()
{
    std::size_t drawn = 0, skipped = 0;
    for (const auto &[metric, list] : m_index.all()) {
        if (m_charted.count(metric))
            continue;
        if (drawn == kMaxOtherCharts) {
            ++skipped;
            continue;
        }
        if (drawn++ == 0)
            m_out += "<h2 id=\"other\">Other metrics</h2>\n";
        SeriesList shown = list;
        std::stable_sort(shown.begin(), shown.end(), [](const Series *a, const Series *b) {
            return a->decimated.changeCount() > b->decimated.changeCount();
        });
        shown.resize(std::min(shown.size(), m_input.maxSeriesPerChart));
        chart(options(metric, metric), shown, [&](const Series &s) { return m_index.object(s); });
    }
    if (skipped > 0)
        note(std::to_string(skipped) + " more metrics are in the metrics CSV only.");
}

void Page::timeline()
{
    m_out += "<h2 id=\"timeline\">Timeline</h2>\n";
    const std::vector<EventRecord> empty;
    const std::vector<EventRecord> &events = m_input.events ? *m_input.events : empty;
    std::size_t shownCount = 0, total = 0;
    std::string rows;
    for (const EventRecord &e : events) {
        if (e.reason == "LeaseRenewed")
            continue;
        ++total;
        if (shownCount == m_input.maxTimelineRows)
            continue;
        ++shownCount;
        rows += e.type == "Warning" ? "<tr class=\"warning\"><td class=\"t\">" : "<tr><td class=\"t\">";
        rows += formatClock(e.timeNs) + "</td><td class=\"type\">" + htmlEscape(e.type) + "</td><td>"
                + htmlEscape(e.reason) + "</td><td>" + htmlEscape(e.kind) + '/';
        if (!e.namespaceName.empty())
            rows += htmlEscape(e.namespaceName) + '/';
        rows += htmlEscape(e.name) + "</td><td>" + htmlEscape(e.message) + "</td></tr>\n";
    }
    if (shownCount < total) {
        note("Showing the first " + withThousands(shownCount) + " of " + withThousands(total)
             + " events; the event log has all of them.");
    }
    note("LeaseRenewed events are left out.");
    m_out += "<table class=\"events\">\n<thead><tr><th>Time (mm:ss.mmm)</th><th>Type</th><th>Reason</th>"
             "<th>Object</th><th>Message</th></tr></thead>\n<tbody>\n";
    m_out += rows;
    m_out += "</tbody>\n</table>\n";
    if (total == 0)
        note("No events.");
}

} // namespace

std::string renderHtmlReport(const ReportInput &input)
{
    return Page(input).render();
}

void writeHtmlReport(const std::string &dir, const ReportInput &input)
{
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error)
        throw std::runtime_error("cannot create " + dir + ": " + error.message());
    const std::string html = renderHtmlReport(input);
    const std::filesystem::path file = std::filesystem::path(dir) / "index.html";
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(html.data(), static_cast<std::streamsize>(html.size()));
    out.close();
    if (!out)
        throw std::runtime_error("cannot write " + file.string());
}

} // namespace emu::report
