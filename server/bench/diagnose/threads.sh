#!/usr/bin/env bash
# CPU time of each of Parley's threads over one cold run of the bench's load (main thread first).
# Usage: threads.sh [NODE_FLAGS...]
set -uo pipefail; source "$(dirname "$0")/common.sh"
start_parley 3131 "$@"; thread_ticks > /tmp/diagnose-t0.txt
load /tmp/diagnose-wrk.txt; thread_ticks > /tmp/diagnose-t1.txt
echo "$(requests /tmp/diagnose-wrk.txt) requests"
join /tmp/diagnose-t0.txt /tmp/diagnose-t1.txt | awk -v hz=$(getconf CLK_TCK) -v main=$PID \
  '{ms=($3-$2)*1000/hz; if (ms>0) printf "%6.0f ms  %s%s\n", ms, $1, ($1==main ? " (main)" : "")}' | sort -rn
stop
