// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace emu::store {
class ObjectStore;
} // namespace emu::store

namespace emu::sim {

class ObjectSerializer;

/// Writes every object of the store as one `kind: List`, as `kubectl get -o yaml` would show
/// it: JSON when the file name ends in ".json", YAML otherwise. Returns false and sets *error
/// (if given) when the file cannot be written; a failed write may leave a partial file.
bool writeState(const std::string &file, const store::ObjectStore &store,
                const ObjectSerializer &serializer, std::string *error);

} // namespace emu::sim
