#!/usr/bin/env bash
# End-to-end benchmark of dtp against nginx on this machine (loopback only), in one run:
#
#   1. builds the release binaries once (dtp, dtpd) and the two cargo benches it reports;
#   2. nginx round robin over 3 sample backends (`dtp sample`), driven by wrk;
#   3. dtp (`dtp up`: embedded localnet, 3 sample servers each with its daemon, the gateway),
#      driven by the same wrk at the same concurrency for the same duration;
#   4. takeover: kill -9 a daemon, send requests through the gateway, and time the ones that were
#      assigned to the killed daemon until they are answered (several rounds, the daemon restarted
#      between rounds);
#      then the gateway's edge: plain, with TLS, with the rate limiter (each a fresh `dtp up`);
#   5. the localnet's sends/s (`cargo bench -p dtp-localnet --bench throughput`) and the replay
#      speed (`cargo bench -p dtp-cli --bench replay`);
#
# then prints one table. Every process it starts is stopped on exit (trap), also on failure.
# It exits non-zero when a step fails (not when a target is missed: the table says that).
#
#   bench/e2e.sh                      # about 6-8 minutes once built, on 2 cores
#
# Knobs (environment):
#   DTP_E2E_DURATION=15s   DTP_E2E_THREADS=2   DTP_E2E_CONNS=16      load of each measured run
#                                     (much longer dtp runs exhaust the gateway's gas: see the doc)
#   DTP_E2E_EXTRA_CONNS=64            also run both at this concurrency ("" to skip)
#   DTP_E2E_SUI_CONNS=256             `dtp up --sui-latency` (a real network's timings) through 1 and
#                                     4 pipes, batched and not (--batch-max-calls 1), at this
#                                     concurrency ("" to skip)
#   DTP_E2E_SKIP_EDGE=1               skip the gateway's TLS / rate limiter on-off runs
#   DTP_E2E_TAKEOVER_ROUNDS=3         kill -9 rounds (each sends DTP_E2E_TAKEOVER_REQS=12 requests)
#   DTP_E2E_PORT_BASE=18000           ports used: base+1..3 backends, base+80 nginx,
#                                     base+90 gateway, base+900 gRPC, base+923 faucet
#   DTP_E2E_SKIP_CARGO_BENCHES=1      do not run the localnet and replay cargo benches
#   DTP_E2E_LOCALNET_LOG=<file>       reuse the output of an earlier localnet throughput bench
#   DTP_E2E_REPLAY_LOG=<file>         reuse the output of an earlier replay bench
#   DTP_E2E_PERF=1                    also record a system-wide `perf` profile of the dtp run
#   DTP_E2E_KEEP=1                    keep the temporary directory (logs, configs, replays)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

DURATION=${DTP_E2E_DURATION:-15s}
THREADS=${DTP_E2E_THREADS:-2}
CONNS=${DTP_E2E_CONNS:-16}
EXTRA_CONNS=${DTP_E2E_EXTRA_CONNS-64}
SUI_CONNS=${DTP_E2E_SUI_CONNS-256}
ROUNDS=${DTP_E2E_TAKEOVER_ROUNDS:-3}
TAKEOVER_REQS=${DTP_E2E_TAKEOVER_REQS:-12}
BASE=${DTP_E2E_PORT_BASE:-18000}
BACKEND_PORTS=($((BASE + 1)) $((BASE + 2)) $((BASE + 3)))
NGINX_PORT=$((BASE + 80))
GW_PORT=$((BASE + 90))
GRPC_PORT=$((BASE + 900))
FAUCET_PORT=$((BASE + 923))
GRPC_URL="http://127.0.0.1:$GRPC_PORT"
LEASE_MS=3000 # `dtp up`'s default lease

DTP="$ROOT/target/release/dtp"
DTPD="$ROOT/target/release/dtpd"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/dtp-e2e.XXXXXX")
export DTP_CONFIG="$TMP/dtp-config.toml" # never touch the user's dtp config

exec 3>&1 4>&2 # the script's own stdout and stderr, whatever a function's redirections are
log() { printf '[e2e %s] %s\n' "$(date +%H:%M:%S)" "$*" >&4; }
die() {
  log "FAILED: $*"
  exit 1
}
now_ms() { date +%s%3N; }

# ---------------------------------------------------------------- process bookkeeping and cleanup
# Every long-running process is started with setsid, so it leads its own process group and the
# group (with any children, e.g. the daemons of `dtp up`) can be stopped as a whole.
GROUPS_STARTED=() # process group ids, in start order
UP_PID=""

start_bg() { # start_bg <logfile> <command...>; sets BG_PID
  local out=$1
  shift
  setsid "$@" >"$out" 2>&1 </dev/null &
  BG_PID=$!
  GROUPS_STARTED+=("$BG_PID")
}

alive() { kill -0 "$1" 2>/dev/null; }

# Long commands run in the background and are waited for, so that a signal to this script runs
# the cleanup at once (bash defers traps while a foreground command runs).
fg_wait() {
  "$@" &
  wait "$!"
}

