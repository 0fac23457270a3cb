// SPDX-License-Identifier: Apache-2.0
#include "metric_chart.h"

#include "run_clock.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QFileDialog>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QPen>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>
#include <limits>

namespace app::run {

namespace {

/// More points than a chart this size can show are drawn with a stride (the newest point is
/// always kept); the CSV export still has every sample.
constexpr std::size_t kMaxDrawnPoints = 1500;

QList<QPointF> drawnPoints(const std::vector<QPointF> &points)
{
    QList<QPointF> result;
    const std::size_t stride = points.size() / kMaxDrawnPoints + 1;
    result.reserve(static_cast<qsizetype>(points.size() / stride + 1));
    for (std::size_t i = 0; i < points.size(); i += stride)
        result.append(points[i]);
    if (!points.empty() && (points.size() - 1) % stride != 0)
        result.append(points.back());
    return result;
}

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

/// A round upper bound for an axis: 1, 2 or 5 times a power of ten.
double niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 5.0, 10.0})
        if (value <= step * magnitude)
            return step * magnitude;
    return 10 * magnitude;
}

} // namespace

MetricChart::MetricChart(const QString &title, const QString &unit, QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_x(new QValueAxis(this))
    , m_y(new QValueAxis(this))
    , m_referenceValue(std::numeric_limits<double>::quiet_NaN())
    , m_unit(unit)
{
    // Small charts: the unit goes in the title, not in axis titles, so the plot keeps its room.
    m_chart->setTitle(unit.isEmpty() ? title : QStringLiteral("%1 (%2)").arg(title, unit));
    m_chart->setMargins(QMargins(0, 0, 0, 0));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setFont(QFont(font().family(), font().pointSize() - 2));
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    m_x->setTitleText(tr("simulated seconds"));
    m_x->setTitleVisible(false);
    m_y->setTitleVisible(false);
    m_x->setTickCount(5);
    m_y->setTickCount(4);
    m_chart->setBackgroundRoundness(0);
    m_x->setLabelFormat("%d");
    m_y->setTitleText(unit);
    m_y->setLabelFormat("%g");
    m_x->setRange(0, 60);
    m_y->setRange(0, 1);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(150);
    m_view->setToolTip(tr("Hover a line for its values; right-click to export."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);

    setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->setContextMenuPolicy(Qt::NoContextMenu); // the widget's actions show instead
    auto *png = new QAction(tr("Export Chart as PNG…"), this);
    auto *csv = new QAction(tr("Export Chart Data as CSV…"), this);
    addActions({png, csv});
    connect(png, &QAction::triggered, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export Chart"), m_chart->title() + ".png",
                                                          tr("PNG images (*.png)"));
        if (!file.isEmpty())
            exportPng(file);
    });
    connect(csv, &QAction::triggered, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export Chart Data"), m_chart->title() + ".csv",
                                                          tr("CSV files (*.csv)"));
        if (!file.isEmpty())
            exportCsv(file);
    });
}

QString MetricChart::title() const
{
    return m_chart->title();
}

void MetricChart::setLines(std::vector<Line> lines, double endSeconds)
{
    bool sameShape = lines.size() == m_lines.size();
    for (std::size_t i = 0; sameShape && i < lines.size(); ++i)
        sameShape = lines[i].label == m_lines[i].label && lines[i].dashed == m_lines[i].dashed
                    && lines[i].rightAxis == m_lines[i].rightAxis;
    m_lines = std::move(lines);
    if (sameShape) {
        for (qsizetype i = 0; i < m_series.size(); ++i)
            m_series[i]->replace(drawnPoints(m_lines[static_cast<std::size_t>(i)].points));
    } else {
        rebuildSeries();
    }
    updateAxes(endSeconds);
}

