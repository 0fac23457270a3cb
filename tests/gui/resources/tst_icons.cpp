// SPDX-License-Identifier: Apache-2.0
// The icon set in resources/icons: every file renders in QtSvg (SVG Tiny 1.2) without a warning,
// draws its badge and glyph, follows the style rules of resources/icons/README.md, and every kind
// the canvas shows has its icon.
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QtTest>

#include <functional>

class TestIcons : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void everyIconRenders_data();
    void everyIconRenders();
    void everyIconFollowsTheStyleRules_data();
    void everyIconFollowsTheStyleRules();
    void kindBadgesShowAWhiteGlyphOnKubernetesBlue_data();
    void kindBadgesShowAWhiteGlyphOnKubernetesBlue();
    void kindGlyphsAreDistinct();
    void everyKindHasItsIcon_data();
    void everyKindHasItsIcon();
    void everyStatusAndActionGlyphExists_data();
    void everyStatusAndActionGlyphExists();
};

namespace {

constexpr int RenderSize = 48;

QString iconDir()
{
    return QString::fromUtf8(KUBECANVAS_SOURCE_DIR) + "/resources/icons";
}

// Relative paths of every SVG under resources/icons ("pod.svg", "status/ready.svg"), sorted.
QStringList allIcons()
{
    QStringList icons;
    QDirIterator it(iconDir(), {"*.svg"}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        icons << QDir(iconDir()).relativeFilePath(it.next());
    icons.sort();
    return icons;
}

QStringList kindBadges()
{
    QStringList badges = allIcons();
    badges.removeIf([](const QString &icon) { return icon.contains('/'); });
    return badges;
}

QImage render(const QString &icon)
{
    QImage image(RenderSize, RenderSize, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QSvgRenderer renderer(iconDir() + '/' + icon);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(0, 0, RenderSize, RenderSize));
    return image;
}

int countPixels(const QImage &image, const QRect &area, const std::function<bool(QColor)> &match)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            count += match(image.pixelColor(x, y)) ? 1 : 0;
    return count;
}

bool isOpaque(QColor color) { return color.alpha() > 128; }

bool isWhite(QColor color)
{
    return color.alpha() > 200 && color.red() > 215 && color.green() > 215 && color.blue() > 215;
}

bool isKubernetesBlue(QColor color) // #326CE5, allowing for antialiasing
{
    return color.alpha() > 200 && qAbs(color.red() - 0x32) < 24 && qAbs(color.green() - 0x6C) < 24
           && qAbs(color.blue() - 0xE5) < 24;
}

// The glyph's part of a 48 px badge: above the label, inside the heptagon's rim.
const QRect GlyphArea(10, 8, 28, 23);

void addIconRows(const QStringList &icons)
{
    QTest::addColumn<QString>("icon");
    for (const QString &icon : icons)
        QTest::newRow(qPrintable(icon)) << icon;
}

} // namespace

void TestIcons::init()
{
    // QtSvg warns about every element or attribute it does not support: none is allowed.
    QTest::failOnWarning(QRegularExpression(".*"));
}

void TestIcons::everyIconRenders_data()
{
    addIconRows(allIcons());
}

void TestIcons::everyIconRenders()
{
    QFETCH(QString, icon);
    QSvgRenderer renderer(iconDir() + '/' + icon);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBoxF(), QRectF(0, 0, 64, 64));
    const QImage image = render(icon);
    const int opaque = countPixels(image, image.rect(), isOpaque);
    // The sparsest glyph (reset) covers 16 % of the square, a status badge 73 %.
    QVERIFY2(opaque > RenderSize * RenderSize / 10, qPrintable(QString::number(opaque)));
    QVERIFY2(opaque < RenderSize * RenderSize * 9 / 10, qPrintable(QString::number(opaque)));
}

void TestIcons::everyIconFollowsTheStyleRules_data()
{
    addIconRows(allIcons());
}

void TestIcons::everyIconFollowsTheStyleRules()
{
    QFETCH(QString, icon);
    QFile file(iconDir() + '/' + icon);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.startsWith("<!-- SPDX-License-Identifier: Apache-2.0 -->\n"));
    QVERIFY(text.contains(R"(viewBox="0 0 64 64")"));
    QVERIFY(text.contains(R"(baseProfile="tiny")"));
    QVERIFY(text.contains("<title>"));
    // Nothing QtSvg would drop, nothing that reaches outside the file.
    for (const char *banned : {"href", "url(", "style=", "class=", "<filter", "<mask", "<image",
                               "Gradient", "<script", "@import"})
        QVERIFY2(!text.contains(banned, Qt::CaseInsensitive), banned);
    // The only text is a kind badge's short label, in a font Debian has.
    const int texts = int(text.count("<text"));
    QCOMPARE(texts, icon.contains('/') ? 0 : 1);
    if (texts == 1)
        QVERIFY(text.contains(R"(font-family="DejaVu Sans, sans-serif")"));
}

