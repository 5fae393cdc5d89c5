-- (g) GET /ping: HTTP without the database, the server's trivial ceiling.
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")

setup, init, done = common.setup, common.init, common.done

function request()
  return wrk.format("GET", "/ping")
end
