#!/usr/bin/env bash
# Screenshot of the real QGIS desktop with the panel open, under Xvfb, in a scratch profile.
# Usage: scripts/screenshot_dock.sh SCORES.gpkg OUT.png   (SCORES from `make demo`)
#        CENTRALITES_TAB=why scripts/screenshot_dock.sh …   (the "Why this score" tab)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
mkdir -p "$profile/profiles/default/python/plugins"
ln -s "$root" "$profile/profiles/default/python/plugins/centralites"
export QGIS_CUSTOM_CONFIG_PATH="$profile"
QT_QPA_PLATFORM=offscreen qgis_process.bin plugins enable centralites >/dev/null
cp "$1" "$profile/scores.gpkg"  # the demo's file stays as it is
CENTRALITES_SCORES="$profile/scores.gpkg" CENTRALITES_SHOT="$(realpath -m "$2")" \
  timeout 180 xvfb-run -a -s "-screen 0 1600x1000x24" qgis --noversioncheck --nologo --code "$root/scripts/screenshot_dock.py"
