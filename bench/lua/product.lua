-- (a) GET /products/{id} for random orderable (visible) products.
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")
local ids = common.lines("products.txt")

setup, init, done = common.setup, common.init, common.done

function request()
  return wrk.format("GET", "/api/v1/products/" .. common.pick(ids))
end
