-- Searches as students type them: right and misspelt career words, courses, places, two- and three-word
-- queries, some narrowed by kind or state. Search answers are not page-cached, so every request runs the
-- query, the facets and the snippets. PREFIX=/search measures the page instead of the API.
local queries = { "sofware", "docter", "enginer", "chartered+acountant", "nurse", "btech", "mbbs", "ca",
  "engineering+pune", "lawyer", "data+scientist", "teacher", "pharmacy+kerala", "hotel+management",
  "civil+engineering+college", "design", "architect", "nursing+college+chennai", "mechanical", "psycologist",
  "computer+science", "accountant", "army", "polytechnic+diploma", "agriculture", "journalist",
  "graphic+desiner", "biotechnology", "pilot", "electrician" }
local filters = { "", "", "", "&kind=career", "&kind=college", "&state=Maharashtra" }
local n = 0
local prefix = os.getenv("PREFIX") or "/api/search"

request = function()
  local q = queries[n % #queries + 1]
  local f = filters[math.floor(n / #queries) % #filters + 1]
  n = n + 1
  return wrk.format("GET", prefix .. "?q=" .. q .. f)
end
