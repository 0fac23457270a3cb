// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "manifest_entry.h"

#include "emulator/api/export_options.h"

#include <string>
#include <vector>

namespace app::document {

/// Writes entries back as text: the project file, or kubectl-apply-ready manifests.
namespace ProjectWriter {

/// The entries' prefixes and texts in order (a `---` added where one is needed), then
/// `trailing`, then the Layout document when `layoutText` is not empty.
std::string projectText(const std::vector<ManifestEntry> &entries, const std::string &trailing,
                        const std::string &layoutText);

struct ExportedObject
{
    std::string fileName; ///< as `kubecanvas-cli export --split` names it (unique)
    std::string text;
};

/// The objects as `kubecanvas-cli export` writes them (project kinds left out, options
/// applied through emu::api::prepareForExport). An object the options leave unchanged keeps
/// its text byte for byte, comments included; a changed one is written anew after its leading
/// comments. Entries that are not objects (unparsed text) are left out.
std::vector<ExportedObject> exportObjects(const std::vector<ManifestEntry> &entries,
                                          const emu::api::ExportOptions &options);
/// The exported objects as one multi-document stream.
std::string exportStream(const std::vector<ExportedObject> &objects);

} // namespace ProjectWriter

} // namespace app::document
