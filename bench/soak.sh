#!/usr/bin/env bash
# Soak: one `dtp up` (embedded localnet with --retain-checkpoints, 3 servers, the gateway) carries
# DTP_SOAK_REQUESTS requests (default 1,000,000) from wrk at a fixed concurrency, in rounds; after
# each round it records every process's RSS, the data directory's size, the gas balances (each
# server's from `dtp status`, the gateway's from its /metrics) and the errors so far. At the end
# the chain is asked for what is still pending (0 expected once the load stops) and a table of the
# first, middle and last samples is printed: nothing should grow with the request count.
# Not part of CI (at ~800 requests/s a million takes ~20 minutes on 2 cores).
#
#   bench/soak.sh                      DTP_SOAK_REQUESTS=50000 bench/soak.sh   (a short check)
# Knobs: DTP_SOAK_REQUESTS (1000000), DTP_SOAK_CONNS (16), DTP_SOAK_ROUND (30s),
#        DTP_SOAK_RETAIN (2000 checkpoints), DTP_SOAK_PORT_BASE (19000), DTP_SOAK_KEEP=1
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
REQUESTS=${DTP_SOAK_REQUESTS:-1000000}
CONNS=${DTP_SOAK_CONNS:-16}
ROUND=${DTP_SOAK_ROUND:-30s}
RETAIN=${DTP_SOAK_RETAIN:-2000}
BASE=${DTP_SOAK_PORT_BASE:-19000}
GW_PORT=$((BASE + 90)) GRPC_PORT=$((BASE + 900)) FAUCET_PORT=$((BASE + 923))
DTP="$ROOT/target/release/dtp"
DTPD="$ROOT/target/release/dtpd"
LEASE_MS=3000 # `dtp up`'s default lease
TMP=$(mktemp -d "${TMPDIR:-/tmp}/dtp-soak.XXXXXX")
export DTP_CONFIG="$TMP/dtp-config.toml"
BENCH_TAG=soak KEEP=${DTP_SOAK_KEEP:-}
# shellcheck source=bench/lib/procs.sh
source "$ROOT/bench/lib/procs.sh"
# shellcheck source=bench/lib/up.sh
source "$ROOT/bench/lib/up.sh"
need wrk jq

build_release
UP_EXTRA=(--retain-checkpoints "$RETAIN")
up_start
DATA=$UP_DATA
PIDS=("$UP_PID" "${DAEMON_PIDS[@]}" "${SERVER_PIDS[@]}")
NAMES=("localnet+gateway" daemon-0 daemon-1 daemon-2 server-0 server-1 server-2)

rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo "-"; }
sample() { # sample <requests so far> <errors so far>: one line of figures
  local rss="" p
  for p in "${PIDS[@]}"; do rss+="$(rss_mb "$p") "; done
  local disk servers gw
  disk=$(du -sm "$DATA" | cut -f1)
  servers=$(status_json 2>/dev/null |
    jq -r '[.host.endpoints[].gas_mist // 0] | map(. / 1e9 | floor) | join("/")' 2>/dev/null || echo "-")
  gw=$(curl -s -m 5 "$GW_METRICS" | awk '/^dtp_gateway_gas_balance_mist/ {printf "%.0f", $2 / 1e9}')
  echo "$1 $2 $disk ${servers:--} ${gw:--} $rss"
}

done_reqs=0 errors=0 round=0
: >"$TMP/samples"
sample 0 0 >>"$TMP/samples"
log "soak: $REQUESTS requests at $CONNS connections, rounds of $ROUND"
while ((done_reqs < REQUESTS)); do
  round=$((round + 1))
  fg_wait wrk -t2 -c"$CONNS" -d"$ROUND" --timeout 30s "http://127.0.0.1:$GW_PORT/api/instance" >"$TMP/round.txt" 2>&1
  n=$(awk '/requests in/ {print $1}' "$TMP/round.txt")
  e=$(awk -F': *' '/Non-2xx/ {s += $2} /Socket errors/ {gsub(",", ""); s += $4 + $6 + $8 + $10} END {print s + 0}' "$TMP/round.txt")
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$TMP/round.txt")
  done_reqs=$((done_reqs + ${n:-0})) errors=$((errors + e))
  sample "$done_reqs" "$errors" >>"$TMP/samples"
  log "round $round: $rps req/s, $done_reqs requests, $errors errors; $(tail -1 "$TMP/samples" | cut -d' ' -f3-) "
done
sleep 5
pending=$(status_json 2>/dev/null |
  jq '[.pipes[]?.pending // 0] | add // 0' 2>/dev/null || echo "?")

echo
echo "dtp soak — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $CONNS connections, --retain-checkpoints $RETAIN"
printf '%-10s %-10s %8s %7s %12s %8s' "sample" "requests" "errors" "disk MB" "servers SUI" "gw SUI"
for n in "${NAMES[@]}"; do printf ' %9s' "${n:0:9}"; done
echo "   (RSS MB)"
total=$(wc -l <"$TMP/samples")
for which in 1 $(((total + 1) / 2)) "$total"; do
  line=$(sed -n "${which}p" "$TMP/samples")
  read -r r e d s g rest <<<"$line"
  printf '%-10s %-10s %8s %7s %12s %8s' "#$which" "$r" "$e" "$d" "$s" "$g"
  for x in $rest; do printf ' %9s' "$x"; done
  echo
done
echo "still pending on chain after the load: $pending (expected 0); errors: $errors (expected 0)"
[[ $errors == 0 && $pending == 0 ]]
