#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The whole test suite: installs dependencies, then
#   1. builds the emulator library and its tests with AddressSanitizer + UBSan and runs them,
#   2. builds the engine and its thread host (Runner) with ThreadSanitizer and runs their tests,
#   3. builds everything (GUI included) and runs every QtTest suite with ctest.
# Usage: bash installer/run-tests.sh      (from the repository root, as root on Debian 12)
set -euo pipefail
cd "$(dirname "$0")/.."

bash installer/install-deps.sh

jobs=$(nproc)
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)

echo "== sanitizer build (ASan + UBSan) of the emulator library and its tests"
# Unity builds and line-table-only debug info keep the three builds within CI's time budget.
cmake -S . -B build-asan "${generator[@]}" -DCMAKE_BUILD_TYPE=Debug -DKUBECANVAS_SANITIZE=ON \
    -DKUBECANVAS_UNITY_BUILD=ON -DCMAKE_CXX_FLAGS_DEBUG=-g1 \
    -DKUBECANVAS_BUILD_GUI=OFF >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs" -L 'emulator|cli'

echo "== ThreadSanitizer build of the engine and its thread host (Runner)"
cmake -S . -B build-tsan "${generator[@]}" -DCMAKE_BUILD_TYPE=Debug -DKUBECANVAS_TSAN=ON \
    -DKUBECANVAS_UNITY_BUILD=ON -DCMAKE_CXX_FLAGS_DEBUG=-g1 \
    -DKUBECANVAS_BUILD_GUI=OFF >/dev/null
cmake --build build-tsan -j"$jobs" --target tst_runner tst_engine tst_simulation_host
TSAN_OPTIONS=halt_on_error=1 ctest --test-dir build-tsan --output-on-failure -R '^tst_(runner|engine|simulation_host)$'

echo "== build (RelWithDebInfo) and the whole test suite"
cmake -S . -B build "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKUBECANVAS_UNITY_BUILD=ON \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"
