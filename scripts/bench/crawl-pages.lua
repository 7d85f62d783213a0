-- A crawler: request k walks address k of 20,000 distinct career-list pages (a made-up `q` each time),
-- interleaved with the ten most-read pages, so the test shows whether hot pages stay cached while the cold
-- ones churn through a bounded cache.
local hot = { "/", "/careers", "/careers/doctor", "/careers/backend-developer", "/careers/nurse",
  "/careers/chartered-accountant", "/careers/lawyer", "/careers/ias-officer", "/careers/graphic-designer",
  "/careers/pharmacist" }
local n = 0
request = function()
  n = n + 1
  if n % 2 == 0 then
    return wrk.format("GET", hot[(math.floor(n / 2)) % #hot + 1])
  end
  local k = (math.floor(n / 2)) % 20000
  return wrk.format("GET", "/careers?per_page=" .. (k % 100 + 1) .. "&page=" .. (math.floor(k / 100) % 200 + 1))
end
