// SPDX-License-Identifier: Apache-2.0
// Benchmark (not part of ctest): import and validate a generated multi-document YAML of
// 150,000 Pods (about 50 MB). Prints MB/s and peak memory as a multiple of the file size.
// Usage: bench_import [PODS] [RUNS]
#include "emulator/api/manifest_loader.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

// Streamed to the file pod by pod, so that generating costs no memory the import is charged for.
void generatePods(int count, std::ofstream &file)
{
    std::string out;
    for (int i = 0; i < count; ++i) {
        out.clear();
        const std::string n = std::to_string(i);
        out += "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web-" + n
               + "\n  namespace: team-" + std::to_string(i % 50)
               + "\n  labels:\n    app: web\n    tier: frontend\nspec:\n  containers:\n"
                 "  - name: app\n    image: registry.example.com/web:1." + std::to_string(i % 9)
               + "\n    ports:\n    - containerPort: 8080\n    resources:\n      requests:\n"
                 "        cpu: 100m\n        memory: 128Mi\n      limits:\n        memory: 256Mi\n"
                 "  nodeSelector:\n    topology.kubernetes.io/zone: zone-" + std::to_string(i % 5)
               + "\n";
        file << out;
    }
}

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int main(int argc, char **argv)
{
    const int pods = argc > 1 ? std::atoi(argv[1]) : 150000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    const std::filesystem::path file = std::filesystem::temp_directory_path() / "kubecanvas-bench-pods.yaml";
    {
        std::ofstream out(file, std::ios::binary);
        generatePods(pods, out);
    }
    const double megabytes = static_cast<double>(std::filesystem::file_size(file)) / 1e6;
    const long baseRss = peakRssKiB();

    std::vector<double> seconds;
    std::size_t objects = 0;
    std::size_t problems = 0;
    for (int r = 0; r < runs; ++r) {
        const auto start = std::chrono::steady_clock::now();
        emu::api::ManifestLoader::Result loaded = emu::api::ManifestLoader::loadPaths({file.string()});
        emu::api::ManifestLoader::validate(loaded.manifests, loaded.diagnostics);
        const auto end = std::chrono::steady_clock::now();
        seconds.push_back(std::chrono::duration<double>(end - start).count());
        objects = loaded.manifests.size();
        problems = loaded.diagnostics.size();
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];
    const double peakMb = static_cast<double>(peakRssKiB()) / 1024.0;
    std::printf("file: %.1f MB, %zu objects, %zu problems\n", megabytes, objects, problems);
    std::printf("import+validate: median %.2f s over %d runs (min %.2f, max %.2f) = %.1f MB/s\n",
                median, runs, seconds.front(), seconds.back(), megabytes / median);
    std::printf("peak RSS: %.0f MB (before import %.0f MB) = %.1fx the file size\n", peakMb,
                static_cast<double>(baseRss) / 1024.0, peakMb / megabytes);
    std::filesystem::remove(file);
    return problems == 0 ? 0 : 1;
}
