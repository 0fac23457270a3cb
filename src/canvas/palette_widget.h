// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QListWidget>

namespace app::canvas {

/// The kinds one can add, each with its icon, to drag onto the canvas (or double-click to
/// add in the middle of the view). Drags carry the kind as kMimeType.
class PaletteWidget : public QListWidget
{
    Q_OBJECT

public:
    static constexpr const char *kMimeType = "application/x-kubecanvas-kind";

    explicit PaletteWidget(QWidget *parent = nullptr);

signals:
    void kindActivated(const QString &kind);

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
};

} // namespace app::canvas
