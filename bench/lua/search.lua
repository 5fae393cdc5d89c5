-- (c) GET /products/search?q= with one or two words of a product's name, 1 in 5 with a typo
-- (the seed's queries.txt, also in bench.search_queries for sql/search.sql).
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")
local queries = common.lines("queries.txt")

setup, init, done = common.setup, common.init, common.done

function request()
  return wrk.format("GET", "/api/v1/products/search?q=" .. common.pick(queries))
end
