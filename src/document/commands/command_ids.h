// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace app::document {

/// QUndoCommand::id() values of the commands that merge with their predecessor.
enum CommandId : int {
    SetFieldCommandId = 1, ///< consecutive edits of the same field
    MoveItemsCommandId = 2, ///< the steps of one drag
};

} // namespace app::document
