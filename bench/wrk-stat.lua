-- wrk script: POST a form (WRK_BODY) with optional Cache-Control (WRK_CACHE_CONTROL) and
-- Authorization (WRK_AUTH) headers; counts non-2xx and answers without "value"/"stat1".
wrk.method = "POST"
wrk.body = os.getenv("WRK_BODY") or ""
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
local cc = os.getenv("WRK_CACHE_CONTROL")
if cc and cc ~= "" then wrk.headers["Cache-Control"] = cc end
local auth = os.getenv("WRK_AUTH")
if auth and auth ~= "" then wrk.headers["Authorization"] = auth end
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 or not (body:find('"value"') or body:find('"stat1"')) then
    non2xx = non2xx + 1
  end
end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("non2xx") end
  io.write(string.format("NON2XX %d\n", n))
end
