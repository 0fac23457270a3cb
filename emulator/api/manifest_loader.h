// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "manifest.h"

#include <string>
#include <string_view>
#include <vector>

namespace emu::api {

/// Reads Kubernetes manifests from files and folders: multi-document YAML, JSON, and
/// `kind: List` documents (as `kubectl get -o yaml` writes them), which are expanded into their
/// items. Never throws; every problem becomes a diagnostic.
class ManifestLoader
{
public:
    struct Result
    {
        std::vector<Manifest> manifests;
        Diagnostics diagnostics;
        std::size_t filesRead = 0;
    };

    /// Files are read whatever their extension; folders are searched recursively for
    /// *.yaml, *.yml and *.json, in sorted order so results are deterministic.
    static Result loadPaths(const std::vector<std::string> &paths);
    /// Parses one file's text.
    static Result loadText(std::string_view text, const std::string &file);

    /// The files `loadPaths` would read.
    static std::vector<std::string> collectFiles(const std::vector<std::string> &paths,
                                                 Diagnostics &diagnostics);

    /// Validates each object and the set as a whole (the same object defined twice).
    static void validate(const std::vector<Manifest> &manifests, Diagnostics &diagnostics);

private:
    static void appendDocument(Value root, const std::string &file, Result &result);
};

} // namespace emu::api
