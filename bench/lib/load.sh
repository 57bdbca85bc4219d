# shellcheck shell=bash
# Load generation for bench/e2e.sh: one measured run of wrk (or oha where wrk cannot be
# installed), its figures in $TMP/<name>.res. Needs lib/procs.sh, LOADGEN and THREADS.

to_ms() { # wrk latency ("812.00us", "2.03ms", "1.20s", "1.5m") -> ms
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.3f", v * 60000 }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
    else printf "nan" }'
}

# load <name> <url> <conns> <duration>: prints "rps p50_ms p99_ms requests errors mean_ms" to
# $TMP/<name>.res (the mean is what Little's law takes: requests/s = connections / mean latency)
load() {
  local name=$1 url=$2 conns=$3 dur=$4 out="$TMP/$1.load"
  local threads=$THREADS
  ((threads > conns)) && threads=$conns
  if [[ $LOADGEN == wrk ]]; then
    fg_wait wrk -t"$threads" -c"$conns" -d"$dur" --timeout 30s --latency "$url" >"$out" 2>&1 ||
      { cat "$out" >&2; die "wrk ($name)"; }
    local rps p50 p99 reqs non2xx sockerr mean
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    mean=$(to_ms "$(awk '$1 == "Latency" {print $2; exit}' "$out")")
    p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
    p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
    reqs=$(awk '/requests in/ {print $1}' "$out")
    non2xx=$(awk -F': *' '/Non-2xx/ {print $2}' "$out")
    sockerr=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$out")
    echo "$rps $p50 $p99 ${reqs:-0} $((${non2xx:-0} + ${sockerr:-0})) $mean" >"$TMP/$name.res"
  else
    local fmt="--json"
    oha --help 2>/dev/null | grep -q -- '--output-format' && fmt="--output-format json"
    # shellcheck disable=SC2086
    fg_wait oha -z "$dur" -c "$conns" --no-tui $fmt "$url" >"$out" 2>&1 || { cat "$out" >&2; die "oha ($name)"; }
    jq -r '[.summary.requestsPerSec, (.latencyPercentiles.p50 * 1000), (.latencyPercentiles.p99 * 1000),
            ([.statusCodeDistribution[]] | add // 0),
            (([.statusCodeDistribution | to_entries[] | select(.key != "200") | .value] | add // 0)
             + ([.errorDistribution[]?] | add // 0)), (.summary.average * 1000)] | map(tostring) | join(" ")' "$out" >"$TMP/$name.res"
  fi
  read -r rps p50 p99 reqs errs mean <"$TMP/$name.res"
  [[ ${reqs:-0} -gt 0 ]] || die "$name: no request completed (see $out)"
  log "$name: $rps req/s, mean $mean ms, p50 $p50 ms, p99 $p99 ms, $reqs requests, $errs errors"
}

res() { awk -v f="$2" '{print $f}' "$TMP/$1.res"; } # res <name> <field 1..6>
