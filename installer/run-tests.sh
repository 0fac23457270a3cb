#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The whole test suite: installs dependencies, builds, and runs every QtTest suite with ctest,
# then the emulator suites again under AddressSanitizer + UndefinedBehaviorSanitizer.
# Usage: bash installer/run-tests.sh      (from the repository root, as root on Debian 12)
set -euo pipefail
cd "$(dirname "$0")/.."

bash installer/install-deps.sh

jobs=$(nproc)
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)

echo "== build (RelWithDebInfo)"
cmake -S . -B build "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"

echo "== test"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== sanitizer build (ASan + UBSan) of the emulator library and its tests"
cmake -S . -B build-asan "${generator[@]}" -DCMAKE_BUILD_TYPE=Debug -DKUBECANVAS_SANITIZE=ON \
    -DKUBECANVAS_BUILD_GUI=OFF >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs" -L emulator
