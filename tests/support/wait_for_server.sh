# Sourced by the shell tests (and tools/reliability/run.sh) that start `paperdex serve --port 0 >LOG`.
# wait_for_server LOG [SECONDS] [PID]: prints the URL the server wrote to LOG ("http://127.0.0.1:PORT/") once its
# /healthz answers; returns 1 after SECONDS (default 10) without one, or as soon as process PID (if given) is gone.
wait_for_server() {
  local log=$1 seconds=${2:-10} pid=${3:-} url
  for _ in $(seq 1 $((seconds * 10))); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" 2>/dev/null | head -n1 || true)
    if [ -n "$url" ] && curl -fsS --max-time 5 "${url}healthz" >/dev/null 2>&1; then
      echo "$url"
      return 0
    fi
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 0.1
  done
  return 1
}
