-- (f) POST /auth/login with the seeded customers' email and password: bounded by Argon2id by
-- design (each sign-in hashes the password once).
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")
local emails = common.lines("emails.txt")
local password = os.getenv("BENCH_PASSWORD") or error("BENCH_PASSWORD is not set")
local headers = { ["Content-Type"] = "application/json" }

setup, init, done = common.setup, common.init, common.done

function request()
  return wrk.format("POST", "/api/v1/auth/login", headers,
    string.format('{"email":"%s","password":"%s"}', common.pick(emails), password))
end
