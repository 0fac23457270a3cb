// SPDX-License-Identifier: Apache-2.0
#include "new_cluster_dialog.h"

#include "ui_new_cluster_dialog.h"

#include "emulator/api/names.h"

#include <QPushButton>

namespace app {

using namespace app::document;

NewClusterDialog::NewClusterDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::NewClusterDialog>())
{
    m_ui->setupUi(this);
    for (const std::string &v : ClusterTemplate::versions())
        m_ui->versionCombo->addItem(QString::fromStdString(v));
    m_ui->versionCombo->setCurrentText(QStringLiteral("1.32"));
    for (const NodeSize &size : ClusterTemplate::nodeSizes())
        m_ui->sizeCombo->addItem(tr(size.label));
    m_ui->sizeCombo->setCurrentIndex(1);
    for (QWidget *w : {static_cast<QWidget *>(m_ui->zonesSpin), static_cast<QWidget *>(m_ui->nodesSpin)})
        connect(qobject_cast<QSpinBox *>(w), &QSpinBox::valueChanged, this, &NewClusterDialog::updateSummary);
    connect(m_ui->sizeCombo, &QComboBox::currentIndexChanged, this, &NewClusterDialog::updateSummary);
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &NewClusterDialog::updateSummary);
    connect(m_ui->zonePrefixEdit, &QLineEdit::textChanged, this, &NewClusterDialog::updateSummary);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateSummary();
}

NewClusterDialog::~NewClusterDialog() = default;

ClusterParameters NewClusterDialog::parameters() const
{
    ClusterParameters p;
    p.name = m_ui->nameEdit->text().trimmed().toStdString();
    p.kubernetesVersion = m_ui->versionCombo->currentText().toStdString();
    p.zones = ClusterTemplate::zoneNames(m_ui->zonePrefixEdit->text().trimmed().toStdString(),
                                         m_ui->zonesSpin->value());
    p.nodesPerZone = m_ui->nodesSpin->value();
    const NodeSize &size = ClusterTemplate::nodeSizes()[std::size_t(m_ui->sizeCombo->currentIndex())];
    p.cpu = size.cpu;
    p.memory = size.memory;
    p.maxPods = m_ui->maxPodsSpin->value();
    p.asNodePool = m_ui->asCombo->currentIndex() == 0;
    return p;
}

void NewClusterDialog::updateSummary()
{
    const ClusterParameters p = parameters();
    QString problem;
    if (const auto errors = emu::api::isDns1123Subdomain(p.name); !errors.empty())
        problem = tr("Cluster name: %1").arg(QString::fromStdString(errors.front()));
    for (const std::string &zone : p.zones)
        if (const auto errors = emu::api::isValidLabelValue(zone); problem.isEmpty() && !errors.empty())
            problem = tr("Zone %1: %2").arg(QString::fromStdString(zone), QString::fromStdString(errors.front()));
    const int nodes = p.nodesPerZone * int(p.zones.size());
    if (problem.isEmpty() && nodes > 5000)
        problem = tr("At most 5,000 nodes (the upstream limit for a cluster).");
    m_ui->summaryLabel->setText(problem.isEmpty()
        ? tr("%n node(s) in total, in zones %1.", nullptr, nodes)
              .arg(QString::fromStdString(p.zones.front() + (p.zones.size() > 1 ? " … " + p.zones.back() : "")))
        : problem);
    m_ui->summaryLabel->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("color: #b71c1c;"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace app
