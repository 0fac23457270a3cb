// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "object_meta.h"
#include "object_table.h"

#include "emulator/api/value.h"

#include <string>

namespace emu::store {

/// Any object the emulator does not (yet) run, kept as its manifest so that it is listed,
/// shown and exported like the API server would: apiVersion, kind and the body besides
/// metadata (spec, data, ...). The server-owned metadata lives in `meta`.
struct UnstructuredObject
{
    std::string apiVersion;
    std::string kind;
    ObjectMeta meta;
    api::Value body = api::Value::mapping(); ///< the manifest without apiVersion/kind/metadata
    api::Value metadata = api::Value::mapping(); ///< the manifest's metadata as written

};

/// Objects of different kinds share one table: the key includes apiVersion and kind.
inline std::string storeKey(const UnstructuredObject &object)
{
    return object.apiVersion + '/' + object.kind + '/' + object.meta.key();
}

template<>
inline std::string resourceName<UnstructuredObject>()
{
    return "objects";
}

} // namespace emu::store
