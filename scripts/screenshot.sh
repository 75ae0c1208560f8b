#!/usr/bin/env bash
# Take docs/screenshot.png: run the release app under Xvfb and grab the screen.
# Usage: scripts/screenshot.sh [PLAN] [OUT.png]
#   TAB=N (1 Plan, 2 Estimate, 3 Compare, 4 Scaling, 5 Forecast; or TAB=estimate) picks the tab.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${2:-docs/screenshot.png}"
PLAN="${1:-}"

need=()
for tool in xvfb-run:xvfb xauth:xauth xdpyinfo:x11-utils import:imagemagick xdotool:xdotool; do
    command -v "${tool%%:*}" >/dev/null || need+=("${tool##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "missing: ${need[*]} (run as root to install them with apt-get)" >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >/dev/null
fi

cargo build --release --quiet
# A private config dir so the screenshot never offers a recovery file or old window size.
export XDG_DATA_HOME XDG_CONFIG_HOME
XDG_DATA_HOME="$(mktemp -d)"
XDG_CONFIG_HOME="$XDG_DATA_HOME"
unset WAYLAND_DISPLAY
mkdir -p "$(dirname "$OUT")"

xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
    target/release/cloudplan '"${PLAN:+\"$PLAN\"}"' &
    app=$!
    for _ in $(seq 1 50); do
        xdotool search --name "cloudplan" >/dev/null 2>&1 && break
        sleep 0.2
    done
    sleep 2
    tab="${TAB:-1}"
    [ "$tab" = "estimate" ] && tab=2
    if [ "$tab" != "1" ]; then
        # Ctrl+N switches to the N-th tab.
        win=$(xdotool search --name "cloudplan" | head -1)
        xdotool windowfocus --sync "$win" 2>/dev/null || true
        xdotool mousemove 700 500
        xdotool key --window "$win" "ctrl+$tab"
        sleep 2.5
    fi
    import -window root "'"$OUT"'"
    kill $app
'
echo "wrote $OUT"
