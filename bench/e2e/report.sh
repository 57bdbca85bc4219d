# shellcheck shell=bash
# bench/e2e.sh, the end: one table of every figure, the ratios to nginx and the targets.

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
# Little's law: with N connections each waiting for its answer, requests/s = N / mean latency,
# and under load no request is faster than one alone: N / (mean latency at one connection) is
# the most any load can give at N connections, however little CPU a request took.
ceiling() { awk -v n="$1" -v m="$2" 'BEGIN { if (m > 0) printf "%.0f", n * 1000 / m; else print "n/a" }'; }
C1_MEAN=$(res dtp-c1 6)
echo "the ceiling at one request's latency (connections / mean latency at c1 = $C1_MEAN ms):"
for c in "$CONNS" $EXTRA_CONNS; do
  cap=$(ceiling "$c" "$C1_MEAN")
  echo "  c$c: $cap req/s = $(ratio "$cap" "$(res "nginx-c$c" 1)")x nginx; measured $(res "dtp-c$c" 1) at a mean latency of $(res "dtp-c$c" 6) ms"
done

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
