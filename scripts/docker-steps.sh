#!/usr/bin/env bash
# Runs what the Dockerfile runs, without Docker: the build stage (every dependency, compile), the runtime stage
# (production dependencies only, the build, the rules), then the service as an unprivileged user on a fresh data
# directory; waits for /ready, stops it with SIGTERM and checks that it exits cleanly. Needs root (to drop to the
# unprivileged user with setpriv), npm and curl. Usage: scripts/docker-steps.sh [port]   (default 3900)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-3900}"
RUN_AS="${RUN_AS:-nobody}"
WORK="$(mktemp -d /tmp/throughrate-image.XXXXXX)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
step() { printf '\n== %s\n' "$*"; }

step "build stage: npm ci, npm run build (in $WORK/build)"
mkdir -p "$WORK/build"
cp package.json package-lock.json tsconfig.json tsconfig.build.json "$WORK/build/"
cp -r src "$WORK/build/src"
(cd "$WORK/build" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && npm run build --silent)

step "runtime stage: npm ci --omit=dev, the build, rules and bin (in $WORK/app)"
mkdir -p "$WORK/app"
cp package.json package-lock.json "$WORK/app/"
(cd "$WORK/app" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
cp -r "$WORK/build/dist" "$WORK/app/dist"
cp -r rules bin "$WORK/app/"
rm -rf "$WORK/build"
du -sh "$WORK/app" | sed 's/^/image contents: /'

step "start as $RUN_AS with a fresh data directory"
mkdir -p "$WORK/data"
chown "$RUN_AS" "$WORK/data"
chmod 755 "$WORK"
# The image listens on 0.0.0.0; here on the loopback interface only.
(cd "$WORK/app" && exec setpriv --reuid="$RUN_AS" --regid="$(id -g "$RUN_AS")" --clear-groups env NODE_ENV=production HOST=127.0.0.1 PORT="$PORT" \
  DATA_DIR="$WORK/data" SHUTDOWN_GRACE_MS=5000 node dist/src/server.js) >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

step "wait for /ready"
for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$PORT/ready" >"$WORK/ready.json" 2>/dev/null; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$WORK/server.log"; echo "the service stopped"; exit 1; fi
  sleep 0.5
done
cat "$WORK/ready.json"; echo
ps -o user=,pid=,cmd= --ppid "$SERVER_PID" -p "$SERVER_PID" | sed 's/^/process: /'
curl -fsS -o /dev/null -w 'GET /metrics: %{http_code}\n' "http://127.0.0.1:$PORT/metrics"
ls -ld "$WORK/data" "$WORK/data/throughrate.lock" | sed 's/^/data: /'

step "stop with SIGTERM"
started=$(date +%s%N)
kill -TERM "$SERVER_PID"
status=0
wait "$SERVER_PID" || status=$?
SERVER_PID=""
echo "exit status $status after $(( ($(date +%s%N) - started) / 1000000 )) ms"
tail -n 2 "$WORK/server.log"
[ "$status" -eq 0 ]
