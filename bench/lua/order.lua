-- (e) POST /orders by 50 signed-in customers, 3 random orderable products (ample stock), 1-3 of
-- each. Counts 201 (placed) and 409 (out of stock: expected, never an error).
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")
local ids = common.lines("products.txt")
local tokens = common.lines("tokens.txt")
local customers = math.min(50, #tokens)
local address = '"shipping_address":{"full_name":"Asha Mteja","line1":"Mtaa wa Uhuru 12",'
  .. '"city":"Dar es Salaam","country":"TZ","phone":"+255712345678"}'

setup, init, done = common.setup, common.init, common.done

function request()
  local body = string.format(
    '{"items":[{"product_id":"%s","quantity":%d},{"product_id":"%s","quantity":%d},'
      .. '{"product_id":"%s","quantity":%d}],%s}',
    common.pick(ids), math.random(1, 3), common.pick(ids), math.random(1, 3),
    common.pick(ids), math.random(1, 3), address)
  return wrk.format("POST", "/api/v1/orders", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[math.random(customers)],
  }, body)
end

function response(status)
  common.count(status)
end
