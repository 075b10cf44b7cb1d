-- wrk script of PeerComparison: Entra-shaped SCIM requests at the URL given to wrk (its path: the Users endpoint).
-- Arguments (after wrk's "--"): mode (create | lookup | patch), bearer token, a prefix unique to the run, and files:
--   create: the create body with @@USER@@ and @@EXT@@ where each request's unique userName and externalId go
--   lookup: one URL-encoded `userName eq` filter a line (users that exist)
--   patch:  one user id a line (users that exist), then a file of PATCH bodies, one a line
-- Prints one line "WRK-RESULT {json}" when done, which PeerComparison reads.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

local function lines_of(path)
  local t = {}
  for line in io.lines(path) do
    if line ~= "" then table.insert(t, line) end
  end
  return t
end

local mode, prefix, data, bodies, template
local counter = 0

function init(args)
  mode, prefix = args[1], args[3]
  wrk.headers["Authorization"] = "Bearer " .. args[2]
  wrk.headers["Content-Type"] = "application/scim+json"
  if mode == "create" then
    template = lines_of(args[4])[1]
  else
    data = lines_of(args[4])
    if mode == "patch" then bodies = lines_of(args[5]) end
  end
end

function request()
  counter = counter + 1
  if mode == "create" then
    local unique = prefix .. "-" .. tid .. "-" .. counter
    local body = template:gsub("@@USER@@", unique .. "@bench.example"):gsub("@@EXT@@", unique)
    return wrk.format("POST", wrk.path, nil, body)
  elseif mode == "lookup" then
    return wrk.format("GET", wrk.path .. "?filter=" .. data[math.random(#data)])
  else
    return wrk.format("PATCH", wrk.path .. "/" .. data[math.random(#data)], nil, bodies[counter % #bodies + 1])
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK-RESULT {"requests":%d,"duration_us":%d,"non2xx":%d,"socket_errors":%d,"p50_us":%d,"p99_us":%d}\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
