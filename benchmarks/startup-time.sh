#!/usr/bin/env bash
# Milliseconds from `java` start to the first answered request, for the hello example served by
# fnkit and for a bare Jetty servlet (the floor), measured in one run; medians and their ratio.
#
#   benchmarks/startup-time.sh               # 10 runs each
#   RUNS=20 JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java benchmarks/startup-time.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-10}
JAVA=${JAVA:-java}
PORT=${PORT:-18092}

if [ ! -f runtime-jetty/target/fnkit-runtime.jar ] || [ ! -f benchmarks/target/bare-jetty.jar ] \
  || [ ! -f examples/hello/target/hello.jar ] || [ "${BUILD:-0}" = 1 ]; then
  ./mvnw -B -q package -DskipTests
fi

# Starts the command, polls until it answers, prints the elapsed milliseconds, stops it.
first_answer_ms() {
  local start end pid
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/?name=Ada"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "server exited" >&2; return 1; fi
    sleep 0.005
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }

fnkit_runs=(); bare_runs=()
for run in $(seq "$RUNS"); do
  f=$(first_answer_ms "$JAVA" -jar runtime-jetty/target/fnkit-runtime.jar \
    --code examples/hello/target/hello.jar --port "$PORT")
  b=$(first_answer_ms "$JAVA" -jar benchmarks/target/bare-jetty.jar "$PORT")
  fnkit_runs+=("$f"); bare_runs+=("$b")
  echo "run $run: fnkit hello $f ms, bare servlet $b ms"
done
fnkit=$(printf '%s\n' "${fnkit_runs[@]}" | median)
bare=$(printf '%s\n' "${bare_runs[@]}" | median)
echo "java: $("$JAVA" -version 2>&1 | head -1); cores: $(nproc); $RUNS runs each"
echo "median time to first answer: fnkit hello $fnkit ms, bare servlet $bare ms"
awk -v f="$fnkit" -v b="$bare" 'BEGIN { printf "ratio fnkit/bare: %.2f\n", f / b }'
