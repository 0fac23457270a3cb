// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "document/manifest_export.h"

#include <QDialog>

#include <memory>

namespace Ui { class ExportDialog; }

namespace app {

/// Asks where and how to export the project's manifests (one file or a folder; what to
/// strip), and warns when the project has errors.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const QString &suggestedPath, int errorCount, QWidget *parent = nullptr);
    ~ExportDialog() override;

    document::ExportRequest request() const;

private:
    void browse();
    void updateOk();

    std::unique_ptr<Ui::ExportDialog> m_ui;
};

} // namespace app
