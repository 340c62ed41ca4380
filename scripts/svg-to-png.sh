#!/bin/sh
# Draws an SVG (e.g. tests/artifacts/ameff-*.svg, a view of the AMEFF export) as a PNG with Debian's
# chromium, to look at: scripts/svg-to-png.sh in.svg out.png [scale]
set -e
in=$(realpath "$1"); out=$(realpath -m "$2"); scale=${3:-1}
size=$(head -c 200 "$in" | grep -o "<svg[^>]*>" | sed -n 's/.* width="\([0-9]*\)" height="\([0-9]*\)".*/\1,\2/p')
w=$(echo "$size" | cut -d, -f1); h=$(echo "$size" | cut -d, -f2)
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor="$scale" \
  --window-size="$w,$h" --screenshot="$out" "file://$in" >/dev/null 2>&1
echo "$out ${w}x${h}"
