#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job: installs dependencies, builds, and opens the bundled demo project in the GUI.
# Without a display it says so and works headless on the same project instead.
# Usage: bash installer/run-demo.sh       (from the repository root, as root on Debian 12)
set -euo pipefail
cd "$(dirname "$0")/.."

bash installer/install-deps.sh
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S . -B build "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target kubecanvas kubecanvas-cli

demo=resources/samples/demo.yaml
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec build/bin/kubecanvas "$demo"
fi

echo "kubecanvas: no display (DISPLAY and WAYLAND_DISPLAY are unset): running headless instead."
mkdir -p demo-output
if build/bin/kubecanvas-cli run --help >/dev/null 2>&1; then
    build/bin/kubecanvas-cli run "$demo" --events demo-output/events.jsonl \
        --metrics demo-output/metrics.csv --report demo-output/report
    echo "report: demo-output/report/index.html"
else
    build/bin/kubecanvas-cli validate "$demo"
    build/bin/kubecanvas-cli export "$demo" --defaults -o demo-output/demo-manifests.yaml
    echo "exported manifests: demo-output/demo-manifests.yaml"
fi
QT_QPA_PLATFORM=offscreen build/bin/kubecanvas "$demo" --screenshot demo-output/window.png
echo "screenshot of the window: demo-output/window.png"
