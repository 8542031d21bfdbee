#!/usr/bin/env bash
# Requests per second of the hello example served by fnkit, against a bare Jetty servlet on /*
# doing the same work (the floor), measured in one run with wrk and reported as a ratio.
#
#   benchmarks/http-throughput.sh            # 20 s warm-up each, then 5 alternating rounds of 10 s
#   ROUNDS=5 DURATION=20s CONNECTIONS=128 JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java benchmarks/http-throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-1}
JAVA=${JAVA:-java}
FNKIT_PORT=${FNKIT_PORT:-18090}
BARE_PORT=${BARE_PORT:-18091}
URL_PATH='/?name=Ada'

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q wrk >/dev/null; else echo "install wrk first" >&2; exit 1; fi
fi
if [ ! -f runtime-jetty/target/fnkit-runtime.jar ] || [ ! -f benchmarks/target/bare-jetty.jar ] \
  || [ ! -f examples/hello/target/hello.jar ] || [ "${BUILD:-0}" = 1 ]; then
  ./mvnw -B -q package -DskipTests
fi

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

"$JAVA" -jar runtime-jetty/target/fnkit-runtime.jar --code examples/hello/target/hello.jar \
  --port "$FNKIT_PORT" >/dev/null 2>&1 &
pids+=($!)
"$JAVA" -jar benchmarks/target/bare-jetty.jar "$BARE_PORT" >/dev/null 2>&1 &
pids+=($!)
for port in "$FNKIT_PORT" "$BARE_PORT"; do
  for _ in $(seq 200); do curl -sf "http://127.0.0.1:$port$URL_PATH" >/dev/null && break; sleep 0.05; done
done

rps() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" "http://127.0.0.1:$2$URL_PATH" | awk '/Requests\/sec/ {print $2}'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }

echo "warming up both servers (JIT) ..."
rps 20s "$FNKIT_PORT" >/dev/null
rps 20s "$BARE_PORT" >/dev/null

fnkit_runs=(); bare_runs=()
for round in $(seq "$ROUNDS"); do
  f=$(rps "$DURATION" "$FNKIT_PORT"); b=$(rps "$DURATION" "$BARE_PORT")
  fnkit_runs+=("$f"); bare_runs+=("$b")
  echo "round $round: fnkit hello $f req/s, bare servlet $b req/s"
done
fnkit=$(printf '%s\n' "${fnkit_runs[@]}" | median)
bare=$(printf '%s\n' "${bare_runs[@]}" | median)
echo "java: $("$JAVA" -version 2>&1 | head -1); cores: $(nproc); wrk -t$THREADS -c$CONNECTIONS -d$DURATION x $ROUNDS"
echo "median: fnkit hello $fnkit req/s, bare servlet $bare req/s"
awk -v f="$fnkit" -v b="$bare" 'BEGIN { printf "ratio fnkit/bare: %.2f\n", f / b }'
