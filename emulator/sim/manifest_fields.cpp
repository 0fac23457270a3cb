// SPDX-License-Identifier: Apache-2.0
#include "manifest_fields.h"

namespace emu::sim {

std::string scalarText(const api::Value *value)
{
    return value && value->isScalar() && !value->isNull() ? value->text() : std::string();
}

api::Labels stringMap(const api::Value *map)
{
    api::Labels out;
    if (map && map->isMapping())
        for (std::size_t i = 0; i < map->size(); ++i)
            out[map->keyAt(i).text()] = map->valueAt(i).text();
    return out;
}

store::ResourceList resourceList(const api::Value *map, store::ResourceList defaults)
{
    if (map && map->isMapping())
        for (std::size_t i = 0; i < map->size(); ++i)
            if (auto q = api::Quantity::fromValue(map->valueAt(i)))
                defaults[map->keyAt(i).text()] = *q;
    return defaults;
}

} // namespace emu::sim
