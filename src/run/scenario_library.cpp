// SPDX-License-Identifier: Apache-2.0
#include "scenario_library.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QTextStream>

namespace app::run {

QStringList ScenarioLibrary::resources()
{
    QStringList paths;
    const QDir dir(QStringLiteral(":/scenarios"));
    for (const QString &name : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
        paths << dir.filePath(name);
    return paths;
}

QStringList ScenarioLibrary::headerLines(const QString &resource)
{
    QFile file(resource);
    QStringList lines;
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return lines;
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (!line.startsWith('#'))
            break;
        lines << line.mid(1).trimmed();
    }
    return lines;
}

QString ScenarioLibrary::title(const QString &resource)
{
    QString first = headerLines(resource).value(0);
    if (first.endsWith('.'))
        first.chop(1);
    return first.isEmpty() ? QFileInfo(resource).completeBaseName() : first;
}

QString ScenarioLibrary::explanation(const QString &resource)
{
    return headerLines(resource).join(' ').trimmed();
}

} // namespace app::run
