-- POST /api/assessment/results: a full set of sixty answers, different each request (answers cycle through
-- the five points at a per-request offset), from a different forwarded client address each time so the
-- per-client limit does not stop the run. JOB_ZONE=1 adds a Job Zone, so the level counts in matching too.
local ids = { "r01", "r02", "r03", "r04", "r05", "r06", "r07", "r08", "r09", "r10", "i01", "i02", "i03", "i04", "i05", "i06", "i07", "i08", "i09", "i10", "a01", "a02", "a03", "a04", "a05", "a06", "a07", "a08", "a09", "a10", "s01", "s02", "s03", "s04", "s05", "s06", "s07", "s08", "s09", "s10", "e01", "e02", "e03", "e04", "e05", "e06", "e07", "e08", "e09", "e10", "c01", "c02", "c03", "c04", "c05", "c06", "c07", "c08", "c09", "c10" }
local n = 0
local zone = os.getenv("JOB_ZONE")
request = function()
  n = n + 1
  local parts = {}
  for i, id in ipairs(ids) do
    parts[#parts + 1] = string.format('"%s":%d', id, (i * 7 + n) % 5)
  end
  local body = '{"answers":{' .. table.concat(parts, ",") .. '}'
  if zone then body = body .. string.format(',"job_zone":%d', n % 5 + 1) end
  body = body .. '}'
  local headers = {
    ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256),
  }
  return wrk.format("POST", "/api/assessment/results", headers, body)
end
