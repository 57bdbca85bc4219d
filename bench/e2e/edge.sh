# shellcheck shell=bash
# bench/e2e.sh, phase 3: the cost of the edge.
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
