#!/usr/bin/env bash
# The README's console-launcher selections against the samples: one hypothesis by method, one
# treatment by unique id; then a long execution's progress lines and the report's path on the
# launcher's output. Needs the reactor installed (mvn install -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../samples"
version=$(sed -n "s|.*<junit.version>\(.*\)</junit.version>.*|\1|p" ../pom.xml)
work=target/launcher
mkdir -p "$work"
mvn -B -ntp -q dependency:copy -Dartifact="org.junit.platform:junit-platform-console-standalone:$version" \
    -DoutputDirectory="$work" > /dev/null
mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" -Dmdep.includeScope=test \
    -Dmdep.excludeGroupIds=org.junit.platform,org.junit.jupiter,org.opentest4j,org.apiguardian > /dev/null
classpath="target/test-classes:$(cat "$work/classpath.txt")"
launcher="$work/junit-platform-console-standalone-$version.jar"
run() {
    java -jar "$launcher" execute --disable-banner --details=tree --class-path "$classpath" \
        --config crystallize.artifacts.root=target/launcher/results "$@"
}
fail() { echo "launcher check FAILED: $1" >&2; cat "$2" >&2; exit 1; }

run --select-method io.crystallize.samples.cache.CacheEvictionExperiment#lruBeatsFifo > "$work/method.log" 2>&1 \
    || fail "selecting lruBeatsFifo by method did not pass" "$work/method.log"
grep -q '1 tests successful' "$work/method.log" || fail "expected exactly 1 successful test" "$work/method.log"
grep -q 'lfuNotWorseThanLru' "$work/method.log" && fail "method selection ran another hypothesis" "$work/method.log"

run --select-unique-id '[engine:crystallize]/[experiment:io.crystallize.samples.cache.CacheEvictionExperiment]/[hypothesis:lruBeatsFifo]/[treatment:fifo]' \
    > "$work/unique-id.log" 2>&1 || fail "selecting the fifo treatment by unique id did not pass" "$work/unique-id.log"
grep -q '1 tests found' "$work/unique-id.log" || fail "expected exactly 1 test by unique id" "$work/unique-id.log"
grep -q '1 tests successful' "$work/unique-id.log" || fail "expected it to pass" "$work/unique-id.log"
# progress of a long execution, and the run's report, on the launcher's console
run --config crystallize.progress=100ms --config crystallize.reuse=never --select-class io.crystallize.samples.cache.CacheEvictionExperiment \
    > "$work/progress.log" 2>&1 || fail "the cache sample did not pass under the console launcher" "$work/progress.log"
grep -Eq 'crystallize: CacheEvictionExperiment [0-9]+/90 runs \([0-9]+%\), [0-9.]+ runs/s' "$work/progress.log" \
    || fail "no progress line on the console launcher's output" "$work/progress.log"
grep -q 'crystallize: report of 1 experiment: file://' "$work/progress.log" \
    || fail "the report's path is not on the console launcher's output" "$work/progress.log"
echo "console launcher selections on the samples: ok"
