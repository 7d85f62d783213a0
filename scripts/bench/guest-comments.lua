-- POST /api/careers/{slug}/comments as a guest, each request from a different (forwarded) client address.
local n = 0
local slugs = { "nurse", "doctor", "backend-developer", "school-teacher", "pharmacist" }
request = function()
  n = n + 1
  local body = string.format(
    '{"comment":{"name":"Reader %d","email":"reader%d@example.in","body":"Is there an entrance exam for this? (%d)"}}',
    n, n, n)
  local headers = {
    ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256),
  }
  return wrk.format("POST", "/api/careers/" .. slugs[(n % #slugs) + 1] .. "/comments", headers, body)
end
