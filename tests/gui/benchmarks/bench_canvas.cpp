// SPDX-License-Identifier: Apache-2.0
// The canvas on a large project (docs/benchmarks.md): time to the first frame, and the
// repaint of the view while panning, at 100 % and at the zoom that shows everything.
//
//     python3 tests/gui/benchmarks/make_big_project.py /tmp/big.yaml
//     QT_QPA_PLATFORM=offscreen build/bin/bench_canvas /tmp/big.yaml [RUNS]
#include "canvas/canvas_scene.h"
#include "canvas/canvas_view.h"
#include "canvas/canvas_widget.h"
#include "document/document.h"
#include "document/document_controller.h"
#include "document/selection_model.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>
#include <QScrollBar>
#include <QThreadPool>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace app;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

/// Pans the view in steps (right, then down) and paints the whole viewport after each step;
/// milliseconds per frame. Qt repaints only the strip scrolled into view, so this is an
/// upper bound of what a real pan costs.
std::vector<double> panFrames(canvas::CanvasView *view, int frames)
{
    std::vector<double> times;
    QScrollBar *h = view->horizontalScrollBar();
    QScrollBar *v = view->verticalScrollBar();
    for (int i = 0; i < frames; ++i) {
        // 40 px per frame: a brisk drag at 60 frames per second.
        if (i % 40 < 20)
            h->setValue(h->value() + 40);
        else
            v->setValue(v->value() + 40);
        QElapsedTimer timer;
        timer.start();
        const QPixmap frame = view->viewport()->grab();
        times.push_back(timer.nsecsElapsed() / 1e6);
    }
    return times;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication application(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_canvas PROJECT [RUNS]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 3;
    if (qEnvironmentVariableIsSet("BENCH_ONE_THREAD"))
        QThreadPool::globalInstance()->setMaxThreadCount(1);
    std::vector<double> firstFrames, pan100, panQuarter, panAll;
    int items = 0, edges = 0;
    for (int run = 0; run < runs; ++run) {
        document::Document document;
        document::DocumentController controller(&document);
        document::SelectionModel selection(&document);
        controller.openProject(QString::fromLocal8Bit(argv[1]));
        QElapsedTimer timer;
        timer.start();
        // First frame: build every item, lay out, derive the edges, paint the view once.
        canvas::CanvasWidget canvas(&controller, &selection);
        canvas.resize(1280, 800);
        canvas.show();
        canvas.scene()->flush();
        const QPixmap frame = canvas.view()->viewport()->grab();
        firstFrames.push_back(timer.nsecsElapsed() / 1e6);
        items = int(canvas.scene()->items().size());
        edges = int(canvas.scene()->edges().size());
        canvas.view()->resetZoom();
        canvas.view()->centerOn(canvas.scene()->sceneRect().topLeft());
        std::vector<double> frames = panFrames(canvas.view(), 120);
        pan100.push_back(median(frames));
        canvas.view()->zoomToFit();
        const double fit = canvas.view()->zoom();
        frames = panFrames(canvas.view(), 120); // everything in view
        panAll.push_back(median(frames));
        canvas.view()->setZoom(fit * 4); // about a sixteenth of the cluster in view
        canvas.view()->centerOn(canvas.scene()->sceneRect().topLeft());
        frames = panFrames(canvas.view(), 120);
        panQuarter.push_back(median(frames));
        std::printf("run %d: first frame %.0f ms; median frame while panning: %.2f ms at 100%%, "
                    "%.2f ms at %.0f%%, %.2f ms at %.1f%% (all in view)\n",
                    run + 1, firstFrames.back(), pan100.back(), panQuarter.back(), fit * 400, panAll.back(),
                    fit * 100);
        std::fflush(stdout);
    }
    std::printf("%d scene items, %d edges; median of %d runs: first frame %.0f ms; panning %.2f ms at 100%%, "
                "%.2f ms at 4x fit, %.2f ms at fit\n",
                items, edges, runs, median(firstFrames), median(pan100), median(panQuarter), median(panAll));
    return 0;
}
