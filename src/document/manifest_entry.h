// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "object_identity.h"
#include "object_uid.h"

#include "emulator/api/diagnostic.h"
#include "emulator/api/labels.h"
#include "emulator/api/value.h"

#include <QString>

#include <string>

namespace app::document {

/// What an object is: its parsed tree and the exact text it is written as. The two always
/// agree: `text` parses to `object`, with positions counted from the text's first line.
/// Text that does not parse (a broken document kept so the user can fix it) has a null
/// `object` and its syntax errors in `parseDiagnostics`.
struct ObjectContent
{
    emu::api::Value object;
    std::string text;
    emu::api::Diagnostics parseDiagnostics; ///< YAML problems, positions relative to `text`

    bool isObject() const { return object.isMapping(); }
    bool operator==(const ObjectContent &other) const { return text == other.text; }
};

/// One document of the project: an object, where it came from, and how it is written back.
struct ManifestEntry
{
    ObjectUid uid = kNoObject;
    ObjectContent content;
    ObjectIdentity identity; ///< cached from content.object
    /// Cached from content.object: whether it makes pods (a workload or a Pod) and their
    /// labels, for selectors (Services, budgets, policies) matched against many objects.
    bool hasPodTemplate = false;
    emu::api::Labels podLabels;
    /// What precedes the text in the file: the `---` line, and any empty documents before it.
    /// Written back as is, so an untouched file is saved byte for byte.
    std::string prefix;
    QString file;        ///< the file the object was read from ("" for new objects)
    int lineInFile = 0;  ///< line of the text's first line in `file`; 0 once edited
    bool dirty = false;  ///< edited since the project was opened or last saved

    const emu::api::Value &object() const { return content.object; }
    const std::string &text() const { return content.text; }
};

} // namespace app::document
