-- Shared by the scenario scripts: the seeded lists, random draws, status counts and the one
-- summary line run.sh reads. wrk runs each thread in its own Lua state; done() runs in the main
-- one and reads the threads' counters through the handles setup() kept.
local common = {}

local dir = os.getenv("BENCH_SEED") or error("BENCH_SEED (the seed's output folder) is not set")
local threads = {}
local next_id = 1

function common.lines(name)
  local list = {}
  for line in io.lines(dir .. "/" .. name) do
    if line ~= "" then list[#list + 1] = line end
  end
  if #list == 0 then error(name .. " is empty") end
  return list
end

function common.pick(list)
  return list[math.random(#list)]
end

-- Each thread gets its own random sequence.
function common.setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  threads[#threads + 1] = thread
end

function common.init()
  math.randomseed(os.time() + (id or 0) * 7919)
  counts = { [201] = 0, [409] = 0 }
end

-- Counts the statuses a scenario expects besides 2xx (only scripts that define response()).
function common.count(status)
  if status == 201 or status == 409 then counts[status] = counts[status] + 1 end
end

local function total(status)
  local sum = 0
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    if c then sum = sum + (c[status] or 0) end
  end
  return sum
end

-- One line for run.sh: throughput, latency percentiles in ms, errors (socket errors and
-- timeouts), responses outside 2xx/3xx, and the 201/409 counts of scripts that keep them.
function common.done(summary, latency)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f"
      .. " errors=%d non2xx=%d s201=%d s409=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status, total(201), total(409)))
end

return common
