-- wrk script for attache serve: a mix of query kinds, each a 10-hit page with
-- snippets (or statements). WORDS_ONLY=1 in the environment: one-word queries only.
-- wrk -t2 -c64 -d30s --latency -s bench/serve_load.lua http://127.0.0.1:PORT
local one_word = { "government", "congress", "people", "nation", "treaty", "economy", "security",
                   "energy", "freedom", "budget", "trade", "peace", "taxes", "defense", "labor", "world" }
local mixed = {
  "/api/search?limit=10&q=government%20congress",             -- two words
  "/api/search?limit=10&q=%22united%20states%22",             -- a phrase
  "/api/search?limit=10&q=treaty%20OR%20agreement",           -- OR
  "/api/search?limit=10&q=peace%20-war&sort=newest",          -- exclusion, newest first
  "/api/search?limit=10&q=speaker%3Akuleba%20economy",        -- statements of a speaker
  "/api/search?limit=10&q=energy%20date%3A2010..2015",        -- a date range
}
local only_words = os.getenv("WORDS_ONLY") == "1"
local n = 0

request = function()
  n = n + 1
  if only_words or n % 2 == 0 then
    return wrk.format("GET", "/api/search?limit=10&q=" .. one_word[math.floor(n / 2) % #one_word + 1])
  end
  return wrk.format("GET", mixed[math.floor(n / 2) % #mixed + 1])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests %d in %.1f s: %.0f/s; p50 %.2f ms, p90 %.2f ms, p99 %.2f ms; " ..
                         "errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    e.connect, e.read, e.write, e.status, e.timeout))
end
