#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests (Playwright drives it; we never
# let Playwright download a browser). Installs it with apt-get only when it is missing.
set -euo pipefail

chromium=${ZP_CHROMIUM:-/usr/bin/chromium}
if [ -x "$chromium" ]; then
    exit 0
fi

sudo=()
if [ "$(id -u)" != 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "ensure-chromium: $chromium is missing; install it: apt-get install chromium" >&2
        exit 1
    fi
    sudo=(sudo)
fi

echo "==> installing Debian's chromium with apt-get"
export DEBIAN_FRONTEND=noninteractive
install=("${sudo[@]}" apt-get install -y -q --no-install-recommends chromium fonts-liberation)
if ! "${install[@]}"; then
    "${sudo[@]}" apt-get update -q
    "${install[@]}"
fi
[ -x "$chromium" ] || { echo "ensure-chromium: still no $chromium" >&2; exit 1; }
