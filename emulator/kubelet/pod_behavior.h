// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "container_behavior.h"

#include "emulator/api/diagnostic.h"
#include "emulator/api/value.h"
#include "emulator/store/pod.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace emu::kubelet {

/// The annotation, on a Pod or a pod template, that says how the pod's containers behave.
inline constexpr std::string_view behaviorAnnotation = "kubecanvas.io/behavior";

/// Where a `kubecanvas.io/behavior` annotation's text came from, to place diagnostics in the
/// manifest.
struct BehaviorSource
{
    std::string file;
    std::string path = "metadata.annotations[kubecanvas.io/behavior]";
    api::SourcePos pos;            ///< the annotation value's position (unknown: none)
    api::ScalarStyle style = api::ScalarStyle::Plain;
    std::uint32_t blockIndent = 0; ///< column of a block scalar's content (0: unknown)
};

struct BehaviorParseResult;

/// The parsed `kubecanvas.io/behavior` annotation of one pod: a ContainerBehavior per
/// container named in it; every other container behaves as ContainerBehavior{} says.
///
/// The annotation's text is a YAML or JSON mapping from container name to fields
/// (docs/formats.md). Problems are Diagnostics with paths like
/// `metadata.annotations[kubecanvas.io/behavior].web.pullSeconds`:
/// errors - text that does not parse, not a mapping, a container entry that is not a mapping,
/// wrong types, negative, infinite or absurdly large (> 1e9 s) times, exit codes outside
/// 0..255, invalid or negative quantities; warnings - unknown container names, unknown fields.
/// A field with an error keeps its default; the rest of the annotation is still used.
/// A value type; parsing has no state outside the call.
class PodBehavior
{
public:
    /// Parses the annotation text. `containerNames` are the pod's containers (init and
    /// regular); names outside it are warnings. An empty list skips that check.
    static BehaviorParseResult parse(std::string_view text,
                                     const std::vector<std::string> &containerNames = {},
                                     const BehaviorSource &source = BehaviorSource());
    /// The behaviour a kubelet runs a pod with: its annotation parsed, problems ignored (the
    /// manifest validator reports them). No annotation: every container has the defaults.
    static PodBehavior fromPod(const store::Pod &pod);

    /// The container's behaviour; the defaults when the annotation does not name it.
    const ContainerBehavior &behaviorFor(std::string_view containerName) const;
    bool contains(std::string_view containerName) const;
    const std::map<std::string, ContainerBehavior, std::less<>> &containers() const
    {
        return m_containers;
    }

private:
    std::map<std::string, ContainerBehavior, std::less<>> m_containers;
};

/// PodBehavior::parse's outcome: the behaviour (usable even with errors) and the problems.
struct BehaviorParseResult
{
    PodBehavior behavior;
    api::Diagnostics diagnostics;
    bool ok() const { return !api::hasErrors(diagnostics); }
};

/// The manifest validator's hook: checks the `kubecanvas.io/behavior` annotation in a Pod's
/// `metadata` or a pod template's `metadata` (nothing to do without it; an annotation that is
/// not a string is left to the generic metadata validation). `metadataPath` prefixes the
/// paths, e.g. "spec.template.metadata" for a Deployment.
void validateBehaviorAnnotation(const api::Value &podOrTemplateMetadata,
                                const std::vector<std::string> &containerNames,
                                const std::string &file, api::Diagnostics &out,
                                std::string_view metadataPath = "metadata");

} // namespace emu::kubelet
