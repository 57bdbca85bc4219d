#!/usr/bin/env bash
# End-to-end benchmark of dtp against nginx on this machine (loopback only), in one run. Each
# phase is a file of bench/e2e/, run in this order (the helpers it shares with bench/soak.sh are
# in bench/lib/):
#
#   prereqs        the tools (curl, jq, nginx, wrk or oha), free ports, one release build of
#                  dtp and dtpd and the two cargo benches it reports;
#   nginx          nginx round robin over 3 sample backends (`dtp sample`), driven by wrk;
#   dtp            dtp (`dtp up`: embedded localnet, 3 sample servers each with its daemon, the
#                  gateway), driven by the same wrk at the same concurrency for the same duration;
#   edge           the gateway's edge: plain, with TLS, with the rate limiter (each a fresh `dtp up`);
#   sui            `dtp up --sui-latency` through 1 and 4 pipes, batched and not;
#   takeover       kill -9 a daemon, send requests through the gateway, and time the ones that were
#                  assigned to the killed daemon until they are answered (several rounds, the
#                  daemon restarted between rounds);
#   cargo_benches  the localnet's sends/s (`cargo bench -p dtp-localnet --bench throughput`) and
#                  the replay speed (`cargo bench -p dtp-cli --bench replay`);
#   report         one table of every figure.
#
# Every process it starts is stopped on exit (trap), also on failure.
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
LEASE_MS=3000 # `dtp up`'s default lease

DTP="$ROOT/target/release/dtp"
DTPD="$ROOT/target/release/dtpd"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/dtp-e2e.XXXXXX")
export DTP_CONFIG="$TMP/dtp-config.toml" # never touch the user's dtp config
BENCH_TAG=e2e KEEP=${DTP_E2E_KEEP:-}

# shellcheck source=bench/lib/procs.sh
source "$ROOT/bench/lib/procs.sh"
# shellcheck source=bench/lib/load.sh
source "$ROOT/bench/lib/load.sh"
# shellcheck source=bench/lib/up.sh
source "$ROOT/bench/lib/up.sh"

for phase in prereqs nginx dtp edge sui takeover cargo_benches report; do
  # shellcheck disable=SC1090
  source "$ROOT/bench/e2e/$phase.sh"
done
