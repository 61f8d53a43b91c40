#!/usr/bin/env bash
# Runs the README's first command (`npm start`) as a newcomer would, in this checkout: waits for /health,
# fetches the web app and logs in to the demo through the API, then stops the server. Used by .ci/run, so
# the quickstart can never break unnoticed. Needs a fresh data folder (./data must not exist yet).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-3000}"
BASE="http://127.0.0.1:$PORT"
LOG="$(mktemp)"
JAR="$(mktemp)"
if [ -e data ]; then echo "quickstart: ./data bestaat al; de controle heeft een verse checkout nodig" >&2; exit 1; fi

setsid npm start >"$LOG" 2>&1 &
PID=$!
stop() {
  kill -TERM -- "-$PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$PID" 2>/dev/null || true
  rm -f "$JAR"
}
trap stop EXIT
fail() { echo "quickstart: $1" >&2; echo "--- output of npm start ---" >&2; cat "$LOG" >&2; exit 1; }

started=$(date +%s)
until curl -fsS "$BASE/health" >/dev/null 2>&1; do
  kill -0 "$PID" 2>/dev/null || fail "npm start stopped before /health answered"
  [ $(( $(date +%s) - started )) -lt 600 ] || fail "/health did not answer within 600 s"
  sleep 1
done
echo "quickstart: /health answered after $(( $(date +%s) - started )) s (build included)"

grep -q "Wijkregie draait op http://localhost:$PORT" "$LOG" || fail "the URL was not printed"
grep -q "Demo: log in als regisseur@voorbeeldstad.example met wachtwoord Wijkregie-demo-2026" "$LOG" ||
  fail "the demo login was not printed"
curl -fsS "$BASE/" | grep -q '<div id="root">' || fail "GET / did not serve the web app"
curl -fsS -c "$JAR" -H 'content-type: application/json' \
  -d '{"email":"regisseur@voorbeeldstad.example","password":"Wijkregie-demo-2026"}' \
  "$BASE/api/v1/session" >/dev/null || fail "the demo login was refused"
cases=$(curl -fsS -b "$JAR" "$BASE/api/v1/cases") || fail "GET /api/v1/cases failed"
echo "$cases" | grep -Eq '"total":[1-9]' || fail "the demo has no cases: $cases"
echo "quickstart: web app served, demo login works, $(echo "$cases" | grep -Eo '"total":[0-9]+')"
