-- wrk script for bench/storage.sh: one request shape per run, configured from the environment,
-- and a count of every answer that is not 2xx (or lacks an expected string) over all threads.
--
--   BENCH_METHOD        GET (default) or POST
--   BENCH_CONTENT_TYPE  Content-Type of the body (POST)
--   BENCH_BODY_FILE     file whose bytes are the request body (POST)
--   BENCH_EXPECT        plain text every answer's body must contain (optional)
--
-- done() prints one line that storage.sh parses:
--   BENCH_RESULT requests=N duration_us=N rps=X p50_us=N p99_us=N bad=N errors=N first_bad=...

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
  first_bad = ""
  expect = os.getenv("BENCH_EXPECT") or ""
  local method = os.getenv("BENCH_METHOD") or "GET"
  local headers = {}
  local body = nil
  local body_file = os.getenv("BENCH_BODY_FILE") or ""
  if body_file ~= "" then
    local f = assert(io.open(body_file, "rb"))
    body = f:read("*a")
    f:close()
    headers["Content-Type"] = os.getenv("BENCH_CONTENT_TYPE")
  end
  -- Built once: every request of the run is the same bytes.
  req = wrk.format(method, nil, headers, body)
end

function request()
  return req
end

function response(status, headers, body)
  local ok = status >= 200 and status <= 299
  if ok and expect ~= "" and (body == nil or not string.find(body, expect, 1, true)) then
    ok = false
  end
  if not ok then
    bad = bad + 1
    if first_bad == "" then
      first_bad = tostring(status) .. " " .. string.sub(body or "", 1, 160):gsub("%s+", " ")
    end
  end
end

function done(summary, latency, requests)
  local total_bad = 0
  local sample = ""
  for _, t in ipairs(threads) do
    total_bad = total_bad + (t:get("bad") or 0)
    local fb = t:get("first_bad") or ""
    if sample == "" and fb ~= "" then
      sample = fb
    end
  end
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout
  io.write(string.format(
    "BENCH_RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d bad=%d errors=%d" ..
    " connect=%d read=%d write=%d timeout=%d status=%d first_bad=%s\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), total_bad, errors,
    e.connect, e.read, e.write, e.timeout, e.status, sample))
end
