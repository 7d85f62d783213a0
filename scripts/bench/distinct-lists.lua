-- Every request asks for a career list no earlier request asked for (field × level × sort × page size ×
-- page: 117,600 addresses), so each one misses the page cache and is rendered. Set `prefix`
-- to "/api/careers" for the JSON API.
local fields = { "", "engineering-technology", "medicine-health", "commerce-finance", "arts-humanities", "law",
  "design", "science-research", "media-communication", "education", "government-defence",
  "hospitality-tourism", "agriculture-environment", "sports" }
local sorts = { "title", "level", "updated" }
local levels = { "", "after-10", "after-12", "bachelors", "professional", "masters", "doctorate" }
-- NO_LEVELS=1 leaves the level out, for comparing with builds whose levels had other keys.
if os.getenv("NO_LEVELS") then levels = { "" } end
local n = 0
prefix = os.getenv("LIST_PREFIX") or "/careers"
-- FIXED_PER_PAGE=12 keeps every page at the default size (a crawler following links); otherwise page sizes
-- run from 1 to 100 (on average about four times the default page).
local fixed = tonumber(os.getenv("FIXED_PER_PAGE") or "")
-- With a fixed page size, the start of a word from a career title (all prefixes of 1-4 letters) keeps every
-- address new while most lists still have careers in them.
local words = { "a", "ac", "acc", "acco", "act", "actu", "ad", "adv", "advo", "ae", "aer", "aero", "ag", "agr", "agri", "an", "ana", "anal", "and", "ar", "arc", "arch", "arm", "army", "b", "ba", "bac", "back", "ban", "bank", "bi", "bio", "biot", "c", "ch", "cha", "char", "che", "chef", "chem", "ci", "civ", "civi", "cl", "cli", "clin", "co", "coa", "coac", "col", "coll", "com", "comp", "cor", "corp", "cy", "cyb", "cybe", "d", "da", "dat", "data", "de", "den", "dent", "des", "desi", "dev", "deve", "di", "die", "diet", "dig", "digi", "dir", "dire", "do", "doc", "doct", "e", "ec", "eco", "econ", "el", "ele", "elec", "en", "end", "eng", "engi", "env", "envi", "f", "fa", "fas", "fash", "fi", "fil", "film", "fin", "fina", "fr", "fro", "fron", "g", "gr", "gra", "grap", "h", "ho", "hot", "hote", "i", "ia", "ias", "in", "int", "inte", "inv", "inve", "ip", "ips", "j", "jo", "jou", "jour", "ju", "jud", "judg", "l", "la", "law", "lawy", "m", "ma", "man", "mana", "mar", "mark", "me", "mec", "mech", "n", "nu", "nur", "nurs", "nut", "nutr", "o", "of", "off", "offi", "p", "ph", "pha", "phar", "phy", "phys", "pr", "pro", "prof", "ps", "psy", "psyc", "s", "sc", "sch", "scho", "sci", "scie", "se", "sec", "secr", "sp", "spo", "spor", "st", "sta", "stat", "t", "te", "tea", "teac", "u", "un", "uni", "univ", "ux", "v", "ve", "vet", "vete" }

request = function()
  n = n + 1
  local i = n
  local per_page = i % 100 + 1; i = math.floor(i / 100)
  local page = i % 4 + 1; i = math.floor(i / 4)
  local sort = sorts[i % 3 + 1]; i = math.floor(i / 3)
  local level = levels[i % #levels + 1]; i = math.floor(i / #levels)
  local field = fields[i % #fields + 1]
  local q = "?per_page=" .. per_page .. "&page=" .. page .. "&sort=" .. sort
  if fixed then
    q = "?per_page=" .. fixed .. "&page=" .. page .. "&sort=" .. sort .. "&q=" .. words[per_page % #words + 1]
  end
  if level ~= "" then q = q .. "&level=" .. level end
  if field ~= "" then q = q .. "&stream=" .. field end
  return wrk.format("GET", prefix .. q)
end
