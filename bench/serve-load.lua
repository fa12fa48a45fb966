-- wrk script for newsfacet-serve (issue 19's load targets): mixed /api/v1/search requests with
-- facet counts, the queries read from a file, one a line, taken in turn; every fourth request
-- adds a country filter, every fifth sorts by date. Errors (non-2xx answers, socket errors) are printed.
-- Usage: QUERIES=../shared/bench/queries-reuters-train.txt \
--        wrk -t2 -c16 -d30s -s bench/serve-load.lua http://127.0.0.1:8080
local queries = {}
local counter = 0

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local path = os.getenv("QUERIES") or "../shared/bench/queries-reuters-train.txt"
  for line in io.lines(path) do
    if #line > 0 then queries[#queries + 1] = line end
  end
  counter = math.random(#queries)
end

function request()
  counter = counter + 1
  local target = "/api/v1/search?q=" .. encode(queries[counter % #queries + 1])
  if counter % 4 == 0 then target = target .. "&country=United+States" end
  if counter % 5 == 0 then target = target .. "&sort=newest" end
  return wrk.format("GET", target)
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors (non-2xx or socket) %d, p50 %.2f ms, p99 %.2f ms, %.1f req/s\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
