# Sourced by the shell tests that run against remote shards (PAPERDEX_REMOTE_SHARDS=N): serves each shard of a
# sharded generation with a stock xapian-tcpsrv on a free loopback port, as a deployment would.
# start_remote_shards INDEX_DIR: starts one xapian-tcpsrv per INDEX_DIR/current/shard-K, appends their pids to the
# caller's `pids` array, sets `shard_args` to the matching `--shard tcp://127.0.0.1:PORT` options (in shard order),
# and returns once every shard answers; 1 after 10 s without.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_remote_shards() {
  local gen shard port
  gen=$(readlink -f "$1/current")
  shard_args=()
  for shard in $(ls -d "$gen"/shard-* | sort -V); do
    port=$(free_port)
    # A session of its own: on SIGTERM xapian-tcpsrv signals its whole process group (to stop the children that
    # serve its connections), which would otherwise be this test and ctest.
    setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$shard" >/dev/null 2>&1 &
    pids+=($!)
    shard_args+=(--shard "tcp://127.0.0.1:$port")
    for _ in $(seq 1 100); do
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
      sleep 0.1
    done
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "xapian-tcpsrv on port $port did not start" >&2; return 1; }
  done
}
