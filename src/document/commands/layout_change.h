// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "document/layout_record.h"
#include "document/object_uid.h"

#include <optional>

namespace app::document {

/// One object's canvas layout before and after a change (nullopt: auto-placed).
struct LayoutChange
{
    ObjectUid uid = kNoObject;
    std::optional<LayoutRecord> before;
    std::optional<LayoutRecord> after;
};

} // namespace app::document