stop_group() { # stop_group <pgid> [grace seconds]: TERM to the leader, then KILL to the group
  local pg=$1 grace=${2:-10} i
  alive "$pg" || { kill -KILL -- "-$pg" 2>/dev/null || true; return 0; }
  kill -TERM "$pg" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do
    alive "$pg" || break
    sleep 0.1
  done
  kill -KILL -- "-$pg" 2>/dev/null || true
  wait "$pg" 2>/dev/null || true
}

cleanup() {
  local rc=$? pg
  trap - EXIT INT TERM
  exec 1>&3 2>&4 # a signal may arrive inside a redirected function (fg_wait)
  # Load generators and curl probes are plain children of this shell.
  for pg in $(jobs -p); do
    case " ${GROUPS_STARTED[*]} " in *" $pg "*) ;; *) kill -TERM "$pg" 2>/dev/null || true ;; esac
  done
  # Newest first: restarted daemons, dtp up (it stops its daemons and servers), nginx, backends.
  for ((i = ${#GROUPS_STARTED[@]} - 1; i >= 0; i--)); do
    stop_group "${GROUPS_STARTED[$i]}" 25
  done
  if [[ -n ${DTP_E2E_KEEP:-} || $rc -ne 0 ]]; then
    log "logs kept in $TMP"
  else
    rm -rf "$TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- prerequisites
SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO="sudo"

apt_install() {
  log "installing $* (apt-get)"
  if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" \
    >>"$TMP/apt.log" 2>&1; then
    $SUDO apt-get update >>"$TMP/apt.log" 2>&1 || true
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" \
      >>"$TMP/apt.log" 2>&1
  fi
}

find_nginx() { command -v nginx || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; } || true; }

for tool in curl jq; do
  command -v "$tool" >/dev/null || apt_install "$tool" || die "$tool is required (see $TMP/apt.log)"
done

NGINX=$(find_nginx)
if [[ -z $NGINX ]]; then
  system_nginx_before=$(pgrep -x nginx | tr '\n' ' ' || true)
  apt_install nginx || die "could not install nginx (see $TMP/apt.log)"
  NGINX=$(find_nginx)
  [[ -n $NGINX ]] || die "nginx installed but not found"
  # The package may start the system service (where policy-rc.d allows it): that nginx is ours
  # to stop, it is not the one measured.
  if [[ -f /run/nginx.pid ]]; then
    p=$(cat /run/nginx.pid)
    case " $system_nginx_before " in *" $p "*) ;; *)
      log "stopping the nginx service the package started (pid $p)"
      $SUDO kill -QUIT "$p" 2>/dev/null || true
      ;;
    esac
  fi
fi

LOADGEN=""
if command -v wrk >/dev/null || apt_install wrk; then
  command -v wrk >/dev/null && LOADGEN=wrk
fi
if [[ -z $LOADGEN ]]; then
  if ! command -v oha >/dev/null; then
    log "wrk unavailable: cargo install oha"
    fg_wait cargo install oha >"$TMP/oha-install.log" 2>&1 || die "could not install oha (see $TMP/oha-install.log)"
  fi
  LOADGEN=oha
fi
log "load generator: $LOADGEN; nginx: $NGINX ($($NGINX -v 2>&1 | sed 's/.*version: //'))"

port_free() { ! ss -Hltn "sport = :$1" | grep -q .; }
for p in "${BACKEND_PORTS[@]}" "$NGINX_PORT" "$GW_PORT" "$GRPC_PORT" "$FAUCET_PORT"; do
  port_free "$p" || die "port $p is in use (set DTP_E2E_PORT_BASE)"
done

rustc_count() { pgrep -c -x rustc 2>/dev/null || true; }
BUSY=() # "phase: N rustc, load L" notes for the table

# ---------------------------------------------------------------- build (once)
log "building release binaries (cargo build --release -p dtp-cli -p dtpd)"
fg_wait cargo build --release -p dtp-cli -p dtpd >"$TMP/build.log" 2>&1 ||
  { tail -30 "$TMP/build.log" >&2; die "cargo build"; }
[[ -x $DTP && -x $DTPD ]] || die "release binaries missing after the build"
RUN_CARGO_BENCHES=1
[[ -n ${DTP_E2E_SKIP_CARGO_BENCHES:-} ]] && RUN_CARGO_BENCHES=0
if [[ $RUN_CARGO_BENCHES == 1 ]]; then
  if [[ -z ${DTP_E2E_LOCALNET_LOG:-} ]]; then
    log "building the localnet throughput bench"
    fg_wait cargo bench -p dtp-localnet --bench throughput --no-run >"$TMP/build-localnet-bench.log" 2>&1 ||
      { tail -30 "$TMP/build-localnet-bench.log" >&2; die "building the localnet bench"; }
  fi
  if [[ -z ${DTP_E2E_REPLAY_LOG:-} ]]; then
    log "building the replay bench"
    fg_wait cargo bench -p dtp-cli --bench replay --no-run >"$TMP/build-replay-bench.log" 2>&1 ||
      { tail -30 "$TMP/build-replay-bench.log" >&2; die "building the replay bench"; }
  fi
fi

# ---------------------------------------------------------------- load generation
to_ms() { # wrk latency ("812.00us", "2.03ms", "1.20s", "1.5m") -> ms
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.3f", v * 60000 }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
    else printf "nan" }'
}

