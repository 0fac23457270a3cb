// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <QWidget>

#include <vector>

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace app::run {

/// One live line chart of run metrics, the only place that touches Qt Charts (deprecated
/// from Qt 6.10: a move to another plot library changes this file only). Each line is a
/// metric series (metric, object) of `kubecanvas-cli run --metrics`; hovering a line shows
/// its value at that time; the chart exports to PNG (as drawn) and to CSV (the lines' samples
/// in the CLI's format).
class MetricChart : public QWidget
{
    Q_OBJECT

public:
    struct Line
    {
        QString label;        ///< legend text
        QString metric;       ///< for the CSV export
        QString object;
        std::vector<QPointF> points; ///< (seconds, value)
        bool dashed = false;
        bool rightAxis = false; ///< plotted against the right-hand axis
        QColor color;           ///< invalid: the theme's next colour

        Line(QString label, QString metric, QString object, std::vector<QPointF> points)
            : label(std::move(label)), metric(std::move(metric)), object(std::move(object)), points(std::move(points))
        {}
    };

    explicit MetricChart(const QString &title, const QString &unit, QWidget *parent = nullptr);

    /// Replaces every line. Lines whose label and style did not change keep their QLineSeries
    /// (only the points are replaced), so the legend and hover stay put during a run.
    void setLines(std::vector<Line> lines, double endSeconds);
    /// A labelled horizontal reference line (e.g. the grace period); NaN removes it.
    void setReferenceLine(const QString &label, double value);
    /// Names the right-hand axis (shown in its tooltip-free form: the legend tells the lines).
    void setRightAxisTitle(const QString &title);
    void setTitle(const QString &title, const QString &unit);

    const std::vector<Line> &lines() const { return m_lines; }
    QString title() const;
    QChart *chart() const { return m_chart; }
    /// What hovering last showed ("zone-a: 2 at t 3:10.000").
    QString hoverText() const { return m_hoverText; }

    /// The samples of the lines as CSV: `time,metric,object,value`, one row per point.
    QString toCsv() const;
    bool exportCsv(const QString &fileName) const;
    bool exportPng(const QString &fileName);

    /// Shows a line's value at a point (what hovering a line does).
    void showHover(const QString &label, const QPointF &point, bool state);

private:
    void rebuildSeries();
    void updateAxes(double endSeconds);

    QChart *m_chart;
    QChartView *m_view;
    QValueAxis *m_x;
    QValueAxis *m_y;
    QValueAxis *m_yRight = nullptr;
    QString m_hoverText;
    std::vector<Line> m_lines;
    QList<QLineSeries *> m_series;
    QLineSeries *m_reference = nullptr;
    QString m_referenceLabel;
    double m_referenceValue;
    QString m_unit;
};

} // namespace app::run
