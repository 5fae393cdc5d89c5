-- (b) GET /products: a random page (1-5) of a random category (with its subcategories) in a
-- random price band of 1,000 × 2^b to 8,000 × 2^b TZS, b in 0-10: the draws of sql/list.sql.
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")
local categories = common.lines("categories.txt")

setup, init, done = common.setup, common.init, common.done

function request()
  local low = 1000 * 2 ^ math.random(0, 10)
  return wrk.format("GET", string.format(
    "/api/v1/products?category_id=%s&min_price=%d&max_price=%d&page=%d",
    common.pick(categories), low, low * 8, math.random(1, 5)))
end
