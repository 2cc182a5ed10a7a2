# Sourced by the scripts here: paths, and Parley started fresh under the bench's wrk load.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
BENCH=${PARLEY_BENCH_DIR:-$ROOT/../shared/bench}
[ -f "$BENCH/quiz.lua" ] || { echo "The peer benchmark is not at $BENCH (set PARLEY_BENCH_DIR)." >&2; exit 2; }
[ -f "$ROOT/server/dist/parley.mjs" ] || (cd "$ROOT/server" && node build.mjs >/dev/null)
DUR=${DUR:-10}
# start_parley PORT [NODE_FLAGS...]: a fresh store; sets PID and URL once the server answers.
start_parley() {
  local port=$1; shift
  local db=/tmp/parley-diagnose-$port.db; rm -f $db $db-wal $db-shm
  env PORT=$port HOST=127.0.0.1 PARLEY_DB=$db PARLEY_LOG=error PARLEY_ADMIN_TOKEN=bench-admin-token-000000 \
    PARLEY_EDITOR_DIR=$ROOT/editor/dist node "$@" $ROOT/server/dist/parley.mjs start >/dev/null 2>&1 &
  PID=$!; URL=http://127.0.0.1:$port/webhooks/web/quiz-bench; wait_for "$URL"
}
wait_for() {
  for _ in $(seq 1 60); do curl -s -o /dev/null -XPOST "$1" -H 'content-type: application/json' -d '{"conversationId":"warm","text":"hi"}' && return; sleep 0.3; done
}
# load FILE: the bench's load for DUR seconds, wrk's report in FILE.
load() { wrk -t1 -c32 -d${DUR}s --latency -s "$BENCH/quiz.lua" "$URL" > "$1"; }
requests() { awk '/requests in/{print $1}' "$1"; }
stop() { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; }
# thread_ticks: "tid ticks" (user + system) for each thread of PID.
thread_ticks() { for t in /proc/$PID/task/*; do echo "$(basename $t) $(awk '{print $14+$15}' $t/stat)"; done; }
