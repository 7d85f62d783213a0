-- Requests each path listed in the file PATHS (one per line) in turn, then starts again: with enough time,
-- every page is served at least once.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n - 1) % #paths + 1])
end
