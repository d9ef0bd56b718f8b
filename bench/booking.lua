-- wrk script: each request books deep-pore-cleansing (60 minutes) at its own hour with its own
-- practitioner and client, so that no two requests compete: request n of thread k is booking
-- i = n * threads + k; its hour walks the days first (08:00-19:00 local, America/Los_Angeles, from
-- BENCH_FIRST_DAY over BENCH_DAYS days), then the next practitioner (30) takes the same hours.
local token = os.getenv("BENCH_TOKEN")
local threads = tonumber(os.getenv("BENCH_THREADS") or "2")
local days = tonumber(os.getenv("BENCH_DAYS") or "58")
local y, m, d = string.match(os.getenv("BENCH_FIRST_DAY"), "(%d+)-(%d+)-(%d+)")
local first = os.time({year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12})
local counter = 1
local client_offset = tonumber(os.getenv("BENCH_CLIENT_OFFSET") or "0")

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  n = 0
  k = id - 1
end

local function los_angeles_offset(t)
  -- US daylight time: from the second Sunday of March to the first Sunday of November
  local date = os.date("!*t", t)
  local function nth_sunday(month, nth)
    local first_day = os.time({year = date.year, month = month, day = 1, hour = 12})
    local wday = os.date("!*t", first_day).wday
    return 1 + (8 - wday) % 7 + 7 * (nth - 1)
  end
  local md = date.month * 100 + date.day
  local dst = md > 300 + nth_sunday(3, 2) - 1 and md < 1100 + nth_sunday(11, 1)
  return dst and "-07:00" or "-08:00"
end

function request()
  local i = n * threads + k
  n = n + 1
  local hours = days * 12
  local slot = i % hours
  local practitioner = 1 + math.floor(i / hours) % 30
  local t = first + 86400 * math.floor(slot / 12)
  local hour = 8 + slot % 12
  local start = os.date("!%Y-%m-%d", t) .. string.format("T%02d:00:00", hour) .. los_angeles_offset(t)
  -- each booking its own client (no intake on file: the front desk records why it goes ahead)
  local client = string.format("00000000-0000-0000-0005-%012d", client_offset + i % 20000)
  local body = string.format('{"clientId":"%s","treatment":"deep-pore-cleansing","start":"%s",'
    .. '"practitionerId":"00000000-0000-0000-0001-%012d","overrideReason":"Intake taken by phone"}',
    client, start, practitioner)
  return wrk.format("POST", nil, {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx/3xx responses: %d\n", summary.errors.status))
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
