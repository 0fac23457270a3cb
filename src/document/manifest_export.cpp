// SPDX-License-Identifier: Apache-2.0
#include "manifest_export.h"

#include "document.h"
#include "project_writer.h"

#include <QDir>
#include <QSaveFile>

namespace app::document {

namespace {

bool writeText(const QString &path, const std::string &text, QString &error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(text.data(), qint64(text.size())) == qint64(text.size())
        && file.commit())
        return true;
    error = QObject::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return false;
}

} // namespace

ExportResult exportManifests(const Document &document, const ExportRequest &request)
{
    ExportResult result;
    const auto objects = ProjectWriter::exportObjects(document.entries(), request.options);
    result.objects = int(objects.size());
    if (!request.split) {
        if (writeText(request.path, ProjectWriter::exportStream(objects), result.error))
            result.files << request.path;
        return result;
    }
    if (!QDir().mkpath(request.path)) {
        result.error = QObject::tr("Cannot create the folder %1").arg(QDir::toNativeSeparators(request.path));
        return result;
    }
    for (const auto &object : objects) {
        const QString path = QDir(request.path).filePath(QString::fromStdString(object.fileName));
        if (!writeText(path, object.text, result.error))
            return result;
        result.files << path;
    }
    return result;
}

} // namespace app::document
