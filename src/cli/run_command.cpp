// SPDX-License-Identifier: Apache-2.0
#include "run_command.h"

#include "command_line.h"

#include "emulator/api/go_duration.h"
#include "emulator/api/manifest_loader.h"
#include "emulator/sim/project_validation.h"
#include "emulator/report/event_log_writer.h"
#include "emulator/report/html_report.h"
#include "emulator/report/metrics_recorder.h"
#include "emulator/report/report_format.h"
#include "emulator/sim/emulator.h"
#include "emulator/sim/metrics_sampler.h"
#include "emulator/sim/object_serializer.h"
#include "emulator/sim/state_writer.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

namespace cli {

namespace {

constexpr const char *runHelp = R"(Usage: kubecanvas-cli run [options] PATH...

Runs the cluster described by the manifests in PATH (a Cluster, NodePools, Node
manifests, other objects) through the Scenario found there, as fast as possible, in
simulated time. Prints the timeline on standard output and progress on standard error.

Options:
      --until DURATION         stop at this simulated time (default: the Scenario's duration)
      --seed N                 the random seed (default: the Scenario's seed)
      --events FILE            write every event as one JSON object per line
      --lease-events           also record a LeaseRenewed event per lease renewal
      --metrics FILE           write sampled metrics as CSV: time,metric,object,value
      --metrics-interval DUR   metrics sampling interval (default 1s)
      --state FILE             write every object at the end (YAML; JSON if FILE ends in .json)
      --report DIR             write a self-contained HTML report to DIR/index.html
  -q, --quiet                  do not print the timeline
  -h, --help                   show this help

Exit status: 0 the run completed, 1 invalid input or an output could not be written,
2 usage error.
)";

std::string clock(std::int64_t ns)
{
    const std::int64_t ms = ns / 1'000'000;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%3lld:%02lld.%03lld", static_cast<long long>(ms / 60000),
                  static_cast<long long>(ms / 1000 % 60), static_cast<long long>(ms % 1000));
    return buf;
}

bool parseDuration(const std::string &text, const char *option, std::int64_t &ms)
{
    std::string error;
    const auto ns = emu::api::parseGoDuration(text, &error);
    if (!ns || *ns < 0) {
        std::cerr << "kubecanvas-cli run: " << option << ": invalid duration \"" << text << "\"\n";
        return false;
    }
    ms = *ns / 1'000'000;
    return true;
}

} // namespace

int runRun(const std::vector<std::string> &args)
{
    CommandLine cl({"--lease-events", "-q", "--quiet", "-h", "--help"},
                   {"--until", "--seed", "--events", "--metrics", "--metrics-interval", "--state", "--report"});
    if (!cl.parse(args)) {
        std::cerr << "kubecanvas-cli run: " << cl.error() << "\n" << runHelp;
        return ExitUsage;
    }
    if (cl.has("-h") || cl.has("--help")) {
        std::cout << runHelp;
        return ExitOk;
    }
    if (cl.positional().empty()) {
        std::cerr << "kubecanvas-cli run: no PATH given\n" << runHelp;
        return ExitUsage;
    }
    emu::sim::Emulator::Options options;
    options.leaseEvents = cl.has("--lease-events");
    if (auto until = cl.value("--until")) {
        std::int64_t ms = 0;
        if (!parseDuration(*until, "--until", ms))
            return ExitUsage;
        options.durationMs = ms;
    }
    if (auto seed = cl.value("--seed")) {
        try {
            std::size_t used = 0;
            options.seed = std::stoull(*seed, &used);
            if (used != seed->size())
                throw std::invalid_argument("trailing");
        } catch (const std::exception &) {
            std::cerr << "kubecanvas-cli run: --seed: not a number: \"" << *seed << "\"\n";
            return ExitUsage;
        }
    }
    std::int64_t intervalMs = 1000;
    if (auto interval = cl.value("--metrics-interval"))
        if (!parseDuration(*interval, "--metrics-interval", intervalMs) || intervalMs <= 0)
            return ExitUsage;
    const bool quiet = cl.has("-q") || cl.has("--quiet");

    using namespace emu;
    api::ManifestLoader::Result loaded = api::ManifestLoader::loadPaths(cl.positional());
    emu::sim::validateProject(loaded.manifests, loaded.diagnostics);
    std::unique_ptr<sim::Emulator> emulator;
    if (!api::hasErrors(loaded.diagnostics))
        emulator = sim::Emulator::create(loaded.manifests, options, loaded.diagnostics);
    for (const api::Diagnostic &d : loaded.diagnostics)
        std::cerr << d.format() << '\n';
    if (!emulator) {
        std::cerr << "kubecanvas-cli run: invalid input, nothing was run\n";
        return ExitInvalidInput;
    }

    std::ofstream eventsFile;
    std::unique_ptr<report::EventLogWriter> eventLog;
    if (auto path = cl.value("--events")) {
        eventsFile.open(*path, std::ios::binary | std::ios::trunc);
        if (!eventsFile) {
            std::cerr << "kubecanvas-cli run: cannot write " << *path << '\n';
            return ExitInvalidInput;
        }
        eventLog = std::make_unique<report::EventLogWriter>(eventsFile);
    }
    std::ofstream metricsFile;
    std::unique_ptr<report::MetricsRecorder> metrics;
    std::unique_ptr<sim::MetricsSampler> sampler;
    const std::optional<std::string> metricsPath = cl.value("--metrics");
    const std::optional<std::string> reportDir = cl.value("--report");
    if (metricsPath) {
        metricsFile.open(*metricsPath, std::ios::binary | std::ios::trunc);
        if (!metricsFile) {
            std::cerr << "kubecanvas-cli run: cannot write " << *metricsPath << '\n';
            return ExitInvalidInput;
        }
        metrics = std::make_unique<report::MetricsRecorder>(&metricsFile);
    } else if (reportDir) {
        metrics = std::make_unique<report::MetricsRecorder>(nullptr);
    }
    if (metrics) {
        sampler = std::make_unique<sim::MetricsSampler>(emulator->context(), emulator->nodeLifecycle(),
                                                        *metrics, SimDuration::milliseconds(intervalMs));
        sim::Emulator *e = emulator.get();
        sampler->setUsageSource([e](const std::string &node) {
            const auto usage = e->nodeUsage(node);
            return sim::MetricsSampler::Usage{static_cast<double>(usage.first), static_cast<double>(usage.second)};
        });
    }

    // Events stream out as they happen; kept in memory only when the report needs them.
    emulator->events().setKeepEvents(reportDir.has_value());
    emulator->events().setListener([&](const report::EventRecord &event) {
        if (eventLog)
            eventLog->write(event);
        if (!quiet && event.reason != "LeaseRenewed")
            std::cout << clock(event.timeNs) << "  " << event.type << "  " << event.reason << "  "
                      << event.kind << '/' << (event.namespaceName.empty() ? "" : event.namespaceName + "/")
                      << event.name << "  " << event.message << '\n';
    });

    const auto wallStart = std::chrono::steady_clock::now();
    auto lastProgress = wallStart;
    emulator->start();
    if (sampler)
        sampler->start();
    const SimTime end = emulator->endTime();
    const SimDuration slice = SimDuration::seconds(10);
    for (SimTime t; t < end;) {
        t = std::min(end, t + slice);
        emulator->runUntil(t);
        const auto nowWall = std::chrono::steady_clock::now();
        if (nowWall - lastProgress > std::chrono::seconds(2)) {
            lastProgress = nowWall;
            std::cerr << "kubecanvas-cli run: simulated " << clock(t.ns()) << " of " << clock(end.ns())
                      << " (" << static_cast<int>(100.0 * t.toSeconds() / end.toSeconds()) << "%)\n";
        }
    }
    const double wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();

    int status = ExitOk;
    if (eventLog && !eventLog->ok()) {
        std::cerr << "kubecanvas-cli run: writing events failed\n";
        status = ExitInvalidInput;
    }
    if (metrics && metricsPath && !metrics->ok()) {
        std::cerr << "kubecanvas-cli run: writing metrics failed\n";
        status = ExitInvalidInput;
    }
    const sim::ObjectSerializer serializer(emulator->scenario().startTimeMs);
    if (auto statePath = cl.value("--state")) {
        std::string error;
        if (!sim::writeState(*statePath, emulator->store(), serializer, &error)) {
            std::cerr << "kubecanvas-cli run: " << error << '\n';
            status = ExitInvalidInput;
        }
    }
    if (reportDir) {
        report::ReportInput input;
        input.title = "KubeCanvas run report";
        input.inputFiles = cl.positional();
        input.seed = emulator->seed();
        input.simulatedDurationNs = end.ns();
        input.wallTimeSeconds = wallSeconds;
        input.events = &emulator->events().events();
        input.metrics = metrics.get();
        input.gracePeriodSeconds = emulator->cluster().controllerManager.nodeMonitorGracePeriodMs / 1000.0;
        input.valueLabels["node_ready"] = {{-1, "Unknown"}, {0, "False"}, {1, "True"}};
        input.valueLabels["zone_state"] = {{0, "Initial"}, {1, "Normal"}, {2, "PartialDisruption"},
                                           {3, "FullDisruption"}};
        try {
            report::writeHtmlReport(*reportDir, input);
        } catch (const std::exception &e) {
            std::cerr << "kubecanvas-cli run: " << e.what() << '\n';
            status = ExitInvalidInput;
        }
    }
    std::cerr << "kubecanvas-cli run: " << clock(end.ns()) << " simulated in " << wallSeconds << " s ("
              << emulator->store().nodes().size() << " nodes, " << emulator->events().count()
              << " events, " << emulator->engine().eventsRun() << " engine events)\n";
    return status;
}

} // namespace cli
