// SPDX-License-Identifier: Apache-2.0
#include "explain_command.h"

#include "command_line.h"

#include "emulator/api/go_duration.h"
#include "emulator/api/manifest_loader.h"
#include "emulator/sim/emulator.h"
#include "emulator/sim/project_validation.h"

#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

namespace cli {

namespace {

constexpr const char *explainHelp = R"(Usage: kubecanvas-cli explain [options] PATH... --pod NAMESPACE/NAME

Runs the project in PATH (as `run` does, without output) and explains the scheduler's
decision for one pod: for every node, the filter that rejected it (in the words of
upstream's FailedScheduling message) or, for the feasible nodes, each score plugin's
score and weight; then the chosen node, or why the pod stays pending (preemption
included).

Options:
      --pod NAMESPACE/NAME     the pod (NAME alone: namespace default)
      --at DURATION            run to this simulated time and explain the last attempt
                               before it (default: until the pod is scheduled, or the
                               Scenario's end)
      --seed N                 the random seed (default: the Scenario's seed)
  -h, --help                   show this help

Exit status: 0 explained, 1 invalid input or the pod is not found, 2 usage error.
)";

std::string clock(std::int64_t ns)
{
    const std::int64_t ms = ns / 1'000'000;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld:%02lld.%03lld", static_cast<long long>(ms / 60000),
                  static_cast<long long>(ms / 1000 % 60), static_cast<long long>(ms % 1000));
    return buf;
}

std::string joined(const std::vector<std::string> &reasons)
{
    std::string out;
    for (const std::string &r : reasons)
        out += (out.empty() ? "" : ", ") + r;
    return out;
}

void printDecision(const emu::sched::SchedulingDecision &d, int attempts)
{
    std::cout << "Pod " << d.podKey << ": scheduling attempt " << attempts << " at " << clock(d.time.ns()) << '\n';
    // Every node once, in name order: rejected ones with their filter, feasible ones scored.
    std::map<std::string, std::string> lines;
    for (const auto &r : d.rejected)
        lines[r.node] = "rejected by " + r.result.plugin + ": " + joined(r.result.reasons);
    for (const auto &s : d.scores) {
        std::string line = "feasible, score " + std::to_string(s.total) + " =";
        bool first = true;
        for (const auto &p : s.plugins) {
            line += std::string(first ? " " : " + ") + p.plugin + " " + std::to_string(p.score) + "x"
                    + std::to_string(p.weight);
            first = false;
        }
        lines[s.node] = line;
    }
    for (const auto &[node, line] : lines)
        std::cout << "  node " << node << ": " << line << '\n';
    if (!d.chosenNode.empty()) {
        std::cout << "Chosen node: " << d.chosenNode << '\n';
        return;
    }
    std::cout << "Unschedulable: " << d.message << '\n';
    if (!d.nominatedNode.empty()) {
        std::cout << "Preemption: nominated node " << d.nominatedNode << ", victims:";
        for (const std::string &v : d.victims)
            std::cout << ' ' << v;
        std::cout << '\n';
    }
}

} // namespace

int runExplain(const std::vector<std::string> &args)
{
    CommandLine cl({"-h", "--help"}, {"--pod", "--at", "--seed"});
    if (!cl.parse(args)) {
        std::cerr << "kubecanvas-cli explain: " << cl.error() << "\n" << explainHelp;
        return ExitUsage;
    }
    if (cl.has("-h") || cl.has("--help")) {
        std::cout << explainHelp;
        return ExitOk;
    }
    const std::optional<std::string> podArg = cl.value("--pod");
    if (cl.positional().empty() || !podArg || podArg->empty()) {
        std::cerr << "kubecanvas-cli explain: " << (cl.positional().empty() ? "no PATH given" : "no --pod given")
                  << "\n" << explainHelp;
        return ExitUsage;
    }
    const std::string podKey = podArg->find('/') == std::string::npos ? "default/" + *podArg : *podArg;
    emu::sim::Emulator::Options options;
    std::optional<std::int64_t> atNs;
    if (auto at = cl.value("--at")) {
        const auto ns = emu::api::parseGoDuration(*at, nullptr);
        if (!ns || *ns < 0) {
            std::cerr << "kubecanvas-cli explain: --at: invalid duration \"" << *at << "\"\n";
            return ExitUsage;
        }
        atNs = *ns;
    }
    if (auto seed = cl.value("--seed")) {
        try {
            std::size_t used = 0;
            options.seed = std::stoull(*seed, &used);
            if (used != seed->size())
                throw std::invalid_argument("trailing");
        } catch (const std::exception &) {
            std::cerr << "kubecanvas-cli explain: --seed: not a number: \"" << *seed << "\"\n";
            return ExitUsage;
        }
    }

    using namespace emu;
    api::ManifestLoader::Result loaded = api::ManifestLoader::loadPaths(cl.positional());
    sim::validateProject(loaded.manifests, loaded.diagnostics);
    std::unique_ptr<sim::Emulator> emulator;
    if (!api::hasErrors(loaded.diagnostics))
        emulator = sim::Emulator::create(loaded.manifests, options, loaded.diagnostics);
    for (const api::Diagnostic &d : loaded.diagnostics)
        std::cerr << d.format() << '\n';
    if (!emulator) {
        std::cerr << "kubecanvas-cli explain: invalid input, nothing was run\n";
        return ExitInvalidInput;
    }

    std::optional<sched::SchedulingDecision> last;
    int attempts = 0;
    emulator->scheduler().setDecisionObserver([&](const sched::SchedulingDecision &d) {
        if (d.podKey != podKey)
            return;
        last = d;
        ++attempts;
    });
    std::vector<std::string> rejections;
    emulator->events().setListener([&](const report::EventRecord &event) {
        // An admission rejection (e.g. an unknown PriorityClass) explains a pod that never was.
        if (event.reason == "FailedCreate" && event.kind == "Pod"
            && event.namespaceName + '/' + event.name == podKey)
            rejections.push_back(event.message);
    });
    emulator->start();
    const SimTime end = atNs ? std::min(SimTime::fromNs(*atNs), emulator->endTime()) : emulator->endTime();
    // Without --at, stop at the first attempt that binds the pod.
    const SimDuration step = SimDuration::seconds(1);
    for (SimTime t; t < end;) {
        t = std::min(end, t + step);
        emulator->runUntil(t);
        if (!atNs && last && !last->chosenNode.empty())
            break;
    }
    if (last) {
        printDecision(*last, attempts);
        return ExitOk;
    }
    if (!rejections.empty()) {
        std::cout << "Pod " << podKey << " was not created: " << rejections.back() << '\n';
        return ExitOk;
    }
    const auto pod = emulator->store().pods().get(podKey);
    if (!pod) {
        std::cerr << "kubecanvas-cli explain: pod \"" << podKey << "\" not found (by "
                  << clock(emulator->engine().now().ns()) << ")\n";
        return ExitInvalidInput;
    }
    std::cout << "Pod " << podKey << " was not scheduled by default-scheduler"
              << (pod->spec.nodeName.empty() ? std::string(" (not yet attempted)")
                                             : " (spec.nodeName " + pod->spec.nodeName + " was set when it was created)")
              << '\n';
    return ExitOk;
}

} // namespace cli
