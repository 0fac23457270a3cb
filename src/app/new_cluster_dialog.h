// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "document/cluster_template.h"

#include <QDialog>

#include <memory>

namespace Ui { class NewClusterDialog; }

namespace app {

/// The "New cluster" wizard: zones, nodes per zone, node size and Kubernetes version, as a
/// Cluster with a NodePool or Node manifests (document::ClusterTemplate).
class NewClusterDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewClusterDialog(QWidget *parent = nullptr);
    ~NewClusterDialog() override;

    document::ClusterParameters parameters() const;

private:
    void updateSummary();

    std::unique_ptr<Ui::NewClusterDialog> m_ui;
};

} // namespace app
