-- wrk script of bench/http/run.sh.
--   BENCH_IDS=<file of ids, one a line>: GET <path>/<random id> (path = the URL's path)
--   no BENCH_IDS: GET the URL as given
-- At the end prints one line: "RESULT requests=<n> duration_us=<n> p99_us=<n> non2xx=<n> errors=<n>".
local ids = nil
local base = nil

function init(args)
  local file = os.getenv("BENCH_IDS")
  if file ~= nil and file ~= "" then
    ids = {}
    for line in io.lines(file) do
      if line ~= "" then ids[#ids + 1] = line end
    end
    base = wrk.path
  end
  -- each thread its own sequence
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
  if ids == nil then
    return wrk.format("GET")
  end
  return wrk.format("GET", base .. ids[math.random(#ids)])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p99_us=%d non2xx=%d errors=%d\n",
    summary.requests, summary.duration, latency:percentile(99), e.status,
    e.connect + e.read + e.write + e.timeout))
end
