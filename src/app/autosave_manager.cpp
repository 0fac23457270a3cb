// SPDX-License-Identifier: Apache-2.0
#include "autosave_manager.h"

#include "document/document.h"
#include "document/document_controller.h"
#include "document/project_reader.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>
#include <QUuid>

namespace app {

using namespace app::document;

namespace {

// Long enough not to write while the user types, short enough to lose little in a crash.
constexpr int kDefaultIdleSeconds = 30;
constexpr int kDefaultMaxSeconds = 120;
const QString kSuffix = QStringLiteral(".recovery.yaml");
const QString kNoteSuffix = QStringLiteral(".recovery.ini");

} // namespace

AutosaveManager::AutosaveManager(DocumentController *controller, const QString &folder, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_folder(folder.isEmpty()
                   ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/recovery"
                   : folder)
    , m_idleTimer(new QTimer(this))
    , m_maxTimer(new QTimer(this))
    , m_session(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_idleTimer->setSingleShot(true);
    m_idleTimer->setInterval(kDefaultIdleSeconds * 1000);
    connect(m_idleTimer, &QTimer::timeout, this, &AutosaveManager::saveRecoveryNow);
    m_maxTimer->setSingleShot(true);
    m_maxTimer->setInterval(kDefaultMaxSeconds * 1000);
    connect(m_maxTimer, &QTimer::timeout, this, &AutosaveManager::saveRecoveryNow);
    // Every edit restarts the idle delay; a save or discard makes the copy pointless.
    connect(controller->undoStack(), &QUndoStack::indexChanged, this, [this] {
        if (!m_controller->isModified())
            return;
        m_idleTimer->start();
        if (!m_maxTimer->isActive())
            m_maxTimer->start();
    });
    connect(controller, &DocumentController::modifiedChanged, this, &AutosaveManager::onModified);
}

void AutosaveManager::setIdleSeconds(int seconds)
{
    m_idleTimer->setInterval(seconds * 1000);
}

void AutosaveManager::setMaxSeconds(int seconds)
{
    m_maxTimer->setInterval(seconds * 1000);
}

QString AutosaveManager::recoveryFile() const
{
    return m_folder + '/' + m_session + kSuffix;
}

void AutosaveManager::onModified(bool modified)
{
    if (modified) {
        m_idleTimer->start();
    } else {
        m_idleTimer->stop();
        m_maxTimer->stop();
        discardRecovery();
    }
}

bool AutosaveManager::saveRecoveryNow()
{
    m_maxTimer->stop(); // restarted by the next edit
    if (!m_controller->isModified())
        return false;
    if (!QDir().mkpath(m_folder))
        return false;
    const std::string text = m_controller->document()->toProjectText();
    QSaveFile file(recoveryFile());
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) != qint64(text.size())
        || !file.commit())
        return false;
    QSettings note(m_folder + '/' + m_session + kNoteSuffix, QSettings::IniFormat);
    note.setValue("projectPath", m_controller->document()->filePath());
    note.setValue("savedAt", QDateTime::currentDateTimeUtc());
    note.sync();
    return note.status() == QSettings::NoError;
}

void AutosaveManager::discardRecovery()
{
    QFile::remove(recoveryFile());
    QFile::remove(m_folder + '/' + m_session + kNoteSuffix);
}

QList<AutosaveManager::Recovery> AutosaveManager::pendingRecoveries() const
{
    QList<Recovery> out;
    const QDir dir(m_folder);
    for (const QString &name : dir.entryList({"*" + kSuffix}, QDir::Files, QDir::Time)) {
        const QString session = name.left(name.size() - kSuffix.size());
        if (session == m_session)
            continue;
        QSettings note(dir.filePath(session + kNoteSuffix), QSettings::IniFormat);
        out << Recovery{dir.filePath(name), note.value("projectPath").toString(),
                        note.value("savedAt").toDateTime()};
    }
    return out;
}

bool AutosaveManager::recover(const Recovery &recovery, QString *error)
{
    QFile file(recovery.recoveryFile);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(recovery.recoveryFile, file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    const QString name = recovery.projectPath.isEmpty() ? QStringLiteral("untitled.yaml")
                                                        : recovery.projectPath;
    ProjectContent content = ProjectReader::readText(
        std::string_view(bytes.constData(), std::size_t(bytes.size())), name);
    m_controller->openContent(std::move(content), recovery.projectPath, true);
    file.close();
    QFile::remove(recovery.recoveryFile);
    QFile::remove(recovery.recoveryFile.left(recovery.recoveryFile.size() - kSuffix.size()) + kNoteSuffix);
    saveRecoveryNow(); // now this session's copy
    return true;
}

} // namespace app
