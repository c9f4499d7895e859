-- wrk script: cycles through the request paths of a file (one path per line, URL-encoded), each thread from
-- its own offset, and prints one JSON line of results at the end (tools/bench/run.sh parses it).
-- usage: PATHS=FILE wrk -t T -c C -d D -s tools/bench/paths.lua http://127.0.0.1:PORT
local paths = {}
local file = os.getenv("PATHS")
for line in io.lines(file) do
  if #line > 0 then paths[#paths + 1] = line end
end
if #paths == 0 then error("no paths in " .. tostring(file)) end

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 7919)
  table.insert(threads, thread)
end

local i = 0
local non2xx = 0
function init(args)
  i = offset or 0
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

function response(status, headers, body)
  if status < 200 or status >= 300 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + (t:get("non2xx") or 0) end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_s": %.3f, "rps": %.1f, "p50_ms": %.3f, "p90_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d, "non2xx": %d}}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.timeout, e.status, bad))
end
