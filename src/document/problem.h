// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "object_uid.h"

#include "emulator/api/diagnostic.h"

#include <QString>

#include <string>

namespace app::document {

class Document;

/// One validation error or warning, attached to the object it is about.
struct Problem
{
    ObjectUid uid = kNoObject;
    emu::api::Severity severity = emu::api::Severity::Error;
    emu::api::SourcePos pos; ///< in the object's text (line 1 = its first line); may be unknown
    std::string path;        ///< field path, e.g. spec.template.spec.containers[0].image
    std::string message;
    bool crossObject = false; ///< found by looking at several objects (a selector, a reference)

    bool isError() const { return severity == emu::api::Severity::Error; }
    /// `file:line:column` in the file the object was last read from or saved to, as
    /// `kubecanvas-cli validate` prints it; "" when the object was edited since.
    QString fileLocation(const Document &document) const;
    /// `path: message` (or just the message).
    QString text() const;
};

} // namespace app::document
