// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "object_meta.h"

#include "emulator/api/value.h"

namespace emu::store {

/// An apps/v1 ControllerRevision: an immutable snapshot of a StatefulSet's or DaemonSet's
/// template (`data`, as the controllers' patch), numbered by `revision`.
struct ControllerRevision
{
    static constexpr const char *apiVersion = "apps/v1";
    static constexpr const char *kind = "ControllerRevision";

    ObjectMeta meta;
    api::Value metadata = api::Value::mapping();
    api::Value data = api::Value::mapping();
    std::int64_t revision = 0;
};

} // namespace emu::store
