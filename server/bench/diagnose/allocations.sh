#!/usr/bin/env bash
# Bytes allocated per request by Parley under the bench's load, by allocating function and by stack
# (V8's sampling heap profiler, keeping objects the GC has already freed), after 4 s of warm-up.
set -uo pipefail; source "$(dirname "$0")/common.sh"
rm -f /tmp/diagnose-heap.heapprofile
start_parley 3135 --import "$(cd "$(dirname "$0")" && pwd)/heap-sampler.mjs"
DUR=4 load /tmp/diagnose-wrk.txt; kill -USR1 $PID
load /tmp/diagnose-wrk.txt; kill -USR2 $PID; wait $PID 2>/dev/null
node "$(dirname "$0")/summarize-allocations.mjs" /tmp/diagnose-heap.heapprofile "$(requests /tmp/diagnose-wrk.txt)"
