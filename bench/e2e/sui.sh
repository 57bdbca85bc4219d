# shellcheck shell=bash
# bench/e2e.sh, phase 4: a real network's timings.
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
