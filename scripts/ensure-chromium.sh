#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (npx playwright install cannot download here).
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi 'noto.*cjk\|wqy'; then exit 0; fi
echo "Installing chromium and a CJK font from Debian packages…"
SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
$SUDO apt-get update -qq >/dev/null 2>&1 || true
$SUDO apt-get install -y --no-install-recommends chromium fonts-noto-cjk >/dev/null
