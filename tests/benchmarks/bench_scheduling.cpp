// SPDX-License-Identifier: Apache-2.0
// Benchmark (not part of ctest): the scheduler at scale. 5,000 nodes in 5 zones and 150,000
// Pods (no owner, as upstream scheduler_perf's SchedulingBasic: cpu 100m / memory 200Mi each).
//   schedule: load + create + start, then run until every pod is bound; prints pods per
//             second of wall time over the scheduling run (goal >= 50,000/s).
//   outage:   the same cluster and pods through bench_zone_outage's hour (ZoneOutage of
//             zone-0 at 20m, ZoneRecover at 40m, every heartbeat): wall time (goal < 30 s)
//             and peak RSS (goal < 2 GiB).
// Usage: bench_scheduling [schedule|outage] [RUNS] [NODES] [PODS]  (defaults: schedule 3 5000 150000)
#include "emulator/api/manifest_loader.h"
#include "emulator/core/sim_duration.h"
#include "emulator/core/sim_time.h"
#include "emulator/report/event_record.h"
#include "emulator/sim/emulator.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
constexpr int Zones = 5;

std::string manifestsYaml(int nodes, int pods, bool outage)
{
    // Upstream's 1.32 defaults written out, as bench_zone_outage does (a /9 clusterCIDR for
    // 5,000 node ranges).
    std::string y = "apiVersion: kubecanvas.io/v1alpha1\nkind: Cluster\nmetadata:\n  name: bench\n"
                    "spec:\n  kubernetesVersion: \"1.32\"\n  controllerManager:\n"
                    "    nodeMonitorPeriod: 5s\n    nodeMonitorGracePeriod: 50s\n"
                    "    nodeStartupGracePeriod: 1m\n    nodeEvictionRate: 0.1\n"
                    "    secondaryNodeEvictionRate: 0.01\n    unhealthyZoneThreshold: 0.55\n"
                    "    largeClusterSizeThreshold: 50\n    clusterCIDR: 10.128.0.0/9\n"
                    "    nodeCIDRMaskSize: 24\n  kubelet:\n    nodeStatusUpdateFrequency: 10s\n"
                    "    nodeStatusReportFrequency: 5m\n    nodeLeaseDurationSeconds: 40\n";
    for (int z = 0; z < Zones; ++z) {
        const std::string n = std::to_string(z);
        y += "---\napiVersion: kubecanvas.io/v1alpha1\nkind: NodePool\nmetadata:\n  name: pool-" + n
             + "\nspec:\n  count: " + std::to_string(nodes / Zones) + "\n  zones: [zone-" + n + "]\n";
    }
    y += "---\napiVersion: kubecanvas.io/v1alpha1\nkind: Scenario\nmetadata:\n  name: bench\n"
         "spec:\n  duration: 1h\n  seed: 1\n";
    y += outage ? "  actions:\n    - at: 20m\n      type: ZoneOutage\n      target: {zone: zone-0}\n"
                  "    - at: 40m\n      type: ZoneRecover\n      target: {zone: zone-0}\n"
                : "  actions: []\n";
    y.reserve(y.size() + static_cast<std::size_t>(pods) * 240);
    for (int i = 0; i < pods; ++i)
        y += "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-" + std::to_string(i)
             + "\n  namespace: default\nspec:\n  containers:\n  - name: app\n    image: registry.k8s.io/pause:3.10\n"
               "    resources:\n      requests: {cpu: 100m, memory: 200Mi}\n";
    return y;
}

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// User plus system CPU time: on a shared machine a wall time far above it means the run
// waited for a core.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval &t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct RunResult
{
    double setupSeconds = 0; ///< load + validate + create + start
    double runSeconds = 0;   ///< schedule: until every pod is bound; outage: the hour
    double runCpuSeconds = 0;
    std::size_t scheduled = 0;
    std::size_t failedScheduling = 0;
    std::size_t bound = 0;
    std::map<std::string, std::size_t> reasons;
};

