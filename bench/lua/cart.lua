-- (d) POST /orders/cart/summary, anonymous, with 3 random orderable products, 1-3 of each.
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")
local ids = common.lines("products.txt")
local headers = { ["Content-Type"] = "application/json" }

setup, init, done = common.setup, common.init, common.done

function request()
  local body = string.format(
    '{"items":[{"product_id":"%s","quantity":%d},{"product_id":"%s","quantity":%d},'
      .. '{"product_id":"%s","quantity":%d}]}',
    common.pick(ids), math.random(1, 3), common.pick(ids), math.random(1, 3),
    common.pick(ids), math.random(1, 3))
  return wrk.format("POST", "/api/v1/orders/cart/summary", headers, body)
end
