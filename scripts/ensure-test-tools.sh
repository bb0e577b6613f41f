#!/usr/bin/env bash
# The system tools the tests drive, installed from Debian's packages when missing (root or sudo needed):
# Chromium and a CJK font for the browser tests (npx playwright install cannot download here), LibreOffice Writer
# (headless, no GUI) and poppler's pdftotext to render and read generated documents (issue 11).
# Each check reads its tool's answer into a variable before matching: `fc-list | grep -q` under `pipefail`
# fails whenever grep exits at the first match and fc-list dies of SIGPIPE, which made this script rerun
# apt-get on machines that had everything (issue 9: 124 of 200 checks).
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fonts=$(fc-list : family 2>/dev/null || true)
grep -qiE 'noto.*cjk|wqy' <<<"$fonts" || missing+=(fonts-noto-cjk)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing from Debian packages: ${missing[*]}…"
SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
start=$(date +%s)
$SUDO apt-get update -qq >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed ${missing[*]} in $(($(date +%s) - start)) s"
