-- wrk script of bench/many-clinics.sh: each request a 31-day availability search of another clinic and first day.
-- SLUGS: comma-separated clinic slugs; FROMS/TOS: first and last days; TREATMENT: the treatment code.
local slugs, froms, tos = {}, {}, {}
for s in string.gmatch(os.getenv("SLUGS"), "[^,]+") do slugs[#slugs + 1] = s end
for d in string.gmatch(os.getenv("FROMS"), "[^,]+") do froms[#froms + 1] = d end
for d in string.gmatch(os.getenv("TOS"), "[^,]+") do tos[#tos + 1] = d end
local i = 0
wrk.headers["Accept"] = "application/json"

request = function()
  i = i + 1
  local s = slugs[(i % #slugs) + 1]
  local d = math.floor(i / #slugs) % #froms + 1
  return wrk.format("GET", "/api/v1/clinics/" .. s .. "/availability?treatment=" .. os.getenv("TREATMENT")
    .. "&from=" .. froms[d] .. "&to=" .. tos[d])
end

function done(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50=%.2f p90=%.2f p99=%.2f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout, summary.requests))
end
