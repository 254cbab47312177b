-- wrk script of bench/http/run.sh.
--   BENCH_IDS=<file of ids, one a line>: GET <path>/<random id> (path = the URL's path)
--   BENCH_CREATE=1: POST the URL a new cooperative group per request (a name no other request
--     uses, no registration code) with an Idempotency-Key of its own
--   otherwise: GET the URL as given
--   BENCH_API_KEY=<key>: every request sends it as X-Api-Key (the API needs a credential)
-- At the end prints one line: "RESULT requests=<n> duration_us=<n> p99_us=<n> non2xx=<n> errors=<n>".
local ids = nil
local base = nil
local create = false
local prefix = ""
local counter = 0
local auth = {}
local template = '{"name":"Tổ hợp tác trồng na Chi Lăng %s","kind":"cooperativeGroup","sector":"agricultureForestryFishery",'
  .. '"provinceCode":"20","communeCode":"06427","address":"Thôn Làng Bên, xã Cai Kinh, tỉnh Lạng Sơn",'
  .. '"establishedOn":"2015-03-12","charterCapital":150000000,"memberCount":7,"employeeCount":2,'
  .. '"representative":"Hoàng Văn Thắng","phone":"0205 3825 123","email":"thtna@example.vn",'
  .. '"isYouthCooperative":false,"mainProducts":["Na Chi Lăng"]}'

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
  create = os.getenv("BENCH_CREATE") == "1"
  local apiKey = os.getenv("BENCH_API_KEY")
  if apiKey ~= nil and apiKey ~= "" then auth = { ["X-Api-Key"] = apiKey } end
  -- unique per thread and run: names and keys never repeat across threads, rounds or apps
  prefix = string.format("%08x%04x", math.random(0, 0x7fffffff), math.random(0, 0xffff))
end

local function key()
  counter = counter + 1
  return string.format("%s-%s-4%03x-8%03x-%012x", prefix:sub(1, 8), prefix:sub(9, 12),
    math.random(0, 0xfff), math.random(0, 0xfff), counter)
end

function request()
  if create then
    local k = key()
    local headers = { ["Content-Type"] = "application/json", ["Idempotency-Key"] = k }
    for name, value in pairs(auth) do headers[name] = value end
    return wrk.format("POST", nil, headers, string.format(template, k))
  end
  if ids == nil then
    return wrk.format("GET", nil, auth)
  end
  return wrk.format("GET", base .. ids[math.random(#ids)], auth)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p99_us=%d non2xx=%d errors=%d\n",
    summary.requests, summary.duration, latency:percentile(99), e.status,
    e.connect + e.read + e.write + e.timeout))
end
