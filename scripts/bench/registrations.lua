-- POST /api/users with a new username and address each request, from a different (forwarded) client address
-- each time, so the per-client limit does not stop the run.
local n = 0
local seed = tostring(os.time())
request = function()
  n = n + 1
  local body = string.format(
    '{"user":{"username":"b%s-%d","email":"b%s-%d@example.in","password":"river-mango-kite-42"}}',
    seed, n, seed, n)
  local headers = {
    ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256),
  }
  return wrk.format("POST", "/api/users", headers, body)
end
