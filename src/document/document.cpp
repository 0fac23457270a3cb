// SPDX-License-Identifier: Apache-2.0
#include "document.h"

#include "emulator/api/manifest_loader.h"
#include "emulator/sim/project_validation.h"

namespace app::document {

using emu::api::ManifestLoader;

Document::Document(QObject *parent)
    : QObject(parent)
{}

bool Document::load(const QString &path, QString *errorText)
{
    ManifestLoader::Result loaded = ManifestLoader::loadPaths({path.toStdString()});
    if (loaded.filesRead == 0) {
        // Nothing could be read: keep what is open rather than lose the user's work.
        if (errorText) {
            QStringList lines;
            for (const auto &d : loaded.diagnostics)
                lines << QString::fromStdString(d.format());
            *errorText = lines.join('\n');
        }
        return false;
    }
    emu::sim::validateProject(loaded.manifests, loaded.diagnostics);
    setContent(std::move(loaded.manifests), std::move(loaded.diagnostics), path);
    return true;
}

void Document::loadText(const QByteArray &text, const QString &fileName)
{
    ManifestLoader::Result loaded = ManifestLoader::loadText(
        std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
        fileName.toStdString());
    emu::sim::validateProject(loaded.manifests, loaded.diagnostics);
    setContent(std::move(loaded.manifests), std::move(loaded.diagnostics), fileName);
}

void Document::setContent(std::vector<emu::api::Manifest> manifests,
                          emu::api::Diagnostics diagnostics, const QString &path)
{
    m_manifests = std::move(manifests);
    m_diagnostics = std::move(diagnostics);
    m_filePath = path;
    emit modelReset();
}

} // namespace app::document
