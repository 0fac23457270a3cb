// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "manifest.h"

#include <string>
#include <vector>

namespace emu::api {

/// What `export` does to each object on its way out.
struct ExportOptions
{
    bool applyDefaults = false; ///< the API server's defaulting (docs/defaulting.md)
    bool stripStatus = false;   ///< drop status and server-owned metadata
    bool stripEmulatorAnnotations = false; ///< drop kubecanvas.io/* annotations
};

/// Prepares manifests for `kubectl apply`: project kinds (group kubecanvas.io) are left out,
/// and the options above applied. Returns the objects in input order.
std::vector<Value> prepareForExport(const std::vector<Manifest> &manifests,
                                    const ExportOptions &options);

/// Removes what the server owns: status, metadata.managedFields, uid, resourceVersion,
/// creationTimestamp, selfLink and generation.
void stripServerFields(Value &object);

/// The file name `export --split` uses: `<kind>-<namespace>-<name>.yaml`, lower-case kind;
/// cluster-scoped objects have no namespace part, namespaced ones without one get "default".
std::string exportFileName(const Value &object);

} // namespace emu::api
