#!/usr/bin/env bash
# Duka's load benchmark (docs/benchmarks.md): builds the jar, starts a durable PostgreSQL, seeds a
# large catalog, starts the server, and measures each scenario with wrk against the same SQL run by
# pgbench without HTTP, JSON or Java around it (the scenario's ceiling), in the same run.
#
#   bash bench/run.sh                  # 100,000 products, every scenario, 20 s each (≈ 10 min)
#   bash bench/run.sh --products 10000 # another catalog size (10,000 to 1,000,000)
#   bash bench/run.sh --growth         # scenarios (a)-(c) at 10,000 and at 1,000,000 products
#   bash bench/run.sh --smoke          # 1,000 products, 3 s per scenario: CI's check (≈ 1-2 min)
#
# Every load goes to 127.0.0.1 only and is bounded in time; everything started here is stopped on
# exit. Set DATABASE_URL (postgres://user:pass@127.0.0.1:5432/db) to use a PostgreSQL of your own:
# it must be a throwaway database, since the seed empties every table of the shop first.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
WORK=$BENCH/target # under target/, so git ignores it
JAR=$ROOT/bootstrap/target/duka.jar
DOCS=$ROOT/docs/benchmarks.md

ARGS="$*"
MODE=full
SIZES=(100000)
DURATION=20
WARMUP=5
# Before the first measurement the server is warmed at low concurrency: WARM_CYCLES passes over the
# read scenarios and the cart, WARM_SECONDS each, with WARM_CONNECTIONS connections. At 64
# connections on 2 cores the JIT's one C2 thread gets about a tenth of a core, and the server
# took 5 minutes to reach its steady rate; at 4 it gets its share and is there in under 3 minutes
# (docs/benchmarks.md, "Warm-up"). Nothing of the warm-up is measured.
WARM_CYCLES=2
WARM_SCENARIOS="product list search cart"
WARM_SECONDS=20
WARM_CONNECTIONS=4
THREADS=2
CONNECTIONS=64
USERS=100
WRITE_DOCS=yes
# The server's JVM flags (see docs/benchmarks.md, "Tuning"); override with SERVER_JAVA_OPTS. Without
# a bound the JVM sizes its heap to a quarter of the machine's memory and lets Argon2id's 19 MiB
# per sign-in pile up in it: 2 GB of RSS after a few seconds of sign-ins. The parallel collector
# did 13-25 % more requests/s than G1 in (a) and (d) with 100 MB less RSS (docs/benchmarks.md).
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS--Xmx256m -XX:+UseParallelGC}
# BENCH_JFR=1: record the server with Java Flight Recorder (profile settings) into bench/target/.
if [[ ${BENCH_JFR:-} == 1 ]]; then
  SERVER_JAVA_OPTS+=" -XX:StartFlightRecording=filename=$WORK/server.jfr,settings=profile"
fi

usage() {
  sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

while (($#)); do
  case "$1" in
    --smoke) MODE=smoke; SIZES=(1000); DURATION=3; WARMUP=1; WARM_CYCLES=0; WRITE_DOCS=no ;;
    # one pass per size, the same at both sizes: with the 1,000,000-product seed (5 minutes) the run
    # takes about 15 minutes
    --growth) MODE=growth; SIZES=(10000 1000000); WARM_CYCLES=1; WARM_SCENARIOS="product list search" ;;
    --products) SIZES=("${2:?--products needs a number}"); shift ;;
    --duration) DURATION=${2:?--duration needs seconds}; shift ;;
    --no-docs) WRITE_DOCS=no ;;
    -h | --help) usage 0 ;;
    *) echo "unknown option: $1" >&2; usage 2 ;;
  esac
  shift
