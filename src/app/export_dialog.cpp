// SPDX-License-Identifier: Apache-2.0
#include "export_dialog.h"

#include "ui_export_dialog.h"

#include <QFileDialog>
#include <QPushButton>

namespace app {

ExportDialog::ExportDialog(const QString &suggestedPath, int errorCount, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ExportDialog>())
{
    m_ui->setupUi(this);
    m_ui->pathEdit->setText(suggestedPath);
    if (errorCount > 0)
        m_ui->warningLabel->setText(tr("The project has %n error(s) (see Problems): kubectl apply "
                                       "would refuse some objects.", nullptr, errorCount));
    connect(m_ui->browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_ui->pathEdit, &QLineEdit::textChanged, this, &ExportDialog::updateOk);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::browse()
{
    const QString path = m_ui->folderRadio->isChecked()
        ? QFileDialog::getExistingDirectory(this, tr("Export to folder"), m_ui->pathEdit->text())
        : QFileDialog::getSaveFileName(this, tr("Export to file"), m_ui->pathEdit->text(),
                                       tr("YAML (*.yaml *.yml)"));
    if (!path.isEmpty())
        m_ui->pathEdit->setText(path);
}

void ExportDialog::updateOk()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!m_ui->pathEdit->text().trimmed().isEmpty());
}

document::ExportRequest ExportDialog::request() const
{
    document::ExportRequest r;
    r.path = m_ui->pathEdit->text().trimmed();
    r.split = m_ui->folderRadio->isChecked();
    r.options.stripStatus = m_ui->stripStatusCheck->isChecked();
    r.options.stripEmulatorAnnotations = m_ui->stripAnnotationsCheck->isChecked();
    r.options.applyDefaults = m_ui->defaultsCheck->isChecked();
    return r;
}

} // namespace app
