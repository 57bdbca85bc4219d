# shellcheck shell=bash
# bench/e2e.sh, phase 0: the tools (curl, jq, nginx, wrk or oha), free ports, the release build
# and the cargo benches' builds.

find_nginx() { command -v nginx || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; } || true; }

need curl jq

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

for p in "${BACKEND_PORTS[@]}" "$NGINX_PORT" "$GW_PORT" "$GRPC_PORT" "$FAUCET_PORT"; do
  port_free "$p" || die "port $p is in use (set DTP_E2E_PORT_BASE)"
done
BUSY=() # "phase: N rustc, load L" notes for the table

build_release
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
