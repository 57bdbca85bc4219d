#!/usr/bin/env bash
# Run dtp against a real Sui localnet (needs the `sui` CLI on PATH; exit 2 if it is missing).
#
#   localnet/sui-localnet.sh up       start `sui start --with-faucet --force-regenesis` (loopback)
#                                      and wait until its gRPC port and faucet answer
#   localnet/sui-localnet.sh publish  build move/, publish it with `sui client publish --json`,
#                                      record the package id, fund the dtp key, write dtp's config
#   localnet/sui-localnet.sh test     run the takeover/fencing scenarios (SDK and dtpd) against it
#   localnet/sui-localnet.sh status   is it running, which package
#   localnet/sui-localnet.sh down     stop it
#
# State lives in $DTP_SUI_STATE (default .dtp-data/sui-localnet): pid, log, package id, and an
# `env` file to source (DTP_URL, DTP_PACKAGE, DTP_SUI_*), so `dtp`, `dtpd` and the gateway use it.
set -euo pipefail
cd "$(dirname "$0")/.."
state=${DTP_SUI_STATE:-.dtp-data/sui-localnet}
grpc_port=${DTP_SUI_GRPC_PORT:-9000}
faucet_port=${DTP_SUI_FAUCET_PORT:-9123}
grpc_url="http://127.0.0.1:$grpc_port"
faucet_url="http://127.0.0.1:$faucet_port"

need_sui() {
  if ! command -v sui >/dev/null 2>&1; then
    echo "sui-localnet: the 'sui' CLI is not on PATH; install Sui (https://docs.sui.io) or use the embedded localnet (dtp localnet)" >&2
    exit 2
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running() { [ -f "$state/pid" ] && kill -0 "$(cat "$state/pid")" 2>/dev/null; }

cmd=${1:-}
case "$cmd" in
  up)
    need_sui
    mkdir -p "$state"
    if running; then echo "sui-localnet: already running (pid $(cat "$state/pid"))"; exit 0; fi
    nohup sui start --with-faucet --force-regenesis >"$state/sui.log" 2>&1 &
    echo $! >"$state/pid"
    for _ in $(seq 240); do
      if port_open "$grpc_port" && port_open "$faucet_port"; then
        echo "sui-localnet: up (gRPC $grpc_url, faucet $faucet_url, log $state/sui.log)"; exit 0
      fi
      running || { echo "sui-localnet: sui exited; see $state/sui.log" >&2; exit 1; }
      sleep 0.5
    done
    echo "sui-localnet: not answering after 120 s; see $state/sui.log" >&2; exit 1
    ;;
  publish)
    need_sui
    running || { echo "sui-localnet: not running; run '$0 up' first" >&2; exit 1; }
    sui client active-address >/dev/null 2>&1 || sui client new-address ed25519 >/dev/null
    sui client faucet --url "$faucet_url/v2/gas" >/dev/null 2>&1 || sui client faucet >/dev/null
    sleep 2
    out=$(sui client publish --json --gas-budget 500000000 move)
    echo "$out" >"$state/publish.json"
    package=$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(next(c["packageId"] for c in d["objectChanges"] if c["type"]=="published"))' <"$state/publish.json")
    echo "$package" >"$state/package"
    cat >"$state/env" <<ENV
export DTP_URL=$grpc_url
export DTP_FAUCET_URL=$faucet_url
export DTP_PACKAGE=$package
export DTP_SUI_RPC_URL=$grpc_url
export DTP_SUI_FAUCET_URL=$faucet_url
export DTP_SUI_PACKAGE=$package
ENV
    echo "sui-localnet: published dtp at $package; 'source $state/env' to point dtp, dtpd and the gateway at it"
    ;;
  test)
    [ -f "$state/env" ] || { echo "sui-localnet: nothing published; run '$0 up' and '$0 publish' first" >&2; exit 1; }
    # shellcheck disable=SC1091
    . "$state/env"
    # The SDK-level scenario, then the daemon scenarios (three daemons, kill -9, takeover, SIGSTOP
    # and the fenced late completion) with real dtpd processes against the Sui node.
    cargo test -p dtp-sdk --test sdk -- takeover_scenario --ignored --nocapture
    cargo test -p dtpd --test scenarios -- spread kill_takeover fencing --nocapture
    ;;
  status)
    if running; then echo "sui-localnet: running (pid $(cat "$state/pid")), package $(cat "$state/package" 2>/dev/null || echo 'not published')"; else echo "sui-localnet: not running"; exit 1; fi
    ;;
  down)
    if running; then kill "$(cat "$state/pid")"; rm -f "$state/pid"; echo "sui-localnet: stopped"; else echo "sui-localnet: not running"; fi
    ;;
  *)
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 64
    ;;
esac
