#!/usr/bin/env bash
# File syncs and truncations by thread during the bench's load (strace; it slows the server, so compare
# the syncs, not the turns/s). Shows what the event loop waits on: the main thread's lines come first.
set -uo pipefail; source "$(dirname "$0")/common.sh"
start_parley 3133
strace -f -T -tt -e trace=fsync,fdatasync,ftruncate -p $PID -o /tmp/diagnose-strace.txt 2>/dev/null & TRACER=$!; sleep 1
load /tmp/diagnose-wrk.txt; kill $TRACER; sleep 0.5; stop
echo "$(requests /tmp/diagnose-wrk.txt) requests; main thread $PID:"
grep "^$PID " /tmp/diagnose-strace.txt | grep -v resumed | sed 's/^/  /'
echo "other threads: $(grep -v "^$PID " /tmp/diagnose-strace.txt | grep -c sync) syncs, longest (s): $(grep -v "^$PID " /tmp/diagnose-strace.txt | grep sync | grep -o '<[0-9.]*>' | tr -d '<>' | sort -rn | head -3 | tr '\n' ' ')"
