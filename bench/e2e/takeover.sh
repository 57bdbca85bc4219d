# shellcheck shell=bash
# bench/e2e.sh, phase 5: takeover after kill -9 of a daemon: how long the requests assigned to
# it wait (several rounds, the daemon restarted between rounds).

up_start
RESTARTED=()
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
