// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "value.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace emu::api {

/// Reads typed fields out of a generic Value tree and reports every problem as a Diagnostic
/// with a Kubernetes-style field path (`spec.actions[2].target.node`, `metadata.labels[app]`).
/// Used by the decoders of the kubecanvas.io kinds; each reader call is forgiving: on a bad
/// value it reports and returns nullopt, so the caller keeps its default and goes on.
class SpecFieldReader
{
public:
    SpecFieldReader(const std::string &file, Diagnostics &out);

    void error(const Value &at, const std::string &path, std::string message);
    void warning(const Value &at, const std::string &path, std::string message);

    /// The value under key, or nullptr when absent or null (`key: ~` means "unset" in the
    /// Kubernetes API machinery too).
    static const Value *field(const Value &parent, std::string_view key);
    /// Like field(), but reports an error (and returns nullptr) if the value is not a mapping.
    const Value *mappingField(const Value &parent, std::string_view key, const std::string &path);
    /// Like field(), but reports an error (and returns nullptr) if the value is not a sequence.
    const Value *sequenceField(const Value &parent, std::string_view key, const std::string &path);

    /// Unknown keys are warnings, as in validateObject() for every other kind: the object is
    /// kept, but a misspelt field would otherwise silently leave the default in place.
    void warnUnknownFields(const Value &mapping, std::initializer_list<std::string_view> known,
                             const std::string &path);

    std::optional<std::string> stringValue(const Value &v, const std::string &path);
    std::optional<std::int64_t> intValue(const Value &v, const std::string &path);
    std::optional<double> numberValue(const Value &v, const std::string &path);
    /// A Go duration string ("40s", "1m30s"), as metav1.Duration accepts it; in nanoseconds.
    std::optional<std::int64_t> durationNs(const Value &v, const std::string &path);
    /// durationNs() converted to milliseconds; warns when sub-millisecond precision is lost.
    std::optional<std::int64_t> durationMs(const Value &v, const std::string &path);

    static std::string child(const std::string &parent, std::string_view key);
    static std::string indexed(const std::string &parent, std::size_t index);
    static std::string keyed(const std::string &parent, std::string_view key);

    /// Kubernetes name rules (k8s.io/apimachinery/pkg/util/validation).
    static bool isDns1123Label(std::string_view s);
    static bool isDns1123Subdomain(std::string_view s);
    static bool isQualifiedName(std::string_view s); ///< label/annotation/taint keys
    static bool isLabelValue(std::string_view s);

private:
    void report(Severity severity, const Value &at, const std::string &path, std::string message);

    const std::string &m_file;
    Diagnostics &m_out;
};

} // namespace emu::api