void TestIcons::kindBadgesShowAWhiteGlyphOnKubernetesBlue_data()
{
    addIconRows(kindBadges());
}

void TestIcons::kindBadgesShowAWhiteGlyphOnKubernetesBlue()
{
    QFETCH(QString, icon);
    const QImage image = render(icon);
    const int area = GlyphArea.width() * GlyphArea.height();
    const int white = countPixels(image, GlyphArea, isWhite);
    const int blue = countPixels(image, GlyphArea, isKubernetesBlue);
    // The sparsest glyph (unknown) whitens 12 % of its area, the heaviest (nodepool) 38 %.
    QVERIFY2(white > area / 12, qPrintable(QString("white %1 of %2").arg(white).arg(area)));
    QVERIFY2(blue > area / 5, qPrintable(QString("blue %1 of %2").arg(blue).arg(area)));
    // Below the label and at the sides of the glyph, the badge is blue.
    QVERIFY(isKubernetesBlue(image.pixelColor(RenderSize / 2, 41)));
    QVERIFY(isKubernetesBlue(image.pixelColor(7, RenderSize / 2)));
    QVERIFY(isKubernetesBlue(image.pixelColor(RenderSize - 8, RenderSize / 2)));
}

void TestIcons::kindGlyphsAreDistinct()
{
    // Endpoints and EndpointSlice hold the same thing and share a glyph; only their labels differ.
    const QSet<QString> sharedGlyphs{"endpoints.svg"};
    QHash<QByteArray, QString> seen;
    for (const QString &icon : kindBadges()) {
        if (sharedGlyphs.contains(icon))
            continue;
        const QImage glyph = render(icon).copy(GlyphArea);
        const QByteArray pixels(reinterpret_cast<const char *>(glyph.constBits()),
                                glyph.sizeInBytes());
        QVERIFY2(!seen.contains(pixels),
                 qPrintable(icon + " draws the same glyph as " + seen.value(pixels)));
        seen.insert(pixels, icon);
    }
    QCOMPARE(seen.size(), kindBadges().size() - int(sharedGlyphs.size()));
}

void TestIcons::everyKindHasItsIcon_data()
{
    QTest::addColumn<QString>("kind");
    // What the canvas, the palette and the tree show; anything else falls back to unknown.svg.
    for (const char *kind :
         {"Cluster", "Zone", "Node", "NodePool", "Namespace", "Pod", "Deployment", "ReplicaSet",
          "ReplicationController", "StatefulSet", "DaemonSet", "Job", "CronJob",
          "HorizontalPodAutoscaler", "Service", "Ingress", "IngressClass", "EndpointSlice",
          "Endpoints", "NetworkPolicy", "PersistentVolume", "PersistentVolumeClaim", "StorageClass",
          "ConfigMap", "Secret", "ServiceAccount", "Role", "ClusterRole", "RoleBinding",
          "ClusterRoleBinding", "PriorityClass", "PodDisruptionBudget", "LimitRange",
          "ResourceQuota", "CustomResourceDefinition", "Lease", "Scenario", "Layout", "Unknown"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

void TestIcons::everyKindHasItsIcon()
{
    QFETCH(QString, kind);
    const QString icon = kind.toLower() + ".svg";
    QVERIFY2(QFile::exists(iconDir() + '/' + icon), qPrintable(icon));
    QVERIFY(QSvgRenderer(iconDir() + '/' + icon).isValid());
}

void TestIcons::everyStatusAndActionGlyphExists_data()
{
    QTest::addColumn<QString>("icon");
    for (const char *icon : {"status/ready", "status/not-ready", "status/unknown", "status/tainted",
                             "status/cordoned", "actions/crash", "actions/partition",
                             "actions/recover", "actions/play", "actions/pause", "actions/step",
                             "actions/reset", "actions/zoom-fit"})
        QTest::newRow(icon) << QString::fromLatin1(icon) + ".svg";
}

void TestIcons::everyStatusAndActionGlyphExists()
{
    QFETCH(QString, icon);
    QVERIFY2(QFile::exists(iconDir() + '/' + icon), qPrintable(icon));
    QVERIFY(QSvgRenderer(iconDir() + '/' + icon).isValid());
}

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
