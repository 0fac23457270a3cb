// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>

class QTimer;

namespace app {

namespace document { class DocumentController; }

/// Keeps a recovery copy of a project with unsaved changes, and offers it back after a
/// crash. The copy is written once the user has paused for `idleSeconds` after a change
/// (not while typing), and at the latest `maxSeconds` after the first unsaved change, to
/// `<folder>/<session>.recovery.yaml` with a note of the project's path; saving,
/// discarding or closing normally removes it.
class AutosaveManager : public QObject
{
    Q_OBJECT

public:
    struct Recovery
    {
        QString recoveryFile;
        QString projectPath; ///< "" for an untitled project
        QDateTime savedAt;
    };

    /// `folder` is where recovery files live (the application data folder by default).
    AutosaveManager(document::DocumentController *controller, const QString &folder = {},
                    QObject *parent = nullptr);

    void setIdleSeconds(int seconds);
    void setMaxSeconds(int seconds);
    QString folder() const { return m_folder; }
    /// Writes the recovery copy now (if there are unsaved changes); false if it cannot.
    bool saveRecoveryNow();
    /// Removes this session's recovery copy (after a save, or a deliberate discard).
    void discardRecovery();
    /// Recovery copies left by sessions that did not end normally.
    QList<Recovery> pendingRecoveries() const;
    /// Opens a recovery copy as an unsaved project under its original path, and removes it.
    bool recover(const Recovery &recovery, QString *error = nullptr);

private:
    void onModified(bool modified);
    QString recoveryFile() const;

    document::DocumentController *m_controller;
    QString m_folder;
    QTimer *m_idleTimer;
    QTimer *m_maxTimer; ///< so that long stretches of editing without a pause are kept too
    QString m_session; ///< unique per running window, so two windows never share a file
};

} // namespace app
