#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs every Debian 12 package that KubeCanvas needs to build, test and take screenshots.
# Idempotent and non-interactive: packages already present are left alone.
set -euo pipefail
# Real package names only: virtual ones (libqt6charts6-dev -> qt6-charts-dev) never show as
# installed to dpkg-query, which would make every run call apt-get.

packages=(
    build-essential cmake ninja-build pkg-config git
    libyaml-cpp-dev
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools
    qt6-charts-dev qt6-svg-dev qt6-httpserver-dev qt6-websockets-dev
    libqt6opengl6-dev libxkbcommon-dev libgl-dev
    qt6-qpa-plugins
    xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
