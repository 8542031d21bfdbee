#!/usr/bin/env bash
# Builds the runtime, builder and baked images with podman on the local base image and proves them
# by running them. Needs: podman, runc, debootstrap (see .ci/run), and `./mvnw install` done.
# Prints "N passed, M failed" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
PODMAN="podman --runtime runc"
BASE=localhost/fnkit-base:test
started=$(date +%s)
passed=0; failed=0
pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }
wait_http() { for _ in $(seq 150); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; return 1; }
# Names unique to this run, so a container left over by an interrupted run cannot get in the way.
run_id=$$
HELLO=fnkit-t-hello-$run_id; OPR=fnkit-t-opr-$run_id; SLOW=fnkit-t-slow-$run_id; M2=fnkit-t-m2-$run_id
work=$(mktemp -d /var/tmp/fnkit-container-test.XXXXXX)
cleanup() {
  $PODMAN rm -f "$HELLO" "$OPR" "$SLOW" >/dev/null 2>&1 || true
  $PODMAN volume rm -f "$M2" >/dev/null 2>&1 || true
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

bash container/build-base-image.sh

echo "== images"
$PODMAN build -q --build-arg BASE_IMAGE=$BASE -f container/runtime/Dockerfile \
  -t localhost/fnkit-runtime:test runtime-jetty/target >/dev/null || { echo "FAIL runtime image build"; exit 1; }
$PODMAN build -q --build-arg RUNTIME_IMAGE=localhost/fnkit-runtime:test \
  -f container/examples/hello.Dockerfile -t localhost/fnkit-hello:test examples/hello/target >/dev/null \
  || { echo "FAIL hello image build"; exit 1; }
# The builder's context: its files, fnkit's artifacts as a repository, and the Maven wrapper.
mkdir -p "$work/builder/fnkit-repository/dev" "$work/builder/maven"
cp container/builder/Dockerfile container/builder/settings.xml container/builder/fnkit-build "$work/builder/"
cp -r "${HOME:-/root}/.m2/repository/dev/fnkit" "$work/builder/fnkit-repository/dev/"
cp -r mvnw .mvn "$work/builder/maven/"
$PODMAN build -q --build-arg BASE_IMAGE=$BASE -f "$work/builder/Dockerfile" \
  -t localhost/fnkit-builder:test "$work/builder" >/dev/null || { echo "FAIL builder image build"; exit 1; }

echo "== 1. the hello example baked into an image answers over a published port"
$PODMAN run -d --name $HELLO -p 127.0.0.1:18181:8080 localhost/fnkit-hello:test >/dev/null
check "hello answers" wait_http "http://127.0.0.1:18181/?name=Ada"
check "hello greets Ada" test "$(curl -s 'http://127.0.0.1:18181/?name=Ada')" = "Hello, Ada!"
check "health endpoint" test "$(curl -s http://127.0.0.1:18181/__fnkit/health)" = "OK"

echo "== 4. the runtime runs as a non-root user"
check "uid is 65532" test "$($PODMAN exec $HELLO id -u)" = "65532"
check "java (PID 1) runs as 65532" test "$($PODMAN exec $HELLO stat -c %u /proc/1)" = "65532"
$PODMAN rm -f $HELLO >/dev/null

echo "== 2. the builder turns the hello source into code.tar.gz; Open Runtimes mode serves it"
mkdir -p "$work/source" "$work/logs"
cp -r examples/hello/src examples/hello/pom.xml "$work/source/"
$PODMAN volume create $M2 >/dev/null
# This workplace reaches Maven Central through a TLS proxy whose CA only the host trusts: lend the
# builder the host's Java trust store. (A builder on a normal network needs nothing of the kind.)
TRUST=()
if [ -f /etc/ssl/certs/java/cacerts ]; then TRUST=(-v /etc/ssl/certs/java/cacerts:/etc/ssl/certs/java/cacerts:ro); fi
build_started=$(date +%s)
$PODMAN run --rm "${TRUST[@]}" -v "$work/source:/mnt/code" -v $M2:/cache localhost/fnkit-builder:test > "$work/build1.log" 2>&1
check "builder succeeds" grep -q "fnkit-build: wrote /mnt/code/code.tar.gz" "$work/build1.log"
check "builder ran the tests" grep -q "Tests run: 3, Failures: 0" "$work/build1.log"
echo "   first build: $(( $(date +%s) - build_started )) s"
check "code.tar.gz holds the jar" sh -c "tar -tzf '$work/source/code.tar.gz' | grep -q 'hello.jar'"
echo "// a source change" >> "$work/source/src/main/java/dev/fnkit/examples/hello/Hello.java"
build_started=$(date +%s)
SKIP=$($PODMAN run --rm "${TRUST[@]}" -e SKIP_TESTS=true -v "$work/source:/mnt/code" -v $M2:/cache localhost/fnkit-builder:test 2>&1)
check "rebuild succeeds" sh -c "echo \"\$1\" | grep -q 'fnkit-build: wrote'" _ "$SKIP"
echo "   rebuild after a source change: $(( $(date +%s) - build_started )) s"
check "rebuild downloads nothing (dependency cache)" sh -c "! echo \"\$1\" | grep -q 'Downloading from'" _ "$SKIP"
check "rebuild skips tests when told" sh -c "! echo \"\$1\" | grep -q 'Tests run:'" _ "$SKIP"
chmod 777 "$work/logs"
$PODMAN run -d --name $OPR -p 127.0.0.1:18182:3000 \
  -e FUNCTION_PROTOCOL=open-runtimes -e OPEN_RUNTIMES_SECRET=s3cret \
  -v "$work/source/code.tar.gz:/mnt/code/code.tar.gz:ro" -v "$work/logs:/mnt/logs" \
  localhost/fnkit-runtime:test >/dev/null
check "Open Runtimes health" wait_http "http://127.0.0.1:18182/__opr/health"
check "wrong secret is 401" test "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18182/)" = "401"
check "secret-protected invocation" test "$(curl -s -H 'x-open-runtimes-secret: s3cret' -H 'x-open-runtimes-log-id: ctr1' 'http://127.0.0.1:18182/?name=Opr')" = "Hello, Opr!"
check "log file written" test "$(cat "$work/logs/ctr1_logs.log" 2>/dev/null)" = "greeting Opr"
check "startup message" sh -c "$PODMAN logs $OPR 2>&1 | grep -qx 'HTTP server successfully started!'"
$PODMAN rm -f $OPR >/dev/null

echo "== 3. SIGTERM under load: in-flight requests complete, exit 0 within the grace period"
mkdir -p "$work/slow/classes"
javac -d "$work/slow/classes" -cp function-sdk/target/classes container/test/slow/Slow.java
$PODMAN run -d --name $SLOW -p 127.0.0.1:18183:8080 -e FUNCTION_SHUTDOWN_GRACE=10s \
  -v "$work/slow/classes:/mnt/code:ro" localhost/fnkit-runtime:test >/dev/null
check "slow function ready" wait_http "http://127.0.0.1:18183/__fnkit/ready"
for i in $(seq 20); do
  curl -s -o "$work/slow/answer.$i" -w '%{http_code}' "http://127.0.0.1:18183/?ms=2000" > "$work/slow/status.$i" &
done
sleep 0.8
stop_started=$(date +%s%N)
$PODMAN stop -t 10 $SLOW >/dev/null
stop_ms=$(( ($(date +%s%N) - stop_started) / 1000000 ))
wait
ok=$(grep -lx 200 "$work"/slow/status.* | wc -l)
check "all 20 in-flight requests answered 200 (got $ok)" test "$ok" = 20
check "exit code 0" test "$($PODMAN inspect $SLOW --format '{{.State.ExitCode}}')" = "0"
check "stopped within the grace period (${stop_ms} ms)" test "$stop_ms" -lt 10000
check "graceful stop logged" sh -c "$PODMAN logs $SLOW 2>&1 | grep -q 'fnkit: stopped'"

echo "== image sizes"
$PODMAN images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E 'fnkit-(base|runtime|hello|builder)'
echo "container tests took $(( $(date +%s) - started )) s"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
