# shellcheck shell=bash
# One `dtp up` (embedded localnet, 3 sample servers with their daemons, the gateway) for the
# benchmark scripts, and what they read from it. Needs lib/procs.sh and DTP, GW_PORT, GRPC_PORT,
# FAUCET_PORT, LEASE_MS; UP_EXTRA holds more `dtp up` flags for the next up_start.

UP_N=0
UP_PID=""
UP_EXTRA=()
GRPC_URL="http://127.0.0.1:$GRPC_PORT"

up_start() { # a fresh `dtp up`; sets UP_PID UP_OUT UP_DATA HOST PIPE DAEMON_PIDS SERVER_PIDS
  UP_N=$((UP_N + 1))
  UP_DATA="$TMP/dtp-$UP_N"
  UP_OUT="$TMP/dtp-up-$UP_N.out"
  local p i
  for p in "$GW_PORT" "$GRPC_PORT" "$FAUCET_PORT"; do
    for ((i = 0; i < 50; i++)); do port_free "$p" && break; sleep 0.2; done
  done
  log "dtp up --fresh (#$UP_N) ${UP_EXTRA[*]}"
  setsid "$DTP" up --fresh --data-dir "$UP_DATA" --replicas 3 --listen "127.0.0.1:$GW_PORT" \
    --grpc "127.0.0.1:$GRPC_PORT" --faucet "127.0.0.1:$FAUCET_PORT" --lease-ms "$LEASE_MS" "${UP_EXTRA[@]}" \
    >"$UP_OUT" 2>"$TMP/dtp-up-$UP_N.err" </dev/null &
  UP_PID=$!
  GROUPS_STARTED+=("$UP_PID")
  wait_line "$UP_OUT" "dtp is up" 120 "$UP_PID"
  HOST=$(awk '$1 == "host" {print $2}' "$UP_OUT")
  PIPE=$(awk '$1 == "pipe" {print $2}' "$UP_OUT")
  DAEMON_PIDS=()
  SERVER_PIDS=()
  for i in 0 1 2; do
    DAEMON_PIDS+=("$(awk -v n="daemon-$i" '$1 == n && $2 == "pid" {print $3}' "$UP_OUT")")
    SERVER_PIDS+=("$(awk -v n="server-$i" '$1 == n && $2 == "pid" {print $3}' "$UP_OUT")")
  done
  GW_METRICS=$(awk '$1 == "metrics" && /gateway/ {print $2}' "$UP_OUT")
  [[ -n $HOST && -n $PIPE && -n ${DAEMON_PIDS[2]} ]] || die "cannot parse the output of dtp up ($UP_OUT)"
  GW_URL="http://127.0.0.1:$GW_PORT" CURL_TLS=()
  if [[ " ${UP_EXTRA[*]} " == *" --tls-self-signed "* ]]; then
    GW_URL="https://localhost:$GW_PORT" CURL_TLS=(--cacert "$UP_DATA/tls/ca.pem")
  fi
  # Warm up: every server answers once.
  for i in $(seq 6); do
    curl -sf -m 10 "${CURL_TLS[@]}" "$GW_URL/api/instance" >/dev/null || die "the gateway does not answer"
  done
}

up_stop() {
  [[ -n $UP_PID ]] || return 0
  log "stopping dtp up (#$UP_N)"
  stop_group "$UP_PID" 30
  UP_PID=""
}

# Sends per send transaction of the gateway so far (its group commit), from its /metrics.
sends_per_tx() {
  curl -s -m 10 "$GW_METRICS" | awk '/^dtp_gateway_sends_total/ {s += $2} /^dtp_gateway_send_batches_total/ {b += $2}
    END { if (b > 0) printf "%.1f", s / b; else print "n/a" }'
}

# Calls per transaction of the daemons' group commits so far (completes, claims, releases,
# takeovers), from each daemon's /metrics; their ports are found with ss (dtp up picks them).
calls_per_tx() {
  command -v ss >/dev/null || { echo n/a; return; }
  local p port line a b calls=0 txs=0
  for p in "${DAEMON_PIDS[@]}"; do
    for port in $(ss -ltnpH 2>/dev/null | grep "pid=$p," | awk '{print $4}' | sed 's/.*://'); do
      line=$(curl -s -m 5 "http://127.0.0.1:$port/metrics" |
        awk '/^dtpd_batched_calls_total/ {c = $2} /^dtpd_call_transactions_total/ {t = $2}
          END { if (c != "") print c, t }')
      [[ -n $line ]] || continue
      read -r a b <<<"$line"
      calls=$((calls + a)) txs=$((txs + b))
    done
  done
  if ((txs > 0)); then awk -v c="$calls" -v t="$txs" 'BEGIN { printf "%.1f", c / t }'; else echo n/a; fi
}

dtpc() { "$DTP" --url "$GRPC_URL" --timeout 60 "$@"; }

status_json() { dtpc --json status --host "$HOST" --pipe "$PIPE"; }

probe_seq() { # the seq of a probe request through the gateway
  curl -s -m 30 -D - -o /dev/null "http://127.0.0.1:$GW_PORT/api/instance" |
    awk -F': *' 'tolower($1) == "x-dtp-seq" {gsub("\r", "", $2); print $2 + 0}'
}

gateway_alive() { curl -sf -m 10 -o /dev/null "http://127.0.0.1:$GW_PORT/api/instance"; }
