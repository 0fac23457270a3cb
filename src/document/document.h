// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/diagnostic.h"
#include "emulator/api/manifest.h"

#include <QObject>
#include <QString>

#include <vector>

namespace app::document {

/// The desired state the user edits: the project's manifests, in file order, plus the
/// problems found in them. Views (object tree, YAML view, problems) re-read it when it
/// signals; they never keep their own copy of the truth.
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);

    /// Reads a project or manifest file (or folder). On failure to read anything, the current
    /// content is kept and false is returned with the problems in `errorText`.
    bool load(const QString &path, QString *errorText = nullptr);
    /// Replaces the content with manifests parsed from text (used for bundled samples).
    void loadText(const QByteArray &text, const QString &fileName);

    QString filePath() const { return m_filePath; }
    const std::vector<emu::api::Manifest> &manifests() const { return m_manifests; }
    const emu::api::Diagnostics &diagnostics() const { return m_diagnostics; }

signals:
    void modelReset();

private:
    void setContent(std::vector<emu::api::Manifest> manifests, emu::api::Diagnostics diagnostics,
                    const QString &path);

    QString m_filePath;
    std::vector<emu::api::Manifest> m_manifests;
    emu::api::Diagnostics m_diagnostics;
};

} // namespace app::document
