# shellcheck shell=bash
# bench/e2e.sh, phase 2: dtp (`dtp up`) under the same load as nginx: one connection and CONNS
# (CPU per process from /proc, optionally a perf profile), then EXTRA_CONNS on a fresh `dtp up`;
# the on-chain anatomy of the requests from a replay of the pipe.

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
