#!/usr/bin/env bash
# Makes sure what the tests drive is installed: Debian's Chromium for the end-to-end tests
# (Playwright never downloads a browser here: no network but the package registries; it drives
# /usr/lib/chromium/chromium), and LibreOffice Calc, which recalculates the spreadsheet export
# in test/export (the P13 oracle).
set -euo pipefail
missing=()
[ -x "${CHROMIUM_PATH:-/usr/lib/chromium/chromium}" ] || missing+=(chromium fonts-liberation)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "Installing ${missing[*]} for the tests (apt-get)..." >&2
if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
