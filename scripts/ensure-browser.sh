#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the end-to-end tests. Playwright never downloads a
# browser here (no network but the package registries): it drives /usr/lib/chromium/chromium.
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/lib/chromium/chromium}" ]; then exit 0; fi
echo "Installing Debian's chromium for the end-to-end tests (apt-get)..." >&2
if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-liberation
