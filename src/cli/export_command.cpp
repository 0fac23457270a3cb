// SPDX-License-Identifier: Apache-2.0
#include "export_command.h"

#include "command_line.h"

#include "emulator/api/export_options.h"
#include "emulator/api/manifest_loader.h"
#include "emulator/sim/project_validation.h"
#include "emulator/api/yaml_writer.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

namespace cli {

namespace {

constexpr const char *exportHelp = R"(Usage: kubecanvas-cli export [options] PATH...

Reads manifests like `validate` and writes them as kubectl-apply-ready YAML.
KubeCanvas project kinds (group kubecanvas.io: Cluster, NodePool, Scenario, Layout)
are left out. Invalid input is reported as by `validate` and nothing is written.

Options:
  -o, --output FILE     write one multi-document YAML file (default: standard output)
      --split DIR       write one file per object, named <kind>-<namespace>-<name>.yaml
      --defaults        apply the API server's defaults (see docs/defaulting.md)
      --strip-status    drop status, metadata.managedFields, uid, resourceVersion,
                        creationTimestamp (and selfLink, generation)
      --strip-annotations
                        drop the emulator's kubecanvas.io/* annotations
  -h, --help            show this help

Exit status: 0 written, 1 invalid input or write error, 2 usage error.
)";

bool writeFile(const std::filesystem::path &path, const std::string &text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        std::cerr << "kubecanvas-cli export: cannot write " << path.string() << '\n';
        return false;
    }
    return true;
}

} // namespace

int runExport(const std::vector<std::string> &args)
{
    CommandLine cl({"--defaults", "--strip-status", "--strip-annotations", "-h", "--help"},
                   {"-o", "--output", "--split"});
    if (!cl.parse(args)) {
        std::cerr << "kubecanvas-cli export: " << cl.error() << "\n" << exportHelp;
        return ExitUsage;
    }
    if (cl.has("-h") || cl.has("--help")) {
        std::cout << exportHelp;
        return ExitOk;
    }
    std::optional<std::string> output = cl.value("-o");
    if (!output)
        output = cl.value("--output");
    const std::optional<std::string> splitDir = cl.value("--split");
    if (cl.positional().empty() || (output && splitDir)) {
        std::cerr << "kubecanvas-cli export: "
                  << (output && splitDir ? "-o and --split cannot be combined" : "no PATH given")
                  << "\n" << exportHelp;
        return ExitUsage;
    }

    using namespace emu::api;
    ManifestLoader::Result loaded = ManifestLoader::loadPaths(cl.positional());
    emu::sim::validateProject(loaded.manifests, loaded.diagnostics);
    for (const Diagnostic &d : loaded.diagnostics)
        std::cerr << d.format() << '\n';
    if (hasErrors(loaded.diagnostics)) {
        std::cerr << "kubecanvas-cli export: invalid input, nothing written\n";
        return ExitInvalidInput;
    }

    ExportOptions options;
    options.applyDefaults = cl.has("--defaults");
    options.stripStatus = cl.has("--strip-status");
    options.stripEmulatorAnnotations = cl.has("--strip-annotations");
    const std::vector<Value> objects = prepareForExport(loaded.manifests, options);

    if (splitDir) {
        std::error_code ec;
        std::filesystem::create_directories(*splitDir, ec);
        if (ec) {
            std::cerr << "kubecanvas-cli export: cannot create " << *splitDir << ": "
                      << ec.message() << '\n';
            return ExitInvalidInput;
        }
        std::set<std::string> used;
        for (const Value &object : objects) {
            const std::string base = exportFileName(object);
            std::string name = base;
            // Two objects can map to one name (same kind and name, different apiVersion).
            for (int n = 2; !used.insert(name).second; ++n)
                name = base.substr(0, base.size() - 5) + '-' + std::to_string(n) + ".yaml";
            if (!writeFile(std::filesystem::path(*splitDir) / name, YamlWriter::toYaml(object)))
                return ExitInvalidInput;
        }
        std::cerr << objects.size() << " objects written to " << *splitDir << '\n';
        return ExitOk;
    }
    const std::string text = YamlWriter::toYamlStream(objects);
    if (output)
        return writeFile(*output, text) ? ExitOk : ExitInvalidInput;
    std::cout << text;
    return ExitOk;
}

} // namespace cli
