-- The counting request a page's script sends (gongkai/visits): POST /visits/hit/ with the page's token, as a
-- browser does. wrk ... -s http_count.lua <url> -- <token>, run from benchmarks/ (the report is http_load.lua's).
dofile("http_load.lua")

init = function(args)
  local headers = {}
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
  req = wrk.format("POST", nil, headers, "t=" .. args[1])
end

request = function()
  return req
end
