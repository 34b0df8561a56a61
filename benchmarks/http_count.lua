-- The counting request a page's script sends (gongkai/visits): POST /visits/hit/ with the page's token, as a
-- browser does. wrk ... -s http_count.lua <url> -- <token>
init = function(args)
  local headers = {}
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
  req = wrk.format("POST", nil, headers, "t=" .. args[1])
end

request = function()
  return req
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format('{"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "errors": %d, "non_2xx": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors, summary.errors.status))
end
