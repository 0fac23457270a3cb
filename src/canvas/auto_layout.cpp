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

/// One namespace group laid out from (0, 0): its members' offsets and its size.
struct GroupBlock
{
    std::string name;
    std::vector<std::pair<ObjectUid, QPointF>> members;
    QSizeF size;
};

GroupBlock layOutGroup(const std::string &name, std::vector<const ManifestEntry *> members)
{
    std::stable_sort(members.begin(), members.end(), [](const ManifestEntry *a, const ManifestEntry *b) {
        return kindRank(a->identity.kind) < kindRank(b->identity.kind);
    });
    const double cellW = kObjectSize.width() + kGap;
    const double cellH = kObjectSize.height() + kGap;
    // Wider than tall: about twice as many columns as rows.
    const int columns = gridColumns(members.size() * 2, 4, 30);
    GroupBlock block{name, {}, {}};
    double rowY = kRegionHeader;
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
        block.members.emplace_back(e->uid, QPointF(kRegionPadding + column * cellW, rowY));
        usedColumns = std::max(usedColumns, ++column);
    }
    block.size = QSizeF(usedColumns * cellW - kGap + 2 * kRegionPadding, rowY + cellH - kGap + kRegionPadding);
    return block;
}

void placeLogical(const Document &document, const QRectF &physical, AutoLayoutResult &out)
{
    std::map<std::string, std::vector<const ManifestEntry *>> groups;
    for (const ManifestEntry &e : document.entries()) {
        if (ClusterNodes::drawsNodes(e) || document.layout(e.uid))
            continue;
        groups[groupOf(document, e.uid)].push_back(&e);
    }
    std::vector<GroupBlock> blocks;
    double widest = 0;
    double area = 0;
    for (auto &[name, members] : groups) {
        blocks.push_back(layOutGroup(name, std::move(members)));
        widest = std::max(widest, blocks.back().size.width());
        area += blocks.back().size.width() * blocks.back().size.height();
    }
    // Groups flow left to right in rows about as wide as the physical layer, or wide enough
    // for the whole to keep a screen's proportions (16:10).
    const double wrap = std::max({physical.width(), widest, std::sqrt(area * 1.6)});
    const double top = physical.height() > 0 ? physical.bottom() + kLayerGap : 0;
    double x = 0;
    double y = top;
    double rowHeight = 0;
    for (const GroupBlock &block : blocks) {
        if (x > 0 && x + block.size.width() > wrap) {
            x = 0;
            y += rowHeight + 2 * kGap;
            rowHeight = 0;
        }
        for (const auto &[uid, offset] : block.members)
            out.objects[uid] = QPointF(x, y) + offset;
        out.groupAreas[block.name] = QRectF(QPointF(x, y), block.size);
        x += block.size.width() + 2 * kGap;
        rowHeight = std::max(rowHeight, block.size.height());
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
