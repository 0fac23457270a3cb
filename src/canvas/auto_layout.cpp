// SPDX-License-Identifier: Apache-2.0
#include "auto_layout.h"

#include "canvas_style.h"

#include "document/document.h"

#include <algorithm>
#include <cmath>

namespace app::canvas {

using namespace app::document;
using namespace CanvasStyle;

namespace AutoLayout {

namespace {

int gridColumns(std::size_t count, int minimum, int maximum)
{
    const int root = int(std::ceil(std::sqrt(double(count))));
    return std::clamp(root, minimum, maximum);
}

/// Physical layer: pools in a row, then zone columns. Returns its bottom edge and width.
QRectF placePhysical(const Document &document, const std::vector<ClusterNode> &nodes,
                     AutoLayoutResult &out)
{
    const double cellW = kNodeSize.width() + kGap;
    const double cellH = kNodeSize.height() + kGap;
    double x = 0;
    double top = 0;
    for (const ManifestEntry &e : document.entries()) {
        if (!ClusterNodes::drawsNodes(e) || e.identity.kind != "NodePool" || document.layout(e.uid))
            continue;
        out.objects[e.uid] = QPointF(x, 0);
        x += kObjectSize.width() + kGap;
        top = kObjectSize.height() + 2 * kGap;
    }
    // Zones sorted by name, nodes without a zone last.
    std::map<QString, std::vector<const ClusterNode *>> byZone;
    for (const ClusterNode &n : nodes) {
        if (!n.fromPool && document.layout(n.uid))
            continue; // placed by the user
        byZone[n.zone].push_back(&n);
    }
    std::vector<QString> zones;
    for (const auto &[zone, members] : byZone)
        if (!zone.isEmpty())
            zones.push_back(zone);
    if (byZone.count(QString()))
        zones.push_back(QString());
    double zoneX = 0;
    double bottom = top;
    for (const QString &zone : zones) {
        const auto &members = byZone[zone];
        // Zones are columns: taller than wide (two rows per column), at most 8 nodes across.
        const int columns = gridColumns((members.size() + 1) / 2, 1, 8);
        const double left = zoneX + kRegionPadding;
        const double y0 = top + kRegionHeader;
        for (std::size_t i = 0; i < members.size(); ++i) {
            const QPointF pos(left + double(i % columns) * cellW, y0 + double(i / columns) * cellH);
            if (members[i]->fromPool)
                out.poolNodes.insert(members[i]->name, pos);
            else
                out.objects[members[i]->uid] = pos;
        }
        const double rows = std::ceil(double(members.size()) / columns);
        const QRectF area(zoneX, top, columns * cellW - kGap + 2 * kRegionPadding,
                          kRegionHeader + rows * cellH - kGap + kRegionPadding);
        out.zoneAreas[zone] = area;
        zoneX = area.right() + 2 * kGap;
        bottom = std::max(bottom, area.bottom());
    }
    return QRectF(0, 0, std::max(x, zoneX), bottom);
}

void placeLogical(const Document &document, const QRectF &physical, AutoLayoutResult &out)
{
    std::map<std::string, std::vector<const ManifestEntry *>> groups;
    for (const ManifestEntry &e : document.entries()) {
        if (ClusterNodes::drawsNodes(e) || document.layout(e.uid))
            continue;
        groups[groupOf(document, e.uid)].push_back(&e);
    }
    const double cellW = kObjectSize.width() + kGap;
    const double cellH = kObjectSize.height() + kGap;
    double y = physical.height() > 0 ? physical.bottom() + kLayerGap : 0;
    for (auto &[group, members] : groups) {
        std::stable_sort(members.begin(), members.end(), [](const ManifestEntry *a, const ManifestEntry *b) {
            return kindRank(a->identity.kind) < kindRank(b->identity.kind);
        });
        const int fit = int((physical.width() + kGap) / cellW);
        const int columns = std::clamp(std::max(fit, gridColumns(members.size(), 4, 30)), 4, 30);
        const double left = kRegionPadding;
        double rowY = y + kRegionHeader;
        int column = 0;
        int row = -1;
        int usedColumns = 0;
        for (const ManifestEntry *e : members) {
            const int kindRowOf = kindRow(e->identity.kind);
            if (row >= 0 && (kindRowOf != row || column == columns)) {
                rowY += cellH;
                column = 0;
            }
            row = kindRowOf;
            out.objects[e->uid] = QPointF(left + column * cellW, rowY);
            usedColumns = std::max(usedColumns, ++column);
        }
        const QRectF area(0, y, usedColumns * cellW - kGap + 2 * kRegionPadding,
                          rowY + cellH - y + kRegionPadding - kGap);
        out.groupAreas[group] = area;
        y = area.bottom() + 2 * kGap;
    }
}

} // namespace

std::string groupOf(const Document &document, ObjectUid uid)
{
    const ManifestEntry *e = document.entry(uid);
    if (!e || !e->content.isObject() || !e->identity.isNamespaced())
        return {};
    return e->identity.effectiveNamespace();
}

AutoLayoutResult compute(const Document &document, const std::vector<ClusterNode> &nodes)
{
    AutoLayoutResult out;
    const QRectF physical = placePhysical(document, nodes, out);
    placeLogical(document, physical, out);
    return out;
}

} // namespace AutoLayout

} // namespace app::canvas
