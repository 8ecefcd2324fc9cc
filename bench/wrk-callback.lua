-- POSTs scheduled callbacks (JSON) with desired times spread over 7 days from BENCH_FROM (epoch s).
local from = tonumber(os.getenv("BENCH_FROM"))
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  local t = from + math.random(0, 7 * 86400 - 1)
  local body = string.format('{"_customer_number":"%d","_desired_time":"%s"}',
    5550000 + counter, os.date("!%Y-%m-%dT%H:%M:%S.000Z", t))
  return wrk.format(nil, nil, nil, body)
end
