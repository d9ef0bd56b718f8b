-- wrk script: POST one realistic assessment to /api/v1/recommendations.
-- Usage: wrk -t2 -c16 -d30s --latency -s bench/recommendations.lua http://localhost:18080/api/v1/recommendations
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.body = [[
{"age": 34, "skinType": "oily", "fitzpatrick": 3,
 "concerns": ["blackheads", "enlarged-pores", "congestion"], "bodyAreas": ["face"], "causes": ["excess-sebum"],
 "medical": {"pregnantOrBreastfeeding": false, "activeInfectionInArea": false, "coldSoreHistory": false,
   "sunburnOrRecentTan": false, "openWoundsInArea": false, "keloidTendency": false, "rosaceaOrEczemaFlare": false,
   "psoriasisFlare": false, "photosensitizingMedication": false, "autoimmuneOrImmunosuppressed": false,
   "recentChemotherapy": false, "skinCancerInArea": false, "pacemakerOrMetalInArea": false, "epilepsy": null,
   "salicylateAllergy": false, "isotretinoinLastTaken": "2026-01-15", "topicalRetinoidLastUsed": "never"},
 "asOf": "2026-06-01", "budgetUsd": 900}
]]

local statuses = {}

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx/3xx responses: %d\n", summary.errors.status))
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