bool runOnce(const std::string &yaml, bool outage, int pods, RunResult &r)
{
    using namespace emu;
    const auto started = Clock::now();
    api::ManifestLoader::Result loaded = api::ManifestLoader::loadText(yaml, "bench.yaml");
    api::ManifestLoader::validate(loaded.manifests, loaded.diagnostics);
    std::unique_ptr<sim::Emulator> emulator;
    if (!api::hasErrors(loaded.diagnostics))
        emulator = sim::Emulator::create(loaded.manifests, sim::Emulator::Options{}, loaded.diagnostics);
    if (!emulator) {
        for (const api::Diagnostic &d : loaded.diagnostics)
            std::fprintf(stderr, "%s\n", d.format().c_str());
        return false;
    }
    emulator->events().setKeepEvents(false);
    emulator->events().setListener([&r](const report::EventRecord &event) {
        ++r.reasons[event.reason];
        if (event.reason == "Scheduled")
            ++r.scheduled;
        else if (event.reason == "FailedScheduling")
            ++r.failedScheduling;
    });
    emulator->start();
    r.setupSeconds = secondsSince(started);

    const auto runStart = Clock::now();
    const double cpuStart = cpuSeconds();
    if (outage) {
        emulator->runUntil(SimTime::fromSeconds(3600));
    } else {
        // Everything is scheduled at simulated time 0 (the scheduler binds without delay);
        // step in 100 ms slices until every pod is bound (or 10 simulated seconds).
        for (int step = 1; step <= 100 && r.scheduled < static_cast<std::size_t>(pods); ++step)
            emulator->runUntil(SimTime() + SimDuration::milliseconds(100 * step));
    }
    r.runSeconds = secondsSince(runStart);
    r.runCpuSeconds = cpuSeconds() - cpuStart;
    for (const auto &pod : emulator->store().pods().list())
        if (!pod->spec.nodeName.empty())
            ++r.bound;
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    const bool outage = argc > 1 && std::string(argv[1]) == "outage";
    const int runs = std::max(1, argc > 2 ? std::atoi(argv[2]) : 3);
    const int nodes = std::max(Zones, argc > 3 ? std::atoi(argv[3]) / Zones * Zones : 5000);
    const int pods = std::max(1, argc > 4 ? std::atoi(argv[4]) : 150000);
    const std::string yaml = manifestsYaml(nodes, pods, outage);

    std::vector<RunResult> results;
    for (int i = 0; i < runs; ++i) {
        RunResult r;
        if (!runOnce(yaml, outage, pods, r)) {
            std::fprintf(stderr, "bench_scheduling: the manifests make no cluster\n");
            return 2;
        }
        std::printf("run %d: setup %.2f s, %s %.2f s wall (%.2f s CPU), %zu Scheduled, %zu FailedScheduling, %zu pods bound at the "
                    "end, peak RSS so far %.0f MB\n",
                    i + 1, r.setupSeconds, outage ? "hour" : "scheduling", r.runSeconds, r.runCpuSeconds, r.scheduled,
                    r.failedScheduling, r.bound, static_cast<double>(peakRssKiB()) / 1024.0);
        std::fflush(stdout);
        results.push_back(std::move(r));
    }
    std::vector<double> run;
    std::vector<double> total;
    std::vector<double> cpu;
    for (const RunResult &r : results) {
        run.push_back(r.runSeconds);
        cpu.push_back(r.runCpuSeconds);
        total.push_back(r.setupSeconds + r.runSeconds);
    }
    std::sort(run.begin(), run.end());
    std::sort(total.begin(), total.end());
    std::sort(cpu.begin(), cpu.end());
    const double median = run[run.size() / 2];
    std::printf("\ncluster: %d nodes in %d zones, %d pods (cpu 100m, memory 200Mi), %s\n", nodes, Zones, pods,
                outage ? "1 simulated hour with ZoneOutage zone-0 at 20m, ZoneRecover at 40m"
                       : "scheduling at simulated time 0");
    if (outage)
        std::printf("wall of the hour: median %.2f s over %d runs (min %.2f, max %.2f); with setup %.2f s "
                    "(goal < 30 s)\n",
                    median, runs, run.front(), run.back(), total[total.size() / 2]);
    else
        std::printf("scheduling: median %.2f s over %d runs (min %.2f, max %.2f) = %.0f pods/s (goal >= 50,000); "
                    "setup (load, validate, create, start) median %.2f s\n",
                    median, runs, run.front(), run.back(), static_cast<double>(pods) / median,
                    total[total.size() / 2] - median);
    std::printf("CPU time of that part: median %.2f s (min %.2f, max %.2f)\n", cpu[cpu.size() / 2], cpu.front(),
                cpu.back());
    if (!outage)
        std::printf("pods per CPU second: %.0f\n", static_cast<double>(pods) / cpu[cpu.size() / 2]);
    std::printf("peak RSS: %.0f MB (goal < 2048 MB)\n", static_cast<double>(peakRssKiB()) / 1024.0);
    std::printf("events by reason (last run):");
    for (const auto &[reason, count] : results.back().reasons)
        std::printf(" %s=%zu", reason.c_str(), count);
    std::printf("\n");
    return results.back().bound >= static_cast<std::size_t>(pods) || outage ? 0 : 1;
}