done

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# --- processes started here, stopped on any exit ------------------------------------------------
SERVER_PID=
PG_PID=
stop_pid() { # pid, seconds to wait after SIGTERM before SIGKILL
  local pid=$1 wait=$2
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < wait * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  stop_pid "$SERVER_PID" 20
  SERVER_PID=
  # SIGTERM lets bench-postgres stop PostgreSQL cleanly (its shutdown hook)
  stop_pid "$PG_PID" 60
  PG_PID=
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- tools ----------------------------------------------------------------------------------------
need_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  # Debian ships pgbench with the server package; psql comes with the client
  command -v pgbench >/dev/null || missing+=(postgresql)
  command -v psql >/dev/null || missing+=(postgresql-client)
  command -v curl >/dev/null || missing+=(curl)
  if ((${#missing[@]})); then
    log "installing ${missing[*]} (Debian packages)"
    [[ $(id -u) == 0 ]] || die "run as root, or install: apt-get install ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
      >/dev/null || die "apt-get install ${missing[*]}"
  fi
  command -v java >/dev/null || die "no java on PATH"
}

# Rebuild the jar unless it is newer than every source file and pom.
build_jar() {
  local stale=
  if [[ ! -f $JAR ]]; then
    stale="no jar yet"
  else
    stale=$(find "$ROOT" \( -path "$ROOT/bench" -o -path "$ROOT/.git" -o -name target \) -prune \
      -o \( -name '*.java' -o -name pom.xml -o -path '*/src/main/resources/*' \) -type f \
      -newer "$JAR" -print -quit)
  fi
  if [[ -n $stale ]]; then
    log "building the jar ($stale)"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests -DskipITs) || die "the build failed"
  else
    log "the jar is up to date"
  fi
}

free_port() { # the first port from $1 nobody listens on
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

secret() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 48; }

# --- database ---------------------------------------------------------------------------------------
# PG_URL: libpq URL for psql and pgbench; DB_URL: what the jar reads as DATABASE_URL.
start_database() {
  if [[ -n ${DATABASE_URL:-} ]]; then
    [[ $DATABASE_URL == postgres://* || $DATABASE_URL == postgresql://* ]] ||
      die "DATABASE_URL must be postgres://user:pass@host:port/db for psql and pgbench"
    DB_URL=$DATABASE_URL
    PG_URL=$DATABASE_URL
    DB_KIND="external ($(sed -E 's#//[^@]*@#//***@#' <<<"$DATABASE_URL"))"
    log "using DATABASE_URL: $DB_KIND"
    return
  fi
  local dir=$WORK/pg port
  # a PostgreSQL left running by a killed earlier run still holds the directory: stop it
  if [[ -f $dir/pg/postmaster.pid ]]; then
    local old
    old=$(head -1 "$dir/pg/postmaster.pid")
    if [[ -n $old ]] && grep -q "$dir" "/proc/$old/cmdline" 2>/dev/null; then
      log "stopping the PostgreSQL an earlier run left behind (pid $old)"
      kill -INT "$old" || true
      for ((i = 0; i < 300; i++)); do kill -0 "$old" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  port=$(free_port 55432)
  log "starting the jar's embedded PostgreSQL (durable) on 127.0.0.1:$port"
  env -u DATABASE_URL DATA_DIR="$dir" java -Xmx64m -XX:+UseSerialGC -jar "$JAR" bench-postgres \
    --port "$port" >"$WORK/postgres.log" 2>&1 &
  PG_PID=$!
  for ((i = 0; i < 1800; i++)); do
    grep -q 'bench-postgres: ready' "$WORK/postgres.log" && break
    kill -0 "$PG_PID" 2>/dev/null || die "PostgreSQL did not start: $(tail -5 "$WORK/postgres.log")"
    sleep 0.1
  done
  grep -q 'bench-postgres: ready' "$WORK/postgres.log" || die "PostgreSQL not ready in 180 s"
  DB_URL="postgres://postgres@127.0.0.1:$port/duka"
  PG_URL=$DB_URL
  DB_KIND="embedded (the jar's), $(grep -o 'fsync=[a-z]*, synchronous_commit=[a-z]*' \
    "$WORK/postgres.log")"
}

sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$PG_URL" "$@"; }

seed() { # products
  local products=$1
  SEED=$WORK/seed-$products
  log "seeding $products products and $USERS customers"
  local start=$SECONDS
  DATABASE_URL=$DB_URL DATA_DIR=$WORK/app JWT_SECRET=$JWT_SECRET ADMIN_SECRET=$ADMIN_SECRET \
    java -jar "$JAR" bench-seed --products "$products" --users "$USERS" --out "$SEED" \
    --reset true >"$WORK/seed-$products.log" 2>&1 || die "bench-seed: $(tail -5 "$WORK/seed-$products.log")"
  grep '^bench-seed:' "$WORK/seed-$products.log" >&2 || true
  SEED_SECONDS=$((SECONDS - start))
  # shellcheck disable=SC1091
  source "$SEED/bench.env"
  # pgbench's own tables, for the -S reference line (100,000 accounts)
  pgbench -i -q -s 1 -n "$PG_URL" >"$WORK/pgbench-init.log" 2>&1 || die "pgbench -i failed"
}

# --- server -------------------------------------------------------------------------------------
start_server() { # [archive]: start through bin/duka, with this class-data-sharing archive
  local archive=${1:-} command
  HTTP_PORT=$(free_port 18080)
  # shellcheck disable=SC2206 # the options are words on purpose
  command=(java $SERVER_JAVA_OPTS -jar "$JAR" serve)
  if [[ -n $archive ]]; then
    command=(env "JAVA_OPTS=$SERVER_JAVA_OPTS" "DUKA_JAR=$JAR" "DUKA_CDS_ARCHIVE=$archive"
      "$ROOT/bin/duka" serve)
  fi
  log "starting the server on 127.0.0.1:$HTTP_PORT: ${command[*]}"
  local start_ns
  start_ns=$(date +%s%N)
  DATABASE_URL=$DB_URL DATA_DIR=$WORK/app PORT=$HTTP_PORT JWT_SECRET=$JWT_SECRET \
    ADMIN_SECRET=$ADMIN_SECRET RATE_LIMIT_LOGIN_PER_MINUTE=100000 \
    RATE_LIMIT_LOGIN_PER_ADDRESS_PER_MINUTE=100000 RATE_LIMIT_ACCOUNT_PER_MINUTE=100000 \
    "${command[@]}" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for ((i = 0; i < 3000; i++)); do
    curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/ready" && break
    kill -0 "$SERVER_PID" 2>/dev/null ||
      die "the server stopped: $(grep -v dev.duka.access "$WORK/server.log" | tail -5)"
    sleep 0.02
  done
  curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/ready" || die "the server was not ready in 60 s"
  STARTUP_MS=$((($(date +%s%N) - start_ns) / 1000000))
  log "ready in $STARTUP_MS ms"
  JVM_FLAGS=$(jcmd "$SERVER_PID" VM.flags 2>/dev/null | tail -1 || echo "?")
}

stop_server() {
  stop_pid "$SERVER_PID" 20
  SERVER_PID=
}

# Start-up through bin/duka: its first start writes the class-data-sharing archive when the server
# stops, the second is timed (LAUNCHER_MS) with the archive mapped.
measure_launcher() {
  local archive=$WORK/duka.jsa
  rm -f "$archive"
  start_server "$archive"
  stop_server
  [[ -s $archive ]] || die "bin/duka wrote no class-data-sharing archive at $archive"
  start_server "$archive"
  LAUNCHER_MS=$STARTUP_MS
  grep -q 'SharedArchiveFile' <(jcmd "$SERVER_PID" VM.command_line 2>/dev/null) ||
    die "bin/duka did not start the server with its archive"
  stop_server
}

peak_rss_mb() { awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$SERVER_PID/status"; }

# --- measurements -------------------------------------------------------------------------------
# One results line per run: size scenario kind rps p50 p99 errors non2xx s201 s409 rss_mb
RESULTS=$WORK/results.tsv

wrk_run() { # size name script path
  local size=$1 name=$2 script=$3 url="http://127.0.0.1:$HTTP_PORT" out=$WORK/wrk-$1-$2.txt
  export BENCH_SEED=$SEED BENCH_LUA=$BENCH/lua BENCH_PASSWORD=$PASSWORD
  log "$name: warm-up ${WARMUP}s, then ${DURATION}s with wrk -t$THREADS -c$CONNECTIONS"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s -s "$BENCH/lua/$script" "$url" \
    >/dev/null 2>&1 || true
  [[ $name == f-login ]] && drain_logins
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$BENCH/lua/$script" "$url" \
    >"$out" 2>&1 || die "wrk failed: $(tail -3 "$out")"
  local line
  line=$(grep '^BENCH ' "$out") || die "$name: no summary from wrk: $(tail -3 "$out")"
  field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$line"; }
  printf '%s\t%s\thttp\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$name" "$(field rps)" \
    "$(field p50_ms)" "$(field p99_ms)" "$(field errors)" "$(field non2xx)" "$(field s201)" \
    "$(field s409)" "$(peak_rss_mb)" >>"$RESULTS"
  log "$name: $(field rps) req/s, p50 $(field p50_ms) ms, p99 $(field p99_ms) ms," \
    "errors $(field errors), non-2xx $(field non2xx)"
}

# The warm-up passes: each line of $WORK/warm-<size>.tsv is cycle, scenario, req/s.
warm_server() { # size
  local url="http://127.0.0.1:$HTTP_PORT" out=$WORK/warm-$1.tsv cycle name line
  export BENCH_SEED=$SEED BENCH_LUA=$BENCH/lua BENCH_PASSWORD=$PASSWORD
  rm -f "$out"
  for ((cycle = 1; cycle <= WARM_CYCLES; cycle++)); do
    for name in $WARM_SCENARIOS; do
      line=$(wrk -t"$THREADS" -c"$WARM_CONNECTIONS" -d"${WARM_SECONDS}s" --timeout 10s \
        -s "$BENCH/lua/$name.lua" "$url" 2>&1 | grep '^BENCH ') || die "warm-up $name: no summary from wrk"
      printf '%s\t%s\t%s\n' "$cycle" "$name" "$(sed -E 's/.* rps=([^ ]+).*/\1/' <<<"$line")" >>"$out"
    done
    log "warm-up pass $cycle of $WARM_CYCLES, req/s: $(warm_rates "$out" "$cycle")"
  done
}

warm_rates() { # file [cycle]: "product 598, list 733, …" for one pass, or for every pass
  awk -F'\t' -v c="${2:-}" 'c == "" || $1 == c { printf "%s%s %.0f", (n++ ? ", " : ""), $2, $3 }' "$1"
}

# The server keeps hashing the passwords of sign-ins that the warm-up's wrk sent and left (each
# connection's last one): one more sign-in, which waits for its turn behind them, returns once they
# are done, so the measurement starts on an idle server and is not charged for the warm-up's work.
drain_logins() {
  local email
  email=$(head -1 "$SEED/emails.txt")
  curl -s -o /dev/null --max-time 60 -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$PASSWORD\"}" \
    "http://127.0.0.1:$HTTP_PORT/api/v1/auth/login" || true
}

# The ceiling: one pgbench run of warm-up plus measurement, on the same connections, like the
# server's pool, which is warm when its measurement starts (prepared statements planned, caches
# full). Only transactions that end inside the measured window count.
pgbench_run() { # size name script (a file under bench/sql, or -S)
  local size=$1 name=$2 script=$3 out=$WORK/pgbench-$1-$2.txt logs=$WORK/pgbench-$1-$2-log
  local args=(-n -M prepared -c "$CONNECTIONS" -j "$THREADS" --max-tries=3)
  if [[ $script == -S ]]; then
    args+=(-S)
  else
    args+=(-f "$BENCH/sql/$script" -D products="$PRODUCTS" -D orderable="$ORDERABLE"
      -D categories="$CATEGORIES" -D queries="$QUERIES" -D currency=TZS)
  fi
  log "$name: pgbench ${args[*]:0:7} for ${WARMUP}s of warm-up and ${DURATION}s measured"
  rm -f "$logs".*
  local begin
  begin=$(date +%s.%N)
  (cd "$WORK" && pgbench "${args[@]}" -T "$((WARMUP + DURATION))" -l --log-prefix="$logs" \
    "$PG_URL") >"$out" 2>&1 || die "pgbench $name failed: $(grep -m3 -i error "$out")"
  local tps failed aborted p50 p99
  failed=$(sed -nE 's/^number of failed transactions: ([0-9]+).*/\1/p' "$out")
  aborted=$(grep -c 'aborted' "$out" || true)
  # log lines: client, transaction, latency µs, script, end time s, end time µs
  read -r tps p50 p99 < <(cat "$logs".* | awk -v from="$begin" -v warm="$WARMUP" -v dur="$DURATION" '
    $3 ~ /^[0-9]+$/ { t = $5 + $6 / 1e6 - from; if (t >= warm && t < warm + dur) print $3 }' |
    sort -n | awk -v dur="$DURATION" '
    { v[NR] = $1 } END {
      if (NR == 0) { print "0 0 0"; exit }
      i50 = int(NR * 0.50); if (i50 < NR * 0.50) i50++; if (i50 < 1) i50 = 1
      i99 = int(NR * 0.99); if (i99 < NR * 0.99) i99++; if (i99 < 1) i99 = 1
      printf "%.1f %.2f %.2f\n", NR / dur, v[i50] / 1000, v[i99] / 1000 }')
  rm -f "$logs".*
  printf '%s\t%s\tpgbench\t%s\t%s\t%s\t%s\t0\t0\t0\t\n' "$size" "$name" "$tps" "$p50" "$p99" \
    "$((${failed:-0} + aborted))" >>"$RESULTS"
  log "$name: $tps tx/s, p50 $p50 ms, p99 $p99 ms, failed ${failed:-0}"
}

wait_for_outbox() {
  local left
  for ((i = 0; i < 180; i++)); do
    left=$(sql -c "SELECT count(*) FROM outbox WHERE delivered_at IS NULL AND attempts < 3")
    ((left == 0)) && return 0
    ((i % 10 == 0)) && log "waiting for the server to send $left order mails"
    sleep 1
  done
  log "the outbox still holds $left mails; measuring sign-ins anyway"
}

check_stock() { # label: the ledger must still match the stock after orders
  local row
  row=$(sql -F ' ' -f "$BENCH/sql/check-stock.sql")
  read -r mismatches negative difference orders <<<"$row"
  log "stock after $1: ledger mismatches $mismatches, negative $negative," \
    "ordered − taken $difference, orders $orders"
  if [[ $mismatches != 0 || $negative != 0 || $difference != 0 ]]; then
    PROBLEMS+=("stock and ledger disagree after $1: $row")
  fi
  ORDERS=$orders
}

# EXPLAIN (ANALYZE, BUFFERS) of a script's main statement (after its "-- main" line), with the
# script's variables replaced by the given values (name=value ...; strings already quoted).
explain() { # script name=value...
  local script=$BENCH/sql/$1
  shift
  local values=("$@")
  {
    echo "SET pg_trgm.word_similarity_threshold = 0.35;"
    printf 'EXPLAIN (ANALYZE, BUFFERS) '
    # (a statement that pgbench ends with \aset, to keep its total, is ended with ; here)
    awk '/^-- main/ { on = 1; next }
      on && sub(/[[:space:]]*\\aset[[:space:]]*$/, ";") { print; exit }
      on { print } on && /;[[:space:]]*$/ { exit }' "$script" |
      VALUES="${values[*]}" perl -pe '
        BEGIN { for (split / /, $ENV{VALUES}) { my ($k, $v) = split /=/, $_, 2; $v{$k} = $v } }
        s/(?<![:\w]):([a-z_][a-z0-9_]*)/exists $v{$1} ? $v{$1} : ":$1"/ge'
  } | sql 2>&1
}

explain_all() { # size
  local size=$1 out=$WORK/explain-$1.txt q term
  IFS='|' read -r q term < <(sql -c "SELECT replace(q, '''', ''''''), replace(term, '''', '''''')
    FROM bench.search_queries WHERE n = 1")
  local typo_q typo_term
  IFS='|' read -r typo_q typo_term < <(sql -c "SELECT replace(q, '''', ''''''),
    replace(term, '''', '''''') FROM bench.search_queries WHERE n = 5")
  {
    echo "### GET /products (page 1, newest first, no filter)"
    explain explain-list.sql limit=20 offset=0
    echo
    echo "### GET /products?category_id=<Electronics and its subcategories>&min_price=128000&max_price=1024000&page=1"
    explain list.sql c=1 currency="'TZS'" minprice=12800000 maxprice=102400000 limit=20 offset=0 \
      reach=20 touchedfrom=12000000 touchedto=100000000 insidefrom=13000000 insideto=99999999 \
      lowfrom=12800000 lowto=12999999 highfrom=100000000 highto=102400000
    echo
    echo "### GET /products/search?q=$q"
    explain search.sql q="'$q'" term="'$term'" cap=200 fuzzybelow=20 limit=20 offset=0
    echo
    echo "### GET /products/search?q=$typo_q (with a typo)"
    explain search.sql q="'$typo_q'" term="'$typo_term'" cap=200 fuzzybelow=20 limit=20 offset=0
  } >"$out"
  # (a few thousand rows are read faster sequentially: only larger catalogs must use indexes)
  if ((size >= 10000)) && grep -q 'Seq Scan on products' "$out"; then
    PROBLEMS+=("a plan reads products sequentially at $size products (see $out)")
  fi
}

# --- one catalog size ---------------------------------------------------------------------------
run_size() { # size
  local size=$1
  seed "$size"
  [[ -n ${LAUNCHER_MS:-} ]] || measure_launcher
  start_server
  warm_server "$size"
  # also in growth runs: the scenarios after it then meet a server as warm as in a full run
  wrk_run "$size" ping ping.lua
  if [[ $MODE != growth ]]; then
    pgbench_run "$size" pgbench-S -S
  fi
  wrk_run "$size" a-product product.lua
  pgbench_run "$size" a-product product.sql
  wrk_run "$size" b-list list.lua
  pgbench_run "$size" b-list list.sql
  wrk_run "$size" c-search search.lua
  pgbench_run "$size" c-search search.sql
  # the plans the read scenarios ran with, before orders change the tables
  explain_all "$size"
  if [[ $MODE != growth ]]; then
    wrk_run "$size" d-cart cart.lua
    pgbench_run "$size" d-cart cart.sql
    check_stock "the seed"
    local before=$ORDERS
    wrk_run "$size" e-order order.lua
    check_stock "the HTTP orders"
    local placed
    placed=$(awk -F'\t' -v s="$size" '$1 == s && $2 == "e-order" && $3 == "http" { p = $9 }
      END { print p + 0 }' "$RESULTS")
    # warm-up orders count too: compare what this run placed with the 201s of both wrk runs
    ((ORDERS - before >= placed)) || PROBLEMS+=("fewer orders stored than 201 answers")
    pgbench_run "$size" e-order order.sql
    check_stock "the pgbench orders"
    # login last: 64 Argon2id hashes at once hold every worker for seconds. Before it, the server
    # writes the confirmation mails of the orders above; measuring sign-ins while it does would
    # charge them for that work (at most 3 minutes)
    wait_for_outbox
    wrk_run "$size" f-login login.lua
  fi
  stop_server
}

# --- checks and report --------------------------------------------------------------------------
# Every HTTP run must be free of socket errors and of answers outside 2xx, but for the order
# scenario's 409s (out of stock).
check_results() {
  while IFS=$'\t' read -r size name kind rps p50 p99 errors non2xx s201 s409 rss; do
    [[ $kind == http ]] || { [[ $errors == 0 ]] || PROBLEMS+=("$size $name: $errors pgbench failures"); continue; }
    [[ ${rps%.*} -gt 0 ]] || PROBLEMS+=("$size $name: no request completed")
    [[ $errors == 0 ]] || PROBLEMS+=("$size $name: $errors socket errors or timeouts")
    ((non2xx - s409 == 0)) || PROBLEMS+=("$size $name: $((non2xx - s409)) answers outside 2xx")
  done <"$RESULTS"
}

TARGET_a=0.50 TARGET_b=0.60 TARGET_c=0.60 TARGET_d=0.50 TARGET_e=0.50

# The table of one catalog size, in Markdown.
table() { # size
  awk -F'\t' -v size="$1" -v ta="$TARGET_a" -v tb="$TARGET_b" -v tc="$TARGET_c" \
    -v td="$TARGET_d" -v te="$TARGET_e" '
    $1 == size { key = $2 "/" $3; rps[key] = $4; p50[key] = $5; p99[key] = $6; err[key] = $7
      non[key] = $8 - $10; s409[key] = $10; rss[key] = $11; if ($3 == "http") order[++n] = $2 }
    END {
      target["a-product"] = ta; target["b-list"] = tb; target["c-search"] = tc
      target["d-cart"] = td; target["e-order"] = te
      label["ping"] = "(g) GET /ping, no database"; label["a-product"] = "(a) GET /products/{id}"
      label["b-list"] = "(b) GET /products, category + price, page 1-5"
      label["c-search"] = "(c) GET /products/search (1 in 5 with a typo)"
      label["d-cart"] = "(d) POST /orders/cart/summary, 3 lines"
      label["e-order"] = "(e) POST /orders, 3 lines, 50 customers"
      label["f-login"] = "(f) POST /auth/login (Argon2id)"
      ping = rps["ping/http"]; ref = rps["pgbench-S/pgbench"]
      print "| scenario | req/s | p50 ms | p99 ms | errors | non-2xx | ceiling (pgbench) tx/s | ceiling p50 / p99 ms | ratio | target | vs /ping | peak RSS MB |"
      print "|---|--:|--:|--:|--:|--:|--:|--:|--:|:-:|--:|--:|"
      for (i = 1; i <= n; i++) {
        s = order[i]; h = s "/http"; c = s "/pgbench"
        nonok = non[h] (s409[h] > 0 ? " (+" s409[h] " × 409)" : "")
        ceil = "—"; cl = "—"; ratio = "—"; goal = "—"
        if (c in rps && rps[c] > 0) {
          ceil = sprintf("%.0f", rps[c]); cl = p50[c] " / " p99[c]
          r = rps[h] / rps[c]; ratio = sprintf("%.0f %%", 100 * r)
          if (s in target) goal = (r >= target[s] ? "met" : "missed") sprintf(" (≥ %.0f %%)", 100 * target[s])
        }
        vsping = (ping > 0 && s != "ping") ? sprintf("%.1f %%", 100 * rps[h] / ping) : "—"
        printf "| %s | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
          label[s], rps[h], p50[h], p99[h], err[h], nonok, ceil, cl, ratio, goal, vsping, rss[h]
      }
      if (ref > 0) printf "| (g) pgbench -S (select by key, no HTTP) | %.0f | %s | %s | %s | — | — | — | — | — | — | — |\n",
        ref, p50["pgbench-S/pgbench"], p99["pgbench-S/pgbench"], err["pgbench-S/pgbench"]
    }' "$RESULTS"
}

growth_table() { # the smallest and the largest catalog size
  awk -F'\t' -v small="$1" -v big="$2" '
    $3 == "http" { p50[$1 "/" $2] = $5; rps[$1 "/" $2] = $4 }
    $3 == "pgbench" { ceil[$1 "/" $2] = $4 }
    END {
      printf "| scenario | p50 ms at %s | req/s (ratio) at %s | p50 ms at %s | req/s (ratio) at %s |", small, small, big, big
      print " p50 ratio | within 2× |"
      print "|---|--:|--:|--:|--:|--:|:-:|"
      split("a-product b-list c-search", order, " ")
      for (k = 1; k <= 3; k++) {
        name = order[k]; printf "| %s |", name
        split(small " " big, both, " ")
        for (i = 1; i <= 2; i++) {
          key = both[i] "/" name
          printf " %s | %.0f (%.0f %%) |", p50[key], rps[key], (ceil[key] > 0 ? 100 * rps[key] / ceil[key] : 0)
        }
        f = p50[small "/" name] > 0 ? p50[big "/" name] / p50[small "/" name] : 0
        printf " %.2f | %s |\n", f, (f <= 2 ? "yes" : "no")
      }
    }' "$RESULTS"
}

machine() {
  echo "- date: $(date -u +'%Y-%m-%d %H:%M UTC'); commit $(git -C "$ROOT" rev-parse --short HEAD)$(
    git -C "$ROOT" diff --quiet HEAD -- . ':!docs/benchmarks.md' 2>/dev/null || echo ' (with local changes)')"
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
    "$(sed -nE 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
  echo "- load average before / after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- JDK: $(java -version 2>&1 | head -1)"
  echo "- server: \`java $SERVER_JAVA_OPTS -jar bootstrap/target/duka.jar serve\`, ready in $STARTUP_MS ms" \
    "with an external DATABASE_URL; JVM flags: \`$JVM_FLAGS\`"
  echo "- the same through \`bin/duka serve\` (same flags, with its class-data-sharing archive" \
    "from a first start): ready in $LAUNCHER_MS ms"
  echo "- PostgreSQL: $(sql -c 'SHOW server_version'), $DB_KIND, shared_buffers" \
    "$(sql -c 'SHOW shared_buffers'); pgbench $(pgbench --version | awk '{print $3}'), wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
  if ((WARM_CYCLES > 0)); then
    local size rates=()
    for size in "${SIZES[@]}"; do rates+=("$size: $(warm_rates "$WORK/warm-$size.tsv")"); done
    echo "- server warm-up before the first measurement: $WARM_CYCLES × (${WARM_SCENARIOS// /, })," \
      "${WARM_SECONDS}s each with wrk -t$THREADS -c$WARM_CONNECTIONS; req/s of each pass:" \
      "$(printf '%s; ' "${rates[@]}" | sed 's/; $//')"
  fi
  echo "- load: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --timeout 10s after a ${WARMUP}s warm-up;" \
    "ceilings: pgbench -n -M prepared -c $CONNECTIONS -j $THREADS -T $DURATION after a ${WARMUP}s warm-up"
}

report() {
  local out=$WORK/report.md
  {
    echo "Command: \`bash bench/run.sh${ARGS:+ $ARGS}\`"
    echo
    machine
    for size in "${SIZES[@]}"; do
      echo
      echo "#### $(printf "%'d" "$size") products (seeded in ${SEED_TIMES[$size]} s)"
      echo
      table "$size"
    done
    if [[ $MODE == growth ]]; then
      echo
      echo "#### Growth"
      echo
      growth_table "${SIZES[0]}" "${SIZES[-1]}"
    fi
    for size in "${SIZES[@]}"; do
      echo
      echo "<details><summary>Query plans at $(printf "%'d" "$size") products (EXPLAIN ANALYZE, warm)</summary>"
      echo
      echo '```'
      cat "$WORK/explain-$size.txt"
      echo '```'
      echo "</details>"
    done
  } >"$out"
  echo
  sed -n '1,/<details>/p' "$out" | sed '$d'
  if [[ $WRITE_DOCS == yes && -f $DOCS ]]; then
    local marker=$MODE
    [[ $MODE == full && ${SIZES[0]} != 100000 ]] && marker=size-${SIZES[0]}
    if grep -q "<!-- bench:$marker:begin -->" "$DOCS"; then
      awk -v begin="<!-- bench:$marker:begin -->" -v end="<!-- bench:$marker:end -->" -v file="$out" '
        $0 == begin { print; while ((getline line < file) > 0) print line; skip = 1; next }
        $0 == end { skip = 0 }
        !skip { print }' "$DOCS" >"$DOCS.tmp" && mv "$DOCS.tmp" "$DOCS"
      log "wrote the figures into docs/benchmarks.md ($marker)"
    else
      log "docs/benchmarks.md has no bench:$marker section; the report is in $out"
    fi
  fi
}

# --- main ---------------------------------------------------------------------------------------
RUN_START=$SECONDS
mkdir -p "$WORK"
rm -f "$RESULTS"
PROBLEMS=()
declare -A SEED_TIMES
need_tools
build_jar
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "mode $MODE, catalog sizes ${SIZES[*]}, load average $LOAD_BEFORE on $(nproc) cores"
JWT_SECRET=$(secret)
ADMIN_SECRET=$(secret)
start_database
for size in "${SIZES[@]}"; do
  run_size "$size"
  SEED_TIMES[$size]=$SEED_SECONDS
done
check_results
report
log "finished in $((SECONDS - RUN_START)) s"
if ((${#PROBLEMS[@]})); then
  printf '  - %s\n' "${PROBLEMS[@]}" >&2
  die "${#PROBLEMS[@]} problem(s) above"
fi
