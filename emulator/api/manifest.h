// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "value.h"

#include <string>

namespace emu::api {

/// One Kubernetes object as read from a file: the generic tree plus where it came from.
struct Manifest
{
    Value object;
    std::string file;
    SourcePos pos;
    std::string pathPrefix; ///< "items[3]." for an object expanded from a List, else empty

    std::string apiVersion() const { return field("apiVersion"); }
    std::string kind() const { return field("kind"); }
    std::string name() const { return metadataField("name"); }
    std::string namespaceName() const { return metadataField("namespace"); }
    /// The API group of apiVersion: "" for the core group ("v1").
    std::string group() const;

private:
    std::string field(std::string_view key) const;
    std::string metadataField(std::string_view key) const;
};

} // namespace emu::api
