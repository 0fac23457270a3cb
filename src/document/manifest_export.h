// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/export_options.h"

#include <QString>
#include <QStringList>

namespace app::document {

class Document;

/// Where and how to export a project's manifests.
struct ExportRequest
{
    QString path;     ///< a file, or with `split` a folder
    bool split = false;
    /// What export does to each object; by default kubectl-apply-ready: server-owned fields
    /// and the emulator's kubecanvas.io/* annotations removed.
    emu::api::ExportOptions options{false, true, true};
};

struct ExportResult
{
    int objects = 0;
    QStringList files;
    QString error; ///< "" on success
};

/// Writes the project's Kubernetes objects (not its kubecanvas.io kinds, nor the Layout) as
/// `kubecanvas-cli export` would, keeping unchanged objects' text and comments. Files are
/// written atomically; a folder is created if needed.
ExportResult exportManifests(const Document &document, const ExportRequest &request);

} // namespace app::document
