# shellcheck shell=bash
# Shared by the benchmark scripts (bench/e2e.sh, bench/soak.sh): logging, processes started in
# groups of their own and stopped as a whole on exit, waiting for a line, CPU ticks, apt.
# The caller sets BENCH_TAG (log prefix), TMP (a scratch directory) and KEEP (non-empty: keep
# TMP on exit), then sources this file.

exec 3>&1 4>&2 # the script's own stdout and stderr, whatever a function's redirections are
log() { printf '[%s %s] %s\n' "$BENCH_TAG" "$(date +%H:%M:%S)" "$*" >&4; }
die() {
  log "FAILED: $*"
  exit 1
}
now_ms() { date +%s%3N; }

# Every long-running process is started with setsid, so it leads its own process group and the
# group (with any children, e.g. the daemons of `dtp up`) can be stopped as a whole.
GROUPS_STARTED=() # process group ids, in start order

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
  local rc=$? pg i
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
  if [[ -n ${KEEP:-} || $rc -ne 0 ]]; then
    log "logs kept in $TMP"
  else
    rm -rf "$TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

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

need() { # need <tool>...: installs what is missing, or stops naming it
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || apt_install "$tool" || die "$tool is required (see $TMP/apt.log)"
  done
}

port_free() { ! ss -Hltn "sport = :$1" | grep -q .; }

rustc_count() { pgrep -c -x rustc 2>/dev/null || true; }

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

build_release() { # the release binaries both scripts run (one cargo invocation)
  log "building release binaries (cargo build --release -p dtp-cli -p dtpd)"
  fg_wait cargo build --release -p dtp-cli -p dtpd >"$TMP/build.log" 2>&1 ||
    { tail -30 "$TMP/build.log" >&2; die "cargo build"; }
  [[ -x $DTP && -x $DTPD ]] || die "release binaries missing after the build"
}
