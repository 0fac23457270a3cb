// SPDX-License-Identifier: Apache-2.0
#include "manifest.h"

namespace emu::api {

std::string Manifest::group() const
{
    const std::string apiVersion = this->apiVersion();
    const auto slash = apiVersion.find('/');
    return slash == std::string::npos ? std::string() : apiVersion.substr(0, slash);
}

std::string Manifest::field(std::string_view key) const
{
    const Value *v = object.find(key);
    return v && v->isScalar() && !v->isNull() ? v->text() : std::string();
}

std::string Manifest::metadataField(std::string_view key) const
{
    const Value *metadata = object.find("metadata");
    const Value *v = metadata ? metadata->find(key) : nullptr;
    return v && v->isScalar() && !v->isNull() ? v->text() : std::string();
}

} // namespace emu::api
