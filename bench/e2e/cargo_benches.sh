# shellcheck shell=bash
# bench/e2e.sh, phase 6: the localnet's sends/s and the replay speed (cargo benches), or their
# logs from an earlier run.

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
