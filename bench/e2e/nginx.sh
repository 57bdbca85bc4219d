# shellcheck shell=bash
# bench/e2e.sh, phase 1: nginx round robin over 3 sample backends (`dtp sample`), the anchor
# every dtp figure is compared with, measured in the same run.

log "starting 3 sample backends on ports ${BACKEND_PORTS[*]}"
BACKEND_PIDS=()
for i in 0 1 2; do
  start_bg "$TMP/backend-$i.log" "$DTP" sample --listen "127.0.0.1:${BACKEND_PORTS[$i]}" --name "backend-$i"
  BACKEND_PIDS+=("$BG_PID")
  wait_line "$TMP/backend-$i.log" "listening on" 10 "$BG_PID"
done

mkdir -p "$TMP/nginx"
NGINX_USER=""
[[ $(id -u) -eq 0 ]] && NGINX_USER="user $(id -un);" # run the workers as the current user
cat >"$TMP/nginx/nginx.conf" <<EOF
$NGINX_USER
daemon off;
worker_processes auto;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $TMP/nginx/body;
  proxy_temp_path $TMP/nginx/proxy;
  fastcgi_temp_path $TMP/nginx/fastcgi;
  uwsgi_temp_path $TMP/nginx/uwsgi;
  scgi_temp_path $TMP/nginx/scgi;
  upstream backends {
    server 127.0.0.1:${BACKEND_PORTS[0]};
    server 127.0.0.1:${BACKEND_PORTS[1]};
    server 127.0.0.1:${BACKEND_PORTS[2]};
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://backends;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
EOF
log "starting nginx on 127.0.0.1:$NGINX_PORT"
start_bg "$TMP/nginx/stdout.log" "$NGINX" -p "$TMP/nginx" -e "$TMP/nginx/error.log" -c "$TMP/nginx/nginx.conf"
NGINX_PID=$BG_PID
for ((i = 0; i < 50; i++)); do
  curl -sf "http://127.0.0.1:$NGINX_PORT/api/instance" >/dev/null && break
  alive "$NGINX_PID" || { cat "$TMP/nginx/error.log" >&2; die "nginx exited"; }
  sleep 0.1
done
curl -sf "http://127.0.0.1:$NGINX_PORT/api/instance" >/dev/null || die "nginx does not answer"
for i in $(seq 6); do curl -s "http://127.0.0.1:$NGINX_PORT/api/instance"; echo; done >"$TMP/nginx-rr.txt"
[[ $(grep -o '"instance":"backend-[0-9]"' "$TMP/nginx-rr.txt" | sort -u | wc -l) -eq 3 ]] ||
  die "nginx does not spread over the 3 backends: $(cat "$TMP/nginx-rr.txt")"

BUSY+=("nginx: $(rustc_count) rustc running, load $(cut -d' ' -f1 /proc/loadavg)")
load direct-c$CONNS "http://127.0.0.1:${BACKEND_PORTS[0]}/api/instance" "$CONNS" 5s
nginx_groups="$(pgrep -g "$NGINX_PID" | tr '\n' ' ')"
c0=$(ticks $nginx_groups)
b0=$(ticks "${BACKEND_PIDS[@]}")
load nginx-c$CONNS "http://127.0.0.1:$NGINX_PORT/api/instance" "$CONNS" "$DURATION"
NGINX_CPU_NGINX=$(($(ticks $nginx_groups) - c0))
NGINX_CPU_BACKENDS=$(($(ticks "${BACKEND_PIDS[@]}") - b0))
load nginx-c1 "http://127.0.0.1:$NGINX_PORT/api/instance" 1 5s
[[ -n $EXTRA_CONNS ]] && load nginx-c$EXTRA_CONNS "http://127.0.0.1:$NGINX_PORT/api/instance" "$EXTRA_CONNS" "$DURATION"
log "stopping nginx and the backends (dtp brings its own sample servers)"
stop_group "$NGINX_PID" 10
for p in "${BACKEND_PIDS[@]}"; do stop_group "$p" 5; done