void MetricChart::rebuildSeries()
{
    for (QLineSeries *series : std::as_const(m_series)) {
        m_chart->removeSeries(series);
        delete series;
    }
    m_series.clear();
    for (const Line &line : m_lines) {
        auto *series = new QLineSeries(m_chart);
        series->setName(line.label);
        m_chart->addSeries(series);
        series->attachAxis(m_x);
        if (line.rightAxis && !m_yRight) {
            m_yRight = new QValueAxis(this);
            m_yRight->setLabelFormat("%g");
            m_yRight->setTickCount(4);
            m_yRight->setTitleVisible(false);
            m_chart->addAxis(m_yRight, Qt::AlignRight);
        }
        series->attachAxis(line.rightAxis ? m_yRight : m_y);
        QPen pen = series->pen();
        pen.setWidthF(1.6);
        if (line.color.isValid())
            pen.setColor(line.color);
        if (line.dashed)
            pen.setStyle(Qt::DashLine);
        series->setPen(pen);
        series->replace(drawnPoints(line.points));
        const QString label = line.label;
        connect(series, &QLineSeries::hovered, this,
                [this, label](const QPointF &point, bool state) { showHover(label, point, state); });
        m_series.append(series);
    }
    if (m_reference) {
        // Keep the reference line last, above the data.
        m_chart->removeSeries(m_reference);
        m_chart->addSeries(m_reference);
        m_reference->attachAxis(m_x);
        m_reference->attachAxis(m_y);
    }
}

void MetricChart::setReferenceLine(const QString &label, double value)
{
    m_referenceLabel = label;
    m_referenceValue = value;
    if (std::isnan(value)) {
        if (m_reference) {
            m_chart->removeSeries(m_reference);
            delete m_reference;
            m_reference = nullptr;
        }
        return;
    }
    if (!m_reference) {
        m_reference = new QLineSeries(m_chart);
        m_chart->addSeries(m_reference);
        m_reference->attachAxis(m_x);
        m_reference->attachAxis(m_y);
        QPen pen(QColor(0xc0, 0x20, 0x20));
        pen.setStyle(Qt::DotLine);
        pen.setWidthF(1.5);
        m_reference->setPen(pen);
        connect(m_reference, &QLineSeries::hovered, this, [this](const QPointF &point, bool state) {
            showHover(m_referenceLabel, QPointF(point.x(), m_referenceValue), state);
        });
    }
    m_reference->setName(label);
    m_reference->replace({QPointF(0, value), QPointF(m_x->max(), value)});
}

void MetricChart::setRightAxisTitle(const QString &title)
{
    if (m_yRight)
        m_yRight->setTitleText(title);
}

void MetricChart::setTitle(const QString &title, const QString &unit)
{
    m_unit = unit;
    m_y->setTitleText(unit);
    m_chart->setTitle(unit.isEmpty() ? title : QStringLiteral("%1 (%2)").arg(title, unit));
}

void MetricChart::updateAxes(double endSeconds)
{
    double xMax = std::max(60.0, endSeconds);
    double yMax = std::isnan(m_referenceValue) ? 0 : m_referenceValue;
    double rightMax = 0;
    for (const Line &line : m_lines)
        for (const QPointF &p : line.points) {
            xMax = std::max(xMax, p.x());
            double &axisMax = line.rightAxis ? rightMax : yMax;
            axisMax = std::max(axisMax, p.y());
        }
    m_x->setRange(0, xMax);
    // Round ranges and ticks (0, 1, 2 … rather than 0, 1.667 …).
    m_y->setRange(0, niceCeiling(yMax * 1.05));
    m_y->applyNiceNumbers();
    if (m_yRight) {
        m_yRight->setRange(0, niceCeiling(rightMax * 1.05));
        m_yRight->applyNiceNumbers();
    }
    if (m_reference)
        m_reference->replace({QPointF(0, m_referenceValue), QPointF(xMax, m_referenceValue)});
}

void MetricChart::showHover(const QString &label, const QPointF &point, bool state)
{
    if (!state)
        return;
    const QString text = tr("%1: %2 at t %3").arg(label, number(point.y()),
                                                  formatClock(static_cast<std::int64_t>(point.x() * 1e9)));
    m_hoverText = text;
    QToolTip::showText(QCursor::pos(), text, this);
}

QString MetricChart::toCsv() const
{
    QString csv = QStringLiteral("time,metric,object,value\n");
    for (const Line &line : m_lines)
        for (const QPointF &p : line.points)
            csv += number(p.x()) + ',' + line.metric + ',' + line.object + ',' + number(p.y()) + '\n';
    return csv;
}

bool MetricChart::exportCsv(const QString &fileName) const
{
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(toCsv().toUtf8()) >= 0;
}

bool MetricChart::exportPng(const QString &fileName)
{
    return m_view->grab().save(fileName, "PNG");
}

} // namespace app::run
