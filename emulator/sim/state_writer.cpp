// SPDX-License-Identifier: Apache-2.0
#include "state_writer.h"

#include "object_serializer.h"

#include "emulator/api/yaml_writer.h"
#include "emulator/store/object_store.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string_view>
#include <utility>

namespace emu::sim {

namespace {

bool endsWith(const std::string &text, std::string_view suffix)
{
    return text.size() >= suffix.size()
           && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool failWith(std::string *error, std::string message)
{
    if (error)
        *error = std::move(message);
    return false;
}

} // namespace

bool writeState(const std::string &file, const store::ObjectStore &store,
                const ObjectSerializer &serializer, std::string *error)
{
    const api::Value list = serializer.toList(store);
    const std::string text = endsWith(file, ".json") ? api::YamlWriter::toJson(list)
                                                     : api::YamlWriter::toYaml(list);

    // Binary mode: the same bytes on every platform, so state files diff cleanly.
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out)
        return failWith(error, "cannot open " + file + " for writing: " + std::strerror(errno));
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out)
        return failWith(error, "cannot write " + file + ": " + std::strerror(errno));
    return true;
}

} // namespace emu::sim
