#!/usr/bin/env bash
# A V8 CPU profile of Parley under one cold run of the bench's load, summed per request: self time by
# file and by function, then the inclusive time of the functions named as arguments.
# Usage: profile.sh [FUNCTION_NAME...]   (the .cpuprofile stays in /tmp/diagnose-profile for DevTools)
set -uo pipefail; source "$(dirname "$0")/common.sh"
rm -rf /tmp/diagnose-profile; start_parley 3134 --cpu-prof --cpu-prof-dir=/tmp/diagnose-profile
load /tmp/diagnose-wrk.txt; kill -INT $PID; wait $PID 2>/dev/null
node "$(dirname "$0")/summarize-profile.mjs" "$(ls -S /tmp/diagnose-profile/*.cpuprofile | head -1)" "$(requests /tmp/diagnose-wrk.txt)" "$@"
