#!/usr/bin/env bash
# Real clients of the crystallize engine: Maven Surefire and the JUnit console launcher.
#
# Run after installing the reactor:   mvn -B -ntp install -DskipTests && crystallize-junit/src/test/clients/check.sh
# Builds a copy of surefire-project/ (so the source tree stays clean), then asserts
#  1. Surefire's TEST-*.xml: test names, counts and the one expected failure with its verdict line;
#  2. the console launcher selecting one hypothesis by method, and one treatment by unique id.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
junit_version="${JUNIT_VERSION:-6.1.3}"
# MAVEN_REPO_LOCAL picks another local repository (default: Maven's own)
mvn() { command mvn ${MAVEN_REPO_LOCAL:+"-Dmaven.repo.local=$MAVEN_REPO_LOCAL"} "$@"; }
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
cp -R "$here/surefire-project/." "$work/"
cd "$work"

fail() { echo "client check FAILED: $*" >&2; exit 1; }

echo "== Surefire =="
# everyOfferRaisesRevenue[free_shipping] fails on purpose; the check reads the reports
mvn -B -ntp -q test -Dmaven.test.failure.ignore=true > surefire.log 2>&1 || { cat surefire.log; fail "mvn test did not run"; }
# the processor ran (annotationProcessorPaths), so the engine used its generated class, not the runtime reader
[ -f target/test-classes/io/crystallize/clients/CheckoutExperimentTest_CrystallizePipeline.class ] \
    || fail "the processor generated no CheckoutExperimentTest_CrystallizePipeline"
grep -q 'compiled without crystallize-processor' surefire.log && { cat surefire.log; fail "the runtime reader was used"; }
report=target/surefire-reports/TEST-io.crystallize.clients.CheckoutExperimentTest.xml
[ -f "$report" ] || { ls target/surefire-reports || true; fail "no $report"; }
grep -q 'tests="3"' "$report" || fail "expected 3 tests in $report"
grep -q 'failures="1"' "$report" || fail "expected 1 failure in $report"
grep -q 'errors="0"' "$report" || fail "expected 0 errors in $report"
python3 - "$report" <<'PY' || fail "unexpected test cases or failure in $report"
import sys, xml.etree.ElementTree as ET
cases = ET.parse(sys.argv[1]).getroot().findall("testcase")
failed = [c for c in cases if c.find("failure") is not None]
# Surefire 3.5.4 names a test with a parameterless MethodSource by its method, not by the
# legacy reporting name method[treatment]; the treatment shows in the message
names = sorted(c.get("name") for c in cases)
assert names == ["everyOfferRaisesRevenue", "everyOfferRaisesRevenue", "upsellRaisesRevenue"], names
assert all(c.get("classname") == "io.crystallize.clients.CheckoutExperimentTest" for c in cases)
assert [c.get("name") for c in failed] == ["everyOfferRaisesRevenue"], failed
message = failed[0].find("failure").get("message")
assert message.startswith("revenue: free_shipping") and "NOT_SUPPORTED" in message, message
assert failed[0].find("failure").get("type") == "org.opentest4j.AssertionFailedError"
PY
ls target/crystallize/CheckoutExperimentTest/v0/metadata.json > /dev/null || fail "no results written"

echo "== console launcher =="
mvn -B -ntp -q dependency:copy -Dartifact="org.junit.platform:junit-platform-console-standalone:$junit_version" \
    -DoutputDirectory=launcher > /dev/null
mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile=classpath.txt -Dmdep.includeScope=test \
    -Dmdep.excludeGroupIds=org.junit.platform,org.junit.jupiter,org.opentest4j,org.apiguardian > /dev/null
classpath="target/test-classes:$(cat classpath.txt)"
launcher="launcher/junit-platform-console-standalone-$junit_version.jar"

java -jar "$launcher" execute --disable-banner --details=tree --class-path "$classpath" \
    --config crystallize.artifacts.root=target/console \
    --select-method io.crystallize.clients.CheckoutExperimentTest#upsellRaisesRevenue > by-method.log 2>&1 \
    || { cat by-method.log; fail "selecting upsellRaisesRevenue did not pass"; }
grep -q '1 tests successful' by-method.log || { cat by-method.log; fail "expected 1 successful test by method"; }
grep -q '0 tests failed' by-method.log || { cat by-method.log; fail "expected no failure by method"; }
grep -q 'everyOfferRaisesRevenue' by-method.log && { cat by-method.log; fail "method selection ran another hypothesis"; }

uid='[engine:crystallize]/[experiment:io.crystallize.clients.CheckoutExperimentTest]/[hypothesis:everyOfferRaisesRevenue]/[treatment:free_shipping]'
set +e
java -jar "$launcher" execute --disable-banner --details=tree --class-path "$classpath" \
    --config crystallize.artifacts.root=target/console --select-unique-id "$uid" > by-unique-id.log 2>&1
status=$?
set -e
[ "$status" -eq 1 ] || { cat by-unique-id.log; fail "expected exit code 1 (one failing test), got $status"; }
grep -q '1 tests failed' by-unique-id.log || { cat by-unique-id.log; fail "expected 1 failed test by unique id"; }
grep -q '1 tests found' by-unique-id.log || { cat by-unique-id.log; fail "expected exactly 1 test by unique id"; }
grep -q 'NOT_SUPPORTED' by-unique-id.log || { cat by-unique-id.log; fail "expected the verdict line"; }

echo "client check passed"
