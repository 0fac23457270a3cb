// SPDX-License-Identifier: Apache-2.0
#include "palette_widget.h"

#include "document/object_templates.h"
#include "panels/kind_icon.h"

#include <QMimeData>

namespace app::canvas {

PaletteWidget::PaletteWidget(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("canvasPalette"));
    setIconSize(QSize(22, 22));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(true);
    for (const QString &kind : document::ObjectTemplates::kinds()) {
        auto *item = new QListWidgetItem(panels::kindIcon(kind), kind, this);
        item->setData(Qt::UserRole, kind);
        item->setToolTip(tr("Drag onto the canvas to add a %1").arg(kind));
    }
    connect(this, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit kindActivated(item->data(Qt::UserRole).toString()); });
}

QStringList PaletteWidget::mimeTypes() const
{
    return {QString::fromLatin1(kMimeType)};
}

QMimeData *PaletteWidget::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(kMimeType), items.first()->data(Qt::UserRole).toString().toUtf8());
    return data;
}

} // namespace app::canvas
