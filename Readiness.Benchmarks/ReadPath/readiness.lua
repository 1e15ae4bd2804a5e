-- wrk script of the read-path bench: each thread cycles through the request paths listed in a file
-- (one per line) from its own offset, and the figures are printed on lines the bench parses.
-- Usage: wrk -t2 -c64 -d20s -s readiness.lua http://127.0.0.1:PORT -- paths.txt [api-key]

local threads = 0
local paths = {}
local index = 0

function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 7919)
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
  index = (offset or 0) % #paths
  if args[2] then
    wrk.headers["X-Api-Key"] = args[2]
  end
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d bytes=%d status=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, summary.bytes, e.status, e.connect, e.read, e.write, e.timeout))
  io.write(string.format("BENCH p50_us=%d p90_us=%d p95_us=%d p99_us=%d max_us=%d\n",
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99), latency.max))
end
