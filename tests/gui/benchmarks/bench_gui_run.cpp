// SPDX-License-Identifier: Apache-2.0
// GUI responsiveness during a run (docs/benchmarks.md): the main window, offscreen, runs a
// large cluster as fast as possible with its Events, Charts and Inspector docks live, while a
// 5 ms timer measures how long the GUI thread goes without returning to its event loop.
//
//   bench_gui_run [NODES] [DURATION_MINUTES]      (default 5000 nodes, 60 minutes)
#include "app/main_window.h"
#include "run/run_controller.h"
#include "run/run_model.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <vector>

namespace {

void writeProject(const QString &path, int nodes, int minutes)
{
    std::ofstream out(path.toStdString());
    out << "apiVersion: kubecanvas.io/v1alpha1\nkind: Cluster\nmetadata:\n  name: big\nspec:\n"
           "  kubernetesVersion: \"1.32\"\n---\n"
           "apiVersion: kubecanvas.io/v1alpha1\nkind: NodePool\nmetadata:\n  name: worker\nspec:\n"
        << "  count: " << nodes << "\n  zones: [zone-a, zone-b, zone-c]\n---\n"
        << "apiVersion: kubecanvas.io/v1alpha1\nkind: Scenario\nmetadata:\n  name: outage\nspec:\n"
        << "  duration: " << minutes << "m\n  seed: 1\n  actions:\n"
        << "  - at: 5m\n    type: ZoneOutage\n    target: {zone: zone-a}\n";
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    const int nodes = argc > 1 ? std::atoi(argv[1]) : 5000;
    const int minutes = argc > 2 ? std::atoi(argv[2]) : 60;
    QTemporaryDir dir;
    const QString project = dir.filePath("big.yaml");
    writeProject(project, nodes, minutes);

    app::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    if (!window.openProject(project))
        return 1;
    app::run::RunController *run = window.runController();
    run->model()->selectObject({"Node", {}, "worker-0"}); // the inspector and charts follow a node
    run->setSpeed(app::run::RunController::Speed::Max);

    std::vector<double> gapsMs;
    QElapsedTimer sinceTick;
    QElapsedTimer wall;
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        if (sinceTick.isValid())
            gapsMs.push_back(double(sinceTick.nsecsElapsed()) / 1e6);
        sinceTick.start();
        if (run->isPrepared() && run->time() >= run->endTime())
            application.quit();
    });
    QTimer::singleShot(0, [&] {
        wall.start();
        run->play();
        ticker.start();
    });
    application.exec();
    std::sort(gapsMs.begin(), gapsMs.end());
    const auto at = [&](double q) { return gapsMs.empty() ? 0.0 : gapsMs[std::size_t(q * double(gapsMs.size() - 1))]; };
    std::printf("%d nodes, %d simulated minutes in %.1f s wall; %zu events, %llu metric samples\n", nodes, minutes,
                double(wall.elapsed()) / 1000.0, run->model()->events().size(),
                static_cast<unsigned long long>(run->model()->metrics().sampleCount()));
    std::printf("GUI thread gaps between 5 ms ticks: median %.1f ms, p99 %.1f ms, max %.1f ms (%zu ticks)\n",
                at(0.5), at(0.99), gapsMs.empty() ? 0.0 : gapsMs.back(), gapsMs.size());
    return 0;
}
