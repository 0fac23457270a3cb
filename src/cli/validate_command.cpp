// SPDX-License-Identifier: Apache-2.0
#include "validate_command.h"

#include "command_line.h"

#include "emulator/api/manifest_loader.h"
#include "emulator/sim/project_validation.h"

#include <iostream>

namespace cli {

namespace {

constexpr const char *validateHelp = R"(Usage: kubecanvas-cli validate [options] PATH...

Reads Kubernetes manifests (multi-document YAML, JSON, `kind: List`) and KubeCanvas
project files from files and folders (searched recursively for *.yaml, *.yml, *.json)
and reports every problem as
  FILE:LINE:COLUMN: error: FIELD.PATH: message
Warnings (unknown fields, unknown kinds, removed API versions) do not fail validation.

Options:
  -q, --quiet        print errors only, no warnings and no summary
      --no-warnings  same as --quiet but keep the summary
  -h, --help         show this help

Exit status: 0 all valid, 1 some input invalid, 2 usage error.
)";

} // namespace

int runValidate(const std::vector<std::string> &args)
{
    CommandLine cl({"-q", "--quiet", "--no-warnings", "-h", "--help"}, {});
    if (!cl.parse(args)) {
        std::cerr << "kubecanvas-cli validate: " << cl.error() << "\n" << validateHelp;
        return ExitUsage;
    }
    if (cl.has("-h") || cl.has("--help")) {
        std::cout << validateHelp;
        return ExitOk;
    }
    if (cl.positional().empty()) {
        std::cerr << "kubecanvas-cli validate: no PATH given\n" << validateHelp;
        return ExitUsage;
    }
    const bool quiet = cl.has("-q") || cl.has("--quiet");
    const bool showWarnings = !quiet && !cl.has("--no-warnings");

    using namespace emu::api;
    ManifestLoader::Result loaded = ManifestLoader::loadPaths(cl.positional());
    emu::sim::validateProject(loaded.manifests, loaded.diagnostics);

    std::size_t errors = 0;
    std::size_t warnings = 0;
    for (const Diagnostic &d : loaded.diagnostics) {
        if (d.severity == Severity::Error)
            ++errors;
        else
            ++warnings;
        if (d.severity == Severity::Error || showWarnings)
            std::cout << d.format() << '\n';
    }
    if (!quiet) {
        std::cerr << loaded.filesRead << (loaded.filesRead == 1 ? " file, " : " files, ")
                  << loaded.manifests.size()
                  << (loaded.manifests.size() == 1 ? " object: " : " objects: ") << errors
                  << (errors == 1 ? " error, " : " errors, ") << warnings
                  << (warnings == 1 ? " warning\n" : " warnings\n");
    }
    return errors > 0 ? ExitInvalidInput : ExitOk;
}

} // namespace cli
