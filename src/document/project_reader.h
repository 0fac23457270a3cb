// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "layout_document.h"
#include "manifest_entry.h"

#include <QString>
#include <QStringList>

#include <string>
#include <string_view>
#include <vector>

namespace app::document {

/// What a project file (or a manifest file or folder) holds, before it becomes a Document.
struct ProjectContent
{
    std::vector<ManifestEntry> entries; ///< uids not yet assigned
    std::vector<LayoutDocument::Item> layout;
    std::string layoutText;   ///< the Layout document as read, to write back when unchanged
    std::string trailingText; ///< empty documents and comments after the last object
};

/// Reads project files and manifests into ProjectContent, keeping each object's exact text.
///
/// A YAML stream is split at its `---` lines; each document keeps its text and the marker
/// before it, so that writing the entries back gives the file byte for byte. A List
/// (`kubectl get -o yaml`) is expanded into its items, written anew. A document that does not
/// parse is kept, with its errors, for the user to fix. The first Layout document becomes
/// the layout; a JSON file is one object (or List).
class ProjectReader
{
public:
    static ProjectContent readText(std::string_view text, const QString &file);
    /// Reads files, and folders recursively (*.yaml, *.yml, *.json, in sorted order). Returns
    /// false with a message per unreadable path in `errors` if nothing at all could be read.
    static bool readPaths(const QStringList &paths, ProjectContent &content, QStringList &errors);

private:
    static void readJson(std::string_view text, const QString &file, ProjectContent &out,
                         bool &handled);
};

} // namespace app::document
