// SPDX-License-Identifier: Apache-2.0
// kubecanvas-cli: the headless front end of the KubeCanvas emulator library.
#include "command_line.h"
#include "explain_command.h"
#include "export_command.h"
#include "run_command.h"
#include "validate_command.h"

#include <iostream>
#include <string>
#include <vector>

namespace {

constexpr const char *mainHelp = R"(Usage: kubecanvas-cli COMMAND [options] ...

KubeCanvas: a visual modeler and emulator for Kubernetes clusters. This is its
headless command-line tool; it needs no display.

Commands:
  validate PATH...   check manifests and project files; prints FILE:LINE:COLUMN errors
  export PATH...     write kubectl-apply-ready YAML (-o FILE, --split DIR, --defaults,
                     --strip-status)
  run PATH...        emulate the cluster through its Scenario in simulated time
                     (--until, --seed, --events, --metrics, --state, --report)
  explain PATH... --pod NAMESPACE/NAME [--at DURATION]
                     run, then explain the scheduler's decision for the pod

Run `kubecanvas-cli COMMAND --help` for a command's options.

Options:
  -h, --help         show this help
      --version      print the version
)";

} // namespace

int main(int argc, char **argv)
{
    std::ios::sync_with_stdio(false);
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::cerr << mainHelp;
        return cli::ExitUsage;
    }
    const std::string command = args.front();
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (command == "-h" || command == "--help" || command == "help") {
        std::cout << mainHelp;
        return cli::ExitOk;
    }
    if (command == "--version" || command == "version") {
        std::cout << "kubecanvas-cli " << KUBECANVAS_VERSION << '\n';
        return cli::ExitOk;
    }
    try {
        if (command == "validate")
            return cli::runValidate(rest);
        if (command == "export")
            return cli::runExport(rest);
        if (command == "run")
            return cli::runRun(rest);
        if (command == "explain")
            return cli::runExplain(rest);
    } catch (const std::exception &e) {
        // Nothing should throw this far; if something does, say so instead of aborting.
        std::cerr << "kubecanvas-cli: internal error: " << e.what() << '\n';
        return cli::ExitInvalidInput;
    }
    std::cerr << "kubecanvas-cli: unknown command \"" << command << "\"\n" << mainHelp;
    return cli::ExitUsage;
}
