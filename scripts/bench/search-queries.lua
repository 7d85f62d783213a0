-- Searches as students type them: right and misspelt career words, courses, places, two- and three-word
-- queries, some narrowed by kind or state: 180 addresses in turn. Answers are cached per index, so after the
-- first round they come from the cache; with SIGNED_IN=1 every request carries a session cookie, which
-- bypasses the shared cache, so each one runs the query, the facets and the snippets. PREFIX=/search measures
-- the page instead of the API.
local queries = { "sofware", "docter", "enginer", "chartered+acountant", "nurse", "btech", "mbbs", "ca",
  "engineering+pune", "lawyer", "data+scientist", "teacher", "pharmacy+kerala", "hotel+management",
  "civil+engineering+college", "design", "architect", "nursing+college+chennai", "mechanical", "psycologist",
  "computer+science", "accountant", "army", "polytechnic+diploma", "agriculture", "journalist",
  "graphic+desiner", "biotechnology", "pilot", "electrician" }
local filters = { "", "", "", "&kind=career", "&kind=college", "&state=Maharashtra" }
local n = 0
local prefix = os.getenv("PREFIX") or "/api/search"
local cookie = os.getenv("SIGNED_IN") and "disha_session=0000000000000000000000000000000000000000000000000000000000000000" or nil

request = function()
  local q = queries[n % #queries + 1]
  local f = filters[math.floor(n / #queries) % #filters + 1]
  n = n + 1
  local headers = {}
  if cookie then headers["Cookie"] = cookie end
  return wrk.format("GET", prefix .. "?q=" .. q .. f, headers)
end
