// SPDX-License-Identifier: Apache-2.0
#include "pod_behavior.h"

#include "emulator/api/field_error.h"
#include "emulator/api/spec_field_reader.h"
#include "emulator/api/yaml_reader.h"

#include <algorithm>
#include <cmath>

namespace emu::kubelet {

using api::SpecFieldReader;
using api::Value;

namespace {

// Keeps SimDuration::fromSeconds far from its saturation (about 292 years).
constexpr double maxSeconds = 1e9;

const ContainerBehavior &defaultBehavior()
{
    static const ContainerBehavior defaults; // immutable
    return defaults;
}

std::string trimmed(const std::string &s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

/// A YAML/JSON number, or a string holding one ("2", "1.5", "1e3"), as a finite double.
std::optional<double> numberOf(const Value &v)
{
    std::optional<double> d;
    if (v.isNumber()) {
        d = v.asDouble();
    } else if (v.isString()) {
        const Value resolved = Value::plainScalar(trimmed(v.text()));
        if (resolved.isNumber())
            d = resolved.asDouble();
    }
    return d;
}

class BehaviorReader
{
public:
    BehaviorReader(const std::string &file, api::Diagnostics &out) : m_reader(file, out) {}

    void read(const Value &entry, const std::string &path, ContainerBehavior &b)
    {
        m_reader.warnUnknownFields(entry, {"pullSeconds", "startSeconds", "readySeconds",
                                           "exitAfterSeconds", "exitCode", "stopSeconds",
                                           "livenessFailAfterSeconds", "readinessFailAfterSeconds",
                                           "cpu", "memory", "memoryGrowthPerSecond"}, path);
        seconds(entry, "pullSeconds", path, b.pullSeconds);
        seconds(entry, "startSeconds", path, b.startSeconds);
        seconds(entry, "readySeconds", path, b.readySeconds);
        optionalSeconds(entry, "exitAfterSeconds", path, b.exitAfterSeconds);
        seconds(entry, "stopSeconds", path, b.stopSeconds);
        optionalSeconds(entry, "livenessFailAfterSeconds", path, b.livenessFailAfterSeconds);
        optionalSeconds(entry, "readinessFailAfterSeconds", path, b.readinessFailAfterSeconds);
        if (const Value *v = SpecFieldReader::field(entry, "exitCode"))
            exitCode(*v, SpecFieldReader::child(path, "exitCode"), b.exitCode);
        quantity(entry, "cpu", path, b.cpu);
        quantity(entry, "memory", path, b.memory);
        if (const Value *v = SpecFieldReader::field(entry, "memoryGrowthPerSecond"))
            growth(*v, SpecFieldReader::child(path, "memoryGrowthPerSecond"), b.memoryGrowthPerSecond);
    }

    SpecFieldReader &reader() { return m_reader; }

private:
    std::optional<double> secondsValue(const Value &v, const std::string &path)
    {
        const std::optional<double> d = numberOf(v);
        if (!d) {
            m_reader.error(v, path, std::string("must be a number of seconds, not ")
                                        + (v.isString() ? api::field::quote(v.text())
                                                        : Value::describe(v.kind())));
            return std::nullopt;
        }
        if (!std::isfinite(*d) || *d > maxSeconds) {
            m_reader.error(v, path, "must be a finite number of seconds, at most 1e9, not " + v.text());
            return std::nullopt;
        }
        if (*d < 0) {
            m_reader.error(v, path, "must not be negative, not " + v.text());
            return std::nullopt;
        }
        return d;
    }

    void seconds(const Value &entry, std::string_view key, const std::string &path, double &out)
    {
        if (const Value *v = SpecFieldReader::field(entry, key)) {
            if (auto d = secondsValue(*v, SpecFieldReader::child(path, key)))
                out = *d;
        }
    }

    void optionalSeconds(const Value &entry, std::string_view key, const std::string &path,
                         std::optional<double> &out)
    {
        if (const Value *v = SpecFieldReader::field(entry, key)) {
            if (auto d = secondsValue(*v, SpecFieldReader::child(path, key)))
                out = *d;
        }
    }

    void exitCode(const Value &v, const std::string &path, int &out)
    {
        const std::optional<double> d = numberOf(v);
        if (!d || !std::isfinite(*d) || *d != std::floor(*d)) {
            m_reader.error(v, path, std::string("must be a whole number, not ")
                                        + (v.isScalar() && !v.isNull() ? v.text() : Value::describe(v.kind())));
            return;
        }
        if (*d < 0 || *d > 255) {
            m_reader.error(v, path, "must be between 0 and 255 (a process exit status), not " + v.text());
            return;
        }
        out = static_cast<int>(*d);
    }

    void quantity(const Value &entry, std::string_view key, const std::string &path,
                  std::optional<api::Quantity> &out)
    {
        const Value *v = SpecFieldReader::field(entry, key);
        if (!v)
            return;
        const std::string fieldPath = SpecFieldReader::child(path, key);
        const std::optional<api::Quantity> q = v->isScalar() && v->kind() != api::ValueKind::Bool
                                                   ? api::Quantity::fromValue(*v)
                                                   : std::nullopt;
        if (!q) {
            m_reader.error(*v, fieldPath, v->isScalar() ? "invalid quantity " + api::field::quote(v->text())
                                                        : std::string("must be a quantity, not ")
                                                              + Value::describe(v->kind()));
            return;
        }
        if (q->sign() < 0) {
            m_reader.error(*v, fieldPath, "must not be negative, not " + v->text());
            return;
        }
        out = *q;
    }

    void growth(const Value &v, const std::string &path, double &out)
    {
        // Bytes per second: a number, or a quantity such as "10Mi".
        std::optional<double> d = numberOf(v);
        if (!d && v.isString()) {
            if (const auto q = api::Quantity::fromValue(v))
                d = static_cast<double>(q->value());
        }
        if (!d) {
            m_reader.error(v, path, std::string("must be a number of bytes per second or a quantity, not ")
                                        + (v.isString() ? api::field::quote(v.text())
                                                        : Value::describe(v.kind())));
            return;
        }
        if (!std::isfinite(*d) || *d < 0) {
            m_reader.error(v, path, "must be a finite number, not negative, not " + v.text());
            return;
        }
        out = *d;
    }

    SpecFieldReader m_reader;
};

api::SourcePos mapPos(api::SourcePos inner, const BehaviorSource &source)
{
    if (!source.pos.isKnown())
        return {};
    if (!inner.isKnown())
        return source.pos;
    switch (source.style) {
    case api::ScalarStyle::Literal:
    case api::ScalarStyle::Folded:
        // The block's content starts on the line after the indicator (`|`, `>`).
        return {source.pos.line + inner.line,
                source.blockIndent != 0 ? source.blockIndent + inner.column - 1 : 1};
    case api::ScalarStyle::Plain:
        if (inner.line == 1)
            return {source.pos.line, source.pos.column + inner.column - 1};
        return source.pos;
    case api::ScalarStyle::SingleQuoted:
    case api::ScalarStyle::DoubleQuoted:
        if (inner.line == 1)
            return {source.pos.line, source.pos.column + inner.column}; // after the quote
        return source.pos;
    }
    return source.pos;
}

} // namespace

BehaviorParseResult PodBehavior::parse(std::string_view text,
                                            const std::vector<std::string> &containerNames,
                                            const BehaviorSource &source)
{
    BehaviorParseResult result;
    api::Diagnostics local;
    BehaviorReader behaviorReader(source.file, local);
    SpecFieldReader &reader = behaviorReader.reader();

    api::YamlReader::Result parsed = api::YamlReader::parse(text, source.file);
    for (api::Diagnostic &d : parsed.diagnostics) {
        if (d.path.empty())
            d.path = source.path;
        local.push_back(std::move(d));
    }
    if (parsed.documents.size() > 1) {
        reader.error(parsed.documents[1].root, source.path,
                     "must be a single YAML or JSON mapping, not several documents");
    } else if (parsed.documents.size() == 1 && !api::hasErrors(parsed.diagnostics)) {
        const Value &root = parsed.documents.front().root;
        if (!root.isMapping() && !root.isNull()) {
            reader.error(root, source.path,
                         std::string("must be a mapping from container name to behaviour, not ")
                             + Value::describe(root.kind()));
        } else {
            for (std::size_t i = 0; i < root.size(); ++i) {
                const Value &key = root.keyAt(i);
                const Value &entry = root.valueAt(i);
                const std::string &name = key.text();
                const std::string path = SpecFieldReader::child(source.path, name);
                if (!containerNames.empty()
                    && std::find(containerNames.begin(), containerNames.end(), name) == containerNames.end()) {
                    std::string known;
                    for (const std::string &c : containerNames)
                        known += (known.empty() ? "" : ", ") + c;
                    reader.warning(key, path, "no container named " + api::field::quote(name)
                                                  + " in this pod (containers: " + known + ")");
                }
                ContainerBehavior behavior;
                if (!entry.isNull() && !entry.isMapping())
                    reader.error(entry, path, std::string("must be a mapping of behaviour fields, not ")
                                                  + Value::describe(entry.kind()));
                else
                    behaviorReader.read(entry, path, behavior);
                result.behavior.m_containers.insert_or_assign(name, behavior);
            }
        }
    }
    for (api::Diagnostic &d : local) {
        d.file = source.file;
        d.pos = mapPos(d.pos, source);
        result.diagnostics.push_back(std::move(d));
    }
    return result;
}

PodBehavior PodBehavior::fromPod(const store::Pod &pod)
{
    const auto it = pod.meta.annotations.find(behaviorAnnotation);
    if (it == pod.meta.annotations.end())
        return {};
    std::vector<std::string> names;
    for (const store::Container &c : pod.spec.initContainers)
        names.push_back(c.name);
    for (const store::Container &c : pod.spec.containers)
        names.push_back(c.name);
    return parse(it->second, names).behavior;
}

const ContainerBehavior &PodBehavior::behaviorFor(std::string_view containerName) const
{
    const auto it = m_containers.find(containerName);
    return it != m_containers.end() ? it->second : defaultBehavior();
}

bool PodBehavior::contains(std::string_view containerName) const
{
    return m_containers.find(containerName) != m_containers.end();
}

void validateBehaviorAnnotation(const api::Value &podOrTemplateMetadata,
                                const std::vector<std::string> &containerNames,
                                const std::string &file, api::Diagnostics &out,
                                std::string_view metadataPath)
{
    const Value *annotations = SpecFieldReader::field(podOrTemplateMetadata, "annotations");
    if (!annotations || !annotations->isMapping())
        return;
    for (std::size_t i = 0; i < annotations->size(); ++i) {
        const Value &key = annotations->keyAt(i);
        const Value &value = annotations->valueAt(i);
        if (key.text() != behaviorAnnotation || !value.isString())
            continue;
        BehaviorSource source;
        source.file = file;
        source.path = SpecFieldReader::keyed(SpecFieldReader::child(std::string(metadataPath), "annotations"),
                                             behaviorAnnotation);
        source.pos = value.pos();
        source.style = value.style();
        // A block scalar's content is indented deeper than its key; two spaces is the norm.
        if (key.pos().isKnown())
            source.blockIndent = key.pos().column + 2;
        api::Diagnostics diagnostics = PodBehavior::parse(value.text(), containerNames, source).diagnostics;
        out.insert(out.end(), std::make_move_iterator(diagnostics.begin()),
                   std::make_move_iterator(diagnostics.end()));
    }
}

} // namespace emu::kubelet
