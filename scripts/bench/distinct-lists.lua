-- Every request asks for a career list no earlier request asked for (field × level × sort × page size ×
-- page: 100,800 addresses), so each one misses the cache and is rendered from the database. Set `prefix`
-- to "/api/careers" for the JSON API.
local fields = { "", "engineering-technology", "medicine-health", "commerce-finance", "arts-humanities", "law",
  "design", "science-research", "media-communication", "education", "government-defence",
  "hospitality-tourism", "agriculture-environment", "sports" }
local sorts = { "title", "level", "updated" }
local n = 0
prefix = os.getenv("LIST_PREFIX") or "/careers"

request = function()
  n = n + 1
  local i = n
  local per_page = i % 100 + 1; i = math.floor(i / 100)
  local page = i % 4 + 1; i = math.floor(i / 4)
  local sort = sorts[i % 3 + 1]; i = math.floor(i / 3)
  local level = i % 6; i = math.floor(i / 6)
  local field = fields[i % #fields + 1]
  local q = "?per_page=" .. per_page .. "&page=" .. page .. "&sort=" .. sort
  if level > 0 then q = q .. "&level=" .. level end
  if field ~= "" then q = q .. "&stream=" .. field end
  return wrk.format("GET", prefix .. q)
end
