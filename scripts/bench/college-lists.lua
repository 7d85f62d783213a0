-- College lists as students ask for them: a state, often a course, sometimes a level or sort, and a page.
-- The mix cycles through 36 states × 8 courses × 2 sorts × 3 pages (1,728 addresses), so the page cache warms
-- up as it would in use. With SIGNED_IN=1 every request carries a session cookie, which bypasses the shared
-- cache, so each one runs the list query and renders: the database path's own cost.
local states = { "Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chhattisgarh", "Goa", "Gujarat",
  "Haryana", "Himachal Pradesh", "Jharkhand", "Karnataka", "Kerala", "Madhya Pradesh", "Maharashtra", "Manipur",
  "Meghalaya", "Mizoram", "Nagaland", "Odisha", "Punjab", "Rajasthan", "Sikkim", "Tamil Nadu", "Telangana",
  "Tripura", "Uttar Pradesh", "Uttarakhand", "West Bengal", "Andaman and Nicobar Islands", "Chandigarh",
  "Dadra and Nagar Haveli and Daman and Diu", "Delhi", "Jammu and Kashmir", "Ladakh", "Lakshadweep", "Puducherry" }
local courses = { "", "btech-computer-science", "btech-mechanical", "btech-civil", "diploma-civil-engineering",
  "mba", "bca", "btech-electronics-communication" }
local sorts = { "name", "intake" }
local n = 0
prefix = os.getenv("LIST_PREFIX") or "/api/colleges"
local cookie = os.getenv("SIGNED_IN") and "disha_session=0000000000000000000000000000000000000000000000000000000000000000" or nil

local function enc(s) return (s:gsub(" ", "%%20")) end

request = function()
  local s = states[n % #states + 1]
  local c = courses[math.floor(n / #states) % #courses + 1]
  local sort = sorts[math.floor(n / (#states * #courses)) % #sorts + 1]
  local page = math.floor(n / (#states * #courses * #sorts)) % 3 + 1
  n = n + 1
  local path = prefix .. "?state=" .. enc(s) .. "&sort=" .. sort .. "&page=" .. page
  if c ~= "" then path = path .. "&course=" .. c end
  local headers = {}
  if cookie then headers["Cookie"] = cookie end
  return wrk.format("GET", path, headers)
end