# load <name> <url> <conns> <duration>: prints "rps p50_ms p99_ms requests errors" to $TMP/<name>.res
load() {
  local name=$1 url=$2 conns=$3 dur=$4 out="$TMP/$1.load"
  local threads=$THREADS
  ((threads > conns)) && threads=$conns
  if [[ $LOADGEN == wrk ]]; then
    fg_wait wrk -t"$threads" -c"$conns" -d"$dur" --timeout 30s --latency "$url" >"$out" 2>&1 ||
      { cat "$out" >&2; die "wrk ($name)"; }
    local rps p50 p99 reqs non2xx sockerr
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
    p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
    reqs=$(awk '/requests in/ {print $1}' "$out")
    non2xx=$(awk -F': *' '/Non-2xx/ {print $2}' "$out")
    sockerr=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$out")
    echo "$rps $p50 $p99 ${reqs:-0} $((${non2xx:-0} + ${sockerr:-0}))" >"$TMP/$name.res"
  else
    local fmt="--json"
    oha --help 2>/dev/null | grep -q -- '--output-format' && fmt="--output-format json"
    # shellcheck disable=SC2086
    fg_wait oha -z "$dur" -c "$conns" --no-tui $fmt "$url" >"$out" 2>&1 || { cat "$out" >&2; die "oha ($name)"; }
    jq -r '[.summary.requestsPerSec, (.latencyPercentiles.p50 * 1000), (.latencyPercentiles.p99 * 1000),
            ([.statusCodeDistribution[]] | add // 0),
            (([.statusCodeDistribution | to_entries[] | select(.key != "200") | .value] | add // 0)
             + ([.errorDistribution[]?] | add // 0))] | map(tostring) | join(" ")' "$out" >"$TMP/$name.res"
  fi
  read -r rps p50 p99 reqs errs <"$TMP/$name.res"
  [[ ${reqs:-0} -gt 0 ]] || die "$name: no request completed (see $out)"
  log "$name: $rps req/s, p50 $p50 ms, p99 $p99 ms, $reqs requests, $errs errors"
}

res() { awk -v f="$2" '{print $f}' "$TMP/$1.res"; } # res <name> <field 1..5>

# CPU time (clock ticks) of processes / threads, from /proc.
ticks() { # ticks <pid|pid/task/tid>...
  local t=0 p v
  for p in "$@"; do
    v=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)
    t=$((t + v))
  done
  echo "$t"
}
HZ=$(getconf CLK_TCK)

wait_line() { # wait_line <file> <text> <seconds> <pid>
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    alive "$4" || { cat "$1" >&2; die "process $4 exited (log $1)"; }
    sleep 0.1
  done
  cat "$1" >&2
  die "no '$2' in $1 within $3 s"
}

# ---------------------------------------------------------------- (a) nginx round robin
log "starting 3 sample backends on ports ${BACKEND_PORTS[*]}"
BACKEND_PIDS=()
for i in 0 1 2; do
  start_bg "$TMP/backend-$i.log" "$DTP" sample --listen "127.0.0.1:${BACKEND_PORTS[$i]}" --name "backend-$i"
  BACKEND_PIDS+=("$BG_PID")
  wait_line "$TMP/backend-$i.log" "listening on" 10 "$BG_PID"
done

mkdir -p "$TMP/nginx"
NGINX_USER=""
[[ $(id -u) -eq 0 ]] && NGINX_USER="user $(id -un);" # run the workers as the current user
cat >"$TMP/nginx/nginx.conf" <<EOF
$NGINX_USER
daemon off;
worker_processes auto;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $TMP/nginx/body;
  proxy_temp_path $TMP/nginx/proxy;
  fastcgi_temp_path $TMP/nginx/fastcgi;
  uwsgi_temp_path $TMP/nginx/uwsgi;
  scgi_temp_path $TMP/nginx/scgi;
  upstream backends {
    server 127.0.0.1:${BACKEND_PORTS[0]};
    server 127.0.0.1:${BACKEND_PORTS[1]};
    server 127.0.0.1:${BACKEND_PORTS[2]};
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://backends;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
EOF
log "starting nginx on 127.0.0.1:$NGINX_PORT"
start_bg "$TMP/nginx/stdout.log" "$NGINX" -p "$TMP/nginx" -e "$TMP/nginx/error.log" -c "$TMP/nginx/nginx.conf"
NGINX_PID=$BG_PID
for ((i = 0; i < 50; i++)); do
  curl -sf "http://127.0.0.1:$NGINX_PORT/api/instance" >/dev/null && break
  alive "$NGINX_PID" || { cat "$TMP/nginx/error.log" >&2; die "nginx exited"; }
  sleep 0.1
done
curl -sf "http://127.0.0.1:$NGINX_PORT/api/instance" >/dev/null || die "nginx does not answer"
for i in $(seq 6); do curl -s "http://127.0.0.1:$NGINX_PORT/api/instance"; echo; done >"$TMP/nginx-rr.txt"
[[ $(grep -o '"instance":"backend-[0-9]"' "$TMP/nginx-rr.txt" | sort -u | wc -l) -eq 3 ]] ||
  die "nginx does not spread over the 3 backends: $(cat "$TMP/nginx-rr.txt")"

BUSY+=("nginx: $(rustc_count) rustc running, load $(cut -d' ' -f1 /proc/loadavg)")
load direct-c$CONNS "http://127.0.0.1:${BACKEND_PORTS[0]}/api/instance" "$CONNS" 5s
nginx_groups="$(pgrep -g "$NGINX_PID" | tr '\n' ' ')"
c0=$(ticks $nginx_groups)
b0=$(ticks "${BACKEND_PIDS[@]}")
load nginx-c$CONNS "http://127.0.0.1:$NGINX_PORT/api/instance" "$CONNS" "$DURATION"
NGINX_CPU_NGINX=$(($(ticks $nginx_groups) - c0))
NGINX_CPU_BACKENDS=$(($(ticks "${BACKEND_PIDS[@]}") - b0))
load nginx-c1 "http://127.0.0.1:$NGINX_PORT/api/instance" 1 5s
[[ -n $EXTRA_CONNS ]] && load nginx-c$EXTRA_CONNS "http://127.0.0.1:$NGINX_PORT/api/instance" "$EXTRA_CONNS" "$DURATION"
log "stopping nginx and the backends (dtp brings its own sample servers)"
stop_group "$NGINX_PID" 10
for p in "${BACKEND_PIDS[@]}"; do stop_group "$p" 5; done

# ---------------------------------------------------------------- (b) dtp
UP_N=0
UP_EXTRA=() # more `dtp up` flags for the next up_start
up_start() { # a fresh `dtp up`; sets UP_PID UP_OUT UP_DATA HOST PIPE DAEMON_PIDS SERVER_PIDS
  UP_N=$((UP_N + 1))
  UP_DATA="$TMP/dtp-$UP_N"
  UP_OUT="$TMP/dtp-up-$UP_N.out"
  for p in "$GW_PORT" "$GRPC_PORT" "$FAUCET_PORT"; do
    for ((i = 0; i < 50; i++)); do port_free "$p" && break; sleep 0.2; done
  done
  log "dtp up --fresh (#$UP_N)"
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

up_stop() {
  [[ -n $UP_PID ]] || return 0
  log "stopping dtp up (#$UP_N)"
  stop_group "$UP_PID" 30
  UP_PID=""
}

dtpc() { "$DTP" --url "$GRPC_URL" --timeout 60 "$@"; }

probe_seq() { # the seq of a probe request through the gateway
  curl -s -m 30 -D - -o /dev/null "http://127.0.0.1:$GW_PORT/api/instance" |
    awk -F': *' 'tolower($1) == "x-dtp-seq" {gsub("\r", "", $2); print $2 + 0}'
}

gateway_alive() { curl -sf -m 10 -o /dev/null "http://127.0.0.1:$GW_PORT/api/instance"; }

# jq: percentiles of the per-step times of completed first-attempt requests with lo <= seq < hi
# ("-" for the claim steps when no request was claimed: dtpd claims only to extend a lease).
ANATOMY_JQ='
  def pct(p): sort | .[((length * p) | floor | if . >= length then length - 1 else . end)];
  [.timelines[] | select(.seq >= $lo and .seq < $hi and .status == "completed" and .attempt == 1)
   | (.steps | map({(.event): .timestamp_ms}) | add) as $t
   | [(if $t.claimed then $t.claimed - $t.assigned else null end),
      (if $t.claimed then $t.completed - $t.claimed else null end),
      $t.completed - $t.assigned]] as $r
  | ($r | length) as $n
  | def stat(i; p): [$r[][i] | select(. != null)] | if length == 0 then "-" else pct(p) end;
  if $n == 0 then "0 nan nan nan nan nan nan" else
    [$n, stat(0; 0.5), stat(0; 0.99), stat(1; 0.5), stat(1; 0.99), stat(2; 0.5), stat(2; 0.99)]
    | map(tostring) | join(" ") end'

up_start
dtp_runs=("c1:1:5s" "c$CONNS:$CONNS:$DURATION")
for run in "${dtp_runs[@]}"; do
  IFS=: read -r tag conns dur <<<"$run"
  lo=$(probe_seq)
  [[ -n $lo ]] || die "no x-dtp-seq from the gateway"
  lo=$((lo + 1))
  commit_tid=$(grep -l '^dtp-localnet-co' /proc/"$UP_PID"/task/*/comm | head -1 | cut -d/ -f3-5)
  all_pids=("$UP_PID" "${DAEMON_PIDS[@]}" "${SERVER_PIDS[@]}")
  t_up0=$(ticks "$UP_PID") t_commit0=$(ticks "$commit_tid") t_d0=$(ticks "${DAEMON_PIDS[@]}") t_s0=$(ticks "${SERVER_PIDS[@]}")
  perf_pid=""
  if [[ $tag == "c$CONNS" && -n ${DTP_E2E_PERF:-} ]] && perf stat -e cpu-clock true >/dev/null 2>&1; then
    perf record -e cpu-clock -F 499 -a -g -o "$TMP/perf.data" -- sleep 10 >"$TMP/perf-record.log" 2>&1 &
    perf_pid=$!
  fi
  [[ $tag == "c$CONNS" ]] && BUSY+=("dtp: $(rustc_count) rustc running, load $(cut -d' ' -f1 /proc/loadavg)")
  load "dtp-$tag" "http://127.0.0.1:$GW_PORT/api/instance" "$conns" "$dur"
  eval "SPT_${tag}=$(sends_per_tx)"
  eval "CPT_${tag}=$(calls_per_tx)"
  if [[ $tag == "c$CONNS" ]]; then
    DTP_CPU_UP=$(($(ticks "$UP_PID") - t_up0))
    DTP_CPU_COMMIT=$(($(ticks "$commit_tid") - t_commit0))
    DTP_CPU_DAEMONS=$(($(ticks "${DAEMON_PIDS[@]}") - t_d0))
    DTP_CPU_SERVERS=$(($(ticks "${SERVER_PIDS[@]}") - t_s0))
  fi
  [[ -n $perf_pid ]] && wait "$perf_pid" || true
  sleep 1
  gateway_alive || die "the gateway stopped answering after the $tag run"
  hi=$(probe_seq)
  [[ -n $hi ]] || die "no x-dtp-seq from the gateway"
  eval "SEQ_${tag}=\"$lo $hi\""
done
log "replaying the pipe (per-request timelines from the chain)"
dtpc --json replay --pipe "$PIPE" >"$TMP/replay-load.json" 2>"$TMP/replay-load.err" ||
  { cat "$TMP/replay-load.err" >&2; die "dtp replay"; }
for run in "${dtp_runs[@]}"; do
  IFS=: read -r tag _ _ <<<"$run"
  eval "read -r lo hi <<<\"\$SEQ_${tag}\""
  jq -r --argjson lo "$lo" --argjson hi "$hi" "$ANATOMY_JQ" "$TMP/replay-load.json" >"$TMP/anatomy-$tag.res"
  log "dtp-$tag on chain (n p50/p99 ms): assigned->claimed, claimed->completed, assigned->completed: $(cat "$TMP/anatomy-$tag.res")"
done
up_stop

# Every phase gets a fresh `dtp up`: the phases stay independent, and no gateway sends more than
# ~15,000 requests (its gas coins run dry after ~22,000; see "Gas bugs" in docs/benchmarks.md).
if [[ -n $EXTRA_CONNS ]]; then
  up_start
  load "dtp-c$EXTRA_CONNS" "http://127.0.0.1:$GW_PORT/api/instance" "$EXTRA_CONNS" "$DURATION"
  eval "SPT_c${EXTRA_CONNS}=$(sends_per_tx)"
  eval "CPT_c${EXTRA_CONNS}=$(calls_per_tx)"
  up_stop
fi

# ---------------------------------------------------------------- the edge's cost
# The gateway's TLS (rustls, --tls-self-signed) and its rate limiter (--rate-limit high enough to
# refuse nothing, so every request pays the check), each on alone, against a plain run: same load.
EDGE_RUNS=()
if [[ -z ${DTP_E2E_SKIP_EDGE:-} ]]; then
  for e in plain tls ratelimit; do
    case $e in
      plain) UP_EXTRA=() ;;
      tls) UP_EXTRA=(--tls-self-signed) ;;
      ratelimit) UP_EXTRA=(--rate-limit 1000000) ;;
    esac
    up_start
    load "edge-$e" "$GW_URL/api/instance" "$CONNS" "$DURATION"
    EDGE_RUNS+=("$e")
    up_stop
  done
  UP_EXTRA=()
fi

# ---------------------------------------------------------------- a real network's timings
# `dtp up --sui-latency`: effects ~350 ms and events ~820 ms after a transaction, so a pipe's
# capacity is what one transaction in flight carries. 1 and 4 pipes, batched (the default) and
# one call per transaction, at SUI_CONNS connections.
SUI_RUNS=()
if [[ -n $SUI_CONNS ]]; then
  saved_lease=$LEASE_MS
  LEASE_MS=5000 # leases must outlive the slower chain (docs/sui.md)
  for k in 1 4; do
    for b in 256 1; do
      UP_EXTRA=(--sui-latency --pipes "$k" --batch-max-calls "$b")
      up_start
      load "sui-p$k-b$b" "http://127.0.0.1:$GW_PORT/api/instance" "$SUI_CONNS" "$DURATION"
      eval "SPT_sui_p${k}_b${b}=$(sends_per_tx)"
      SUI_RUNS+=("$k:$b")
      up_stop
    done
  done
  UP_EXTRA=()
  LEASE_MS=$saved_lease
fi

# ---------------------------------------------------------------- takeover after kill -9
up_start
RESTARTED=()
status_json() { dtpc --json status --host "$HOST" --pipe "$PIPE"; }
healthy_count() { status_json 2>/dev/null | jq '[.host.endpoints[] | select(.healthy)] | length'; }
server_addr() { status_json | jq -r --arg l "server-$1" '.host.endpoints[] | select(.label == $l) | .server'; }
: >"$TMP/takeover.txt"
for ((r = 0; r < ROUNDS; r++)); do
  victim=$((r % 3))
  addr=$(server_addr "$victim")
  [[ -n $addr ]] || die "no address for server-$victim"
  for ((i = 0; i < 200; i++)); do [[ $(healthy_count) == 3 ]] && break; sleep 0.1; done
  [[ $(healthy_count) == 3 ]] || die "not every server is healthy before round $r"
  log "takeover round $((r + 1))/$ROUNDS: kill -9 daemon-$victim (pid ${DAEMON_PIDS[$victim]}, $addr)"
  kill -KILL "${DAEMON_PIDS[$victim]}"
  curls=()
  for ((k = 0; k < TAKEOVER_REQS; k++)); do
    (
      out=$(curl -s -m 30 -D - -o /dev/null -w 'TIME %{time_total} CODE %{http_code}\n' \
        "http://127.0.0.1:$GW_PORT/api/instance" | tr -d '\r')
      seq=$(awk -F': *' 'tolower($1) == "x-dtp-seq" {print $2}' <<<"$out")
      t=$(awk '$1 == "TIME" {print $2 * 1000}' <<<"$out")
      code=$(awk '$1 == "TIME" {print $4}' <<<"$out")
      echo "$r ${seq:--1} ${t:-nan} ${code:-000}" >>"$TMP/takeover-raw.txt"
    ) &
    curls+=($!)
    sleep 0.25
  done
  wait "${curls[@]}" || true
  # Which requests were assigned to the killed daemon: those the chain reassigned from it.
  dtpc --json replay --pipe "$PIPE" >"$TMP/replay-takeover.json" 2>"$TMP/replay-takeover.err" ||
    { cat "$TMP/replay-takeover.err" >&2; die "dtp replay (takeover)"; }
  jq -r --arg v "$addr" '.timelines[]
      | select(any(.steps[]; .event == "reassigned" and .from == $v and .reason == "expired"))
      | (.steps | map(select(.event == "assigned" or .event == "completed")) | map({(.event): .timestamp_ms}) | add) as $t
      | "\(.seq) \(.status) \(($t.completed // 0) - $t.assigned)"' "$TMP/replay-takeover.json" >"$TMP/taken-$r.txt"
  while read -r seq status chain_ms; do
    client=$(awk -v r="$r" -v s="$seq" '$1 == r && $2 == s {print $3, $4}' "$TMP/takeover-raw.txt")
    [[ -n $client ]] && echo "$r $seq $status $chain_ms $client" >>"$TMP/takeover.txt"
  done <"$TMP/taken-$r.txt"
  log "  $(awk -v r="$r" '$1 == r' "$TMP/takeover.txt" | wc -l) requests were assigned to daemon-$victim; answered after (ms): $(awk -v r="$r" '$1 == r {printf "%s(%s) ", $5, $6}' "$TMP/takeover.txt")"
  # Bring the daemon back (same config and state directory) for the next round.
  cfg="$UP_DATA/dtpd-$victim.toml"
  start_bg "$TMP/dtpd-restart-$r.log" "$DTPD" --config "$cfg"
  RESTARTED+=("$BG_PID")
  DAEMON_PIDS[$victim]=$BG_PID
  t_restart=$(now_ms)
  wait_line "$TMP/dtpd-restart-$r.log" "serving host" 30 "$BG_PID"
  # Ready again when its endpoint is healthy with a heartbeat sent after the restart.
  for ((i = 0; i < 300; i++)); do
    status_json 2>/dev/null | jq -e --arg a "$addr" --argjson t "$t_restart" \
      '.host.endpoints[] | select(.server == $a and .healthy and .last_heartbeat_ms > $t)' >/dev/null && break
    sleep 0.1
  done
  ((i < 300)) || die "the restarted daemon-$victim did not become healthy"
done
TAKEOVER_N=$(wc -l <"$TMP/takeover.txt")
[[ $TAKEOVER_N -gt 0 ]] || die "no request was taken over (see $TMP/takeover-raw.txt)"
for p in "${RESTARTED[@]}"; do stop_group "$p" 15; done
up_stop

# ---------------------------------------------------------------- cargo benches
LOCALNET_LOG=${DTP_E2E_LOCALNET_LOG:-}
REPLAY_LOG=${DTP_E2E_REPLAY_LOG:-}
if [[ $RUN_CARGO_BENCHES == 1 ]]; then
  if [[ -z $LOCALNET_LOG ]]; then
    log "cargo bench -p dtp-localnet --bench throughput"
    BUSY+=("localnet bench: $(rustc_count) rustc running, load $(cut -d' ' -f1 /proc/loadavg)")
    LOCALNET_LOG="$TMP/localnet-bench.log"
    fg_wait cargo bench -p dtp-localnet --bench throughput >"$LOCALNET_LOG" 2>&1 ||
      { tail -30 "$LOCALNET_LOG" >&2; die "localnet bench"; }
  fi
  if [[ -z $REPLAY_LOG ]]; then
    log "cargo bench -p dtp-cli --bench replay"
    BUSY+=("replay bench: $(rustc_count) rustc running, load $(cut -d' ' -f1 /proc/loadavg)")
    REPLAY_LOG="$TMP/replay-bench.log"
    fg_wait cargo bench -p dtp-cli --bench replay >"$REPLAY_LOG" 2>&1 ||
      { tail -30 "$REPLAY_LOG" >&2; die "replay bench"; }
  fi
fi
LOCALNET_DISK="n/a" LOCALNET_MEM="n/a" REPLAY_MS="n/a" LOCALNET_BATCHED=""
if [[ -n $LOCALNET_LOG ]]; then
  read -r LOCALNET_DISK LOCALNET_MEM < <(awk '
    /^on disk/ {s = "disk"} /^in memory/ {s = "mem"}
    /gRPC ExecuteTransaction/ { for (i = 1; i < NF; i++) if ($(i + 1) == "tx/s") v[s] = $i }
    END { print (v["disk"] ? v["disk"] : "n/a"), (v["mem"] ? v["mem"] : "n/a") }' "$LOCALNET_LOG")
  # Batched runs: "gRPC, B sends per tx ..." then "= N sends/s through gRPC", per section.
  LOCALNET_BATCHED=$(awk '
    /^on disk/ {s = "disk"} /^in memory/ {s = "memory"}
    /sends per tx/ { for (i = 1; i < NF; i++) if ($(i + 1) == "sends") b = $i }
    /sends\/s through gRPC/ { for (i = 1; i < NF; i++) if ($(i + 1) == "sends/s") printf "%s%s B=%s %s", sep, s, b, $i; sep = ", " }' "$LOCALNET_LOG")
fi
if [[ -n $REPLAY_LOG ]]; then
  # criterion: "time:   [low unit median unit high unit]"; the median, in ms.
  REPLAY_MS=$(awk '/time:/ { s = $0; sub(/.*\[/, "", s); sub(/\].*/, "", s); split(s, f, " ");
      v = f[3]; u = f[4]; if (u == "s") v *= 1000; else if (u != "ms") v /= 1000; printf "%.0f", v; exit }' "$REPLAY_LOG")
fi

# ---------------------------------------------------------------- report
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }
sub_ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
verdict() { # verdict <condition 0|1> [value]: MET, MISSED, or NOT RUN when the value is n/a
  if [[ ${2:-} == n/a ]]; then echo "NOT RUN"; else awk -v c="$1" 'BEGIN { print (c ? "MET" : "MISSED") }'; fi
}

nproc_=$(nproc)
model=$(lscpu | awk -F': *' '/^Model name/ {print $2; exit}')
echo
echo "dtp end-to-end benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $nproc_ cores ($model), $LOADGEN -t$THREADS, loopback"
for b in "${BUSY[@]}"; do echo "  machine during $b"; done
echo
printf '%-22s %6s %10s %10s %10s %9s %7s\n' "setup" "conns" "req/s" "p50 ms" "p99 ms" "requests" "errors"
row() { printf '%-22s %6s %10s %10s %10s %9s %7s\n' "$1" "$2" "$(res "$3" 1)" "$(res "$3" 2)" "$(res "$3" 3)" "$(res "$3" 4)" "$(res "$3" 5)"; }
row "backend direct (5 s)" "$CONNS" "direct-c$CONNS"
row "nginx round robin" "$CONNS" "nginx-c$CONNS"
row "dtp (dtp up)" "$CONNS" "dtp-c$CONNS"
row "nginx, one at a time" 1 "nginx-c1"
row "dtp, one at a time" 1 "dtp-c1"
if [[ -n $EXTRA_CONNS ]]; then
  row "nginx round robin" "$EXTRA_CONNS" "nginx-c$EXTRA_CONNS"
  row "dtp (dtp up)" "$EXTRA_CONNS" "dtp-c$EXTRA_CONNS"
fi
for run in "${SUI_RUNS[@]}"; do
  IFS=: read -r k b <<<"$run"
  row "dtp --sui-latency, ${k}p b$b" "$SUI_CONNS" "sui-p$k-b$b"
done
for e in "${EDGE_RUNS[@]}"; do
  row "dtp edge: $e" "$CONNS" "edge-$e"
done
echo
echo "sends per send transaction (the gateway's group commit): c1 $SPT_c1, c$CONNS $(eval echo "\${SPT_c$CONNS:-n/a}")$([[ -n $EXTRA_CONNS ]] && eval echo ", c$EXTRA_CONNS \${SPT_c$EXTRA_CONNS:-n/a}")"
for run in "${SUI_RUNS[@]}"; do
  IFS=: read -r k b <<<"$run"
  echo "  --sui-latency, $k pipe(s), --batch-max-calls $b: $(eval echo "\${SPT_sui_p${k}_b${b}:-n/a}")"
done
echo "daemon calls per transaction (completes etc., per pipe group commit): c1 $CPT_c1, c$CONNS $(eval echo "\${CPT_c$CONNS:-n/a}")$([[ -n $EXTRA_CONNS ]] && eval echo ", c$EXTRA_CONNS \${CPT_c$EXTRA_CONNS:-n/a}")"
R=$(ratio "$(res "dtp-c$CONNS" 1)" "$(res "nginx-c$CONNS" 1)")
ADDED=$(sub_ms "$(res "dtp-c$CONNS" 3)" "$(res "nginx-c$CONNS" 3)")
echo
echo "dtp / nginx throughput at c$CONNS: $R   (p99 added by dtp over nginx: $ADDED ms)"
[[ -n $EXTRA_CONNS ]] && echo "dtp / nginx throughput at c$EXTRA_CONNS: $(ratio "$(res "dtp-c$EXTRA_CONNS" 1)" "$(res "nginx-c$EXTRA_CONNS" 1)")"

if [[ ${#EDGE_RUNS[@]} -gt 0 ]]; then
  for e in tls ratelimit; do
    echo "the edge's cost, $e on / off: req/s x$(ratio "$(res "edge-$e" 1)" "$(res edge-plain 1)"), p99 +$(sub_ms "$(res "edge-$e" 3)" "$(res edge-plain 3)") ms"
  done
fi

nreq=$(res "dtp-c$CONNS" 4)
nreq_n=$(res "nginx-c$CONNS" 4)
cpu_us() { awk -v t="$1" -v n="$2" -v hz="$HZ" 'BEGIN { if (n > 0) printf "%.0f", t / hz * 1e6 / n; else print "n/a" }'; }
echo
echo "CPU per request (from /proc, µs): nginx $(cpu_us "$NGINX_CPU_NGINX" "$nreq_n"), its backends $(cpu_us "$NGINX_CPU_BACKENDS" "$nreq_n");"
echo "  dtp: localnet+gateway process $(cpu_us "$DTP_CPU_UP" "$nreq") (of which the commit thread $(cpu_us "$DTP_CPU_COMMIT" "$nreq")), 3 daemons $(cpu_us "$DTP_CPU_DAEMONS" "$nreq"), 3 sample servers $(cpu_us "$DTP_CPU_SERVERS" "$nreq")"
echo
echo "dtp latency on chain (checkpoint timestamps, ms; n, p50/p99):"
for tag in c1 "c$CONNS"; do
  read -r n a50 a99 c50 c99 t50 t99 <"$TMP/anatomy-$tag.res"
  echo "  $tag: n=$n  assigned->claimed $a50/$a99  claimed->completed $c50/$c99  assigned->completed $t50/$t99  (client p50 $(res "dtp-$tag" 2))"
done

echo
echo "takeover after kill -9 (lease $LEASE_MS ms; target lease + 1 s = $((LEASE_MS + 1000)) ms):"
echo "  round seq status on-chain-ms client-ms http"
sed 's/^/  /' "$TMP/takeover.txt"
read -r TK_N TK_MIN TK_P50 TK_MAX < <(awk '{print $5}' "$TMP/takeover.txt" | sort -g |
  awk '{v[NR] = $1} END { printf "%d %.0f %.0f %.0f\n", NR, v[1], v[int((NR + 1) / 2)], v[NR] }')
TK_OVER=$(awk -v lim=$((LEASE_MS + 1000)) '$5 > lim || $6 != 200 {o++} END {print o + 0}' "$TMP/takeover.txt")
echo "  $TK_N requests: min $TK_MIN ms, median $TK_P50 ms, max $TK_MAX ms; $TK_OVER over the target or not 200"

echo
echo "localnet pipe::send through gRPC: $LOCALNET_DISK tx/s on disk, $LOCALNET_MEM tx/s in memory"
echo "  batched, sends/s (B sends per transaction): ${LOCALNET_BATCHED:-n/a}"
echo "replay, 1M events: $REPLAY_MS ms"

echo
echo "targets:"
printf '  %-44s %s\n' "dtp >= 0.25x nginx throughput (c$CONNS): $R" \
  "$(verdict "$(awk -v r="$R" 'BEGIN {print (r >= 0.25)}')")"
printf '  %-44s %s\n' "p99 added latency < 2 ms: $ADDED ms" \
  "$(verdict "$(awk -v a="$ADDED" 'BEGIN {print (a < 2)}')")"
printf '  %-44s %s\n' "localnet >= 5,000 tx/s: $LOCALNET_DISK (disk) / $LOCALNET_MEM (mem)" \
  "$(verdict "$(awk -v a="$LOCALNET_DISK" 'BEGIN {print (a + 0 >= 5000)}')" "$LOCALNET_DISK")"
printf '  %-44s %s\n' "takeover <= $((LEASE_MS + 1000)) ms: max $TK_MAX ms" \
  "$(verdict "$(awk -v a="$TK_OVER" 'BEGIN {print (a == 0)}')")"
printf '  %-44s %s\n' "replay 1M events <= 5 s: $REPLAY_MS ms" \
  "$(verdict "$(awk -v a="$REPLAY_MS" 'BEGIN {print (a + 0 > 0 && a + 0 <= 5000)}')" "$REPLAY_MS")"
echo "  (selection >= 1,000,000/s/core: cargo bench -p dtp-protocol --bench selection)"

if [[ -f $TMP/perf.data ]]; then
  echo
  echo "perf (system-wide, 10 s of the dtp c$CONNS run), by command:"
  perf report -i "$TMP/perf.data" --no-children --sort comm --stdio -g none 2>/dev/null |
    grep -v '^#' | grep -v '^$' | head -12
fi
