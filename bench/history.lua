-- wrk script of bench/history-cost.sh: every request a different search (practitioner x first day), so that no
-- answer is reused within its second and each one reads the busy times and runs the engine.
-- FROMS: comma-separated first days; TOS: the matching last days (31 days each); PATH_BASE: the availability path.
local froms, tos, practitioners = {}, {}, {}
for d in string.gmatch(os.getenv("FROMS"), "[^,]+") do froms[#froms + 1] = d end
for d in string.gmatch(os.getenv("TOS"), "[^,]+") do tos[#tos + 1] = d end
for p = 1, 30 do practitioners[p] = string.format("00000000-0000-0000-0001-%012d", p) end
local i = 0
wrk.headers["Accept"] = "application/json"

request = function()
  i = i + 1
  local p = practitioners[(i % #practitioners) + 1]
  local d = math.floor(i / #practitioners) % #froms + 1
  return wrk.format("GET", os.getenv("PATH_BASE") .. "&from=" .. froms[d] .. "&to=" .. tos[d] .. "&practitioner=" .. p)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50=%.2f p90=%.2f p99=%.2f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout, summary.requests))
end
