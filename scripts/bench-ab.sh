#!/usr/bin/env bash
# Interleaved A/B comparison of saved criterion bench binaries, for a noisy machine: each round
# runs every binary once on the benches matching FILTER (short warm-up and measurement) and keeps
# criterion's median of the first match; the minimum over the rounds is printed per binary.
#
#   cargo bench --bench scaling --no-run      # prints the binary's path; copy it aside, e.g.
#   cp target/release/deps/scaling-<hash> /tmp/before   (change the code, build, copy to /tmp/after)
#   ROUNDS=5 scripts/bench-ab.sh "bill_many" /tmp/before /tmp/after
set -euo pipefail
filter="$1"
shift
declare -A best
for round in $(seq 1 "${ROUNDS:-5}"); do
  for bin in "$@"; do
    median=$("$bin" --bench --warm-up-time 1 --measurement-time 3 "$filter" 2>&1 |
      awk '/time:/ { print $4 " " $5; exit }')
    echo "round $round  $bin  $median"
    value=${median% *}
    if [ -z "${best[$bin]:-}" ] || awk -v a="$value" -v b="${best[$bin]% *}" 'BEGIN { exit !(a < b) }'; then
      best[$bin]=$median
    fi
  done
done
for bin in "$@"; do
  echo "min  $bin  ${best[$bin]}"
done
