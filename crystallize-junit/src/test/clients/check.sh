#!/usr/bin/env bash
# Real clients of the crystallize engine: Maven Surefire and the JUnit console launcher.
#
# Run after installing the reactor:   mvn -B -ntp install -DskipTests && crystallize-junit/src/test/clients/check.sh
# Environment: SUREFIRE_VERSIONS (default "3.2.5 3.5.2 3.5.4"), JUNIT_VERSION (console launcher),
#              MAVEN_ARGS (extra arguments for every mvn call, e.g. -Dmaven.repo.local=... or -o), KEEP=1.
# Builds copies of surefire-project/ (so the source tree stays clean), then asserts
#  1. per Surefire version, TEST-*.xml and the console: one test case per treatment test named
#     method[treatment], totals counting each, no "Run 1/Run 2", every test case's verdict line in its
#     system-out, the verdict table in the console, the plain Jupiter test beside it;
#  2. an invalid crystallize.* value fails the crystallize engine once while Jupiter's test passes,
#     and a misspelled key is one warning with the key it meant;
#  3. an experiment Surefire's default includes leave out is named in a warning, unless -Dtest chose;
#  4. the console launcher selecting one hypothesis by method, and one treatment by unique id.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
junit_version="${JUNIT_VERSION:-6.1.3}"
surefire_versions="${SUREFIRE_VERSIONS:-3.2.5 3.5.2 3.5.4}"
read -r -a maven_args <<< "${MAVEN_ARGS:-}"
# MAVEN_REPO_LOCAL picks another local repository (default: Maven's own)
mvn_() { mvn -B -ntp ${MAVEN_REPO_LOCAL:+"-Dmaven.repo.local=$MAVEN_REPO_LOCAL"} "${maven_args[@]}" "$@"; }
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
fail() { echo "client check FAILED: $*" >&2; exit 1; }

project() { # a fresh copy of the user project in $work/$1
    rm -rf "${work:?}/$1"
    cp -R "$here/surefire-project/." "$work/$1/"
    cd "$work/$1"
}

experiment_report=target/surefire-reports/TEST-io.crystallize.clients.CheckoutExperimentTest.xml
jupiter_report=target/surefire-reports/TEST-io.crystallize.clients.BasketTest.xml

for surefire in $surefire_versions; do
    echo "== Surefire $surefire =="
    project "surefire-$surefire"
    # everyOfferRaisesRevenue[free_shipping] fails on purpose; the check reads the reports
    mvn_ test -Dsurefire.version="$surefire" -Dmaven.test.failure.ignore=true > surefire.log 2>&1 \
        || { cat surefire.log; fail "mvn test did not run"; }
    # the processor ran (annotationProcessorPaths), so the engine used its generated class, not the runtime reader
    [ -f target/test-classes/io/crystallize/clients/CheckoutExperimentTest_CrystallizePipeline.class ] \
        || fail "the processor generated no CheckoutExperimentTest_CrystallizePipeline"
    grep -q 'compiled without crystallize-processor' surefire.log && { cat surefire.log; fail "the runtime reader was used"; }
    [ -f "$experiment_report" ] || { ls target/surefire-reports || true; fail "no $experiment_report"; }
    python3 - "$experiment_report" "$jupiter_report" <<'PY' || { cat surefire.log; fail "unexpected test cases in $experiment_report (Surefire $surefire)"; }
import re, sys, xml.etree.ElementTree as ET
suite = ET.parse(sys.argv[1]).getroot()
assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "0"), suite.attrib
cases = suite.findall("testcase")
names = sorted(c.get("name") for c in cases)
assert names == ["everyOfferRaisesRevenue[free_shipping]", "everyOfferRaisesRevenue[upsell]",
                 "upsellRaisesRevenue[upsell]"], names
assert all(c.get("classname") == "io.crystallize.clients.CheckoutExperimentTest" for c in cases)
failed = [c for c in cases if c.find("failure") is not None]
assert [c.get("name") for c in failed] == ["everyOfferRaisesRevenue[free_shipping]"], failed
message = failed[0].find("failure").get("message")
assert message.startswith("revenue: free_shipping") and "NOT_SUPPORTED" in message, message
assert failed[0].find("failure").get("type") == "org.opentest4j.AssertionFailedError"
line = re.compile(r"^(\w+)\[(\w+)\]: revenue: (\w+) [\d.]+ vs baseline [\d.]+ \([+-][\d.]+%, 95% CI \[[^]]+\]\), "
                  r"paired t p=\S+ \(holm \S+\) [<>]=? 0\.05, 6 pairs — (SUPPORTED|NOT_SUPPORTED)$", re.I)
for case in cases:  # passing ones too
    out = (case.findtext("system-out") or "").strip()
    match = line.match(out)
    assert match, (case.get("name"), out)
    assert case.get("name") == f"{match[1]}[{match[2]}]" and match[2] == match[3], out
    assert (match[4] == "NOT_SUPPORTED") == (case.find("failure") is not None), out
jupiter = ET.parse(sys.argv[2]).getroot()
assert (jupiter.get("tests"), jupiter.get("failures"), jupiter.get("errors")) == ("1", "0", "0"), jupiter.attrib
PY
    grep -q 'Tests run: 4, Failures: 1, Errors: 0, Skipped: 0$' surefire.log \
        || { cat surefire.log; fail "console totals should count every treatment test (Surefire $surefire)"; }
    grep -q 'Run 1:' surefire.log && { cat surefire.log; fail "a treatment test looks like a rerun (Surefire $surefire)"; }
    grep -q 'Crystallize verdicts of CheckoutExperimentTest (6 replicates, master seed 11):' surefire.log \
        || { cat surefire.log; fail "no verdict table in the console (Surefire $surefire)"; }
    grep -Eq '^  everyOfferRaisesRevenue\[free_shipping\] +revenue +NOT_SUPPORTED +-[0-9.]+% \[' surefire.log \
        || { cat surefire.log; fail "no table row for everyOfferRaisesRevenue[free_shipping] (Surefire $surefire)"; }
    python3 - target/crystallize/CheckoutExperimentTest/v0/metadata.json <<'PY' || fail "metadata.json should name the crystallize version"
import json, sys
version = json.load(open(sys.argv[1]))["environment"]["libraries"]["crystallize"]
assert version not in ("", "unknown"), version
PY
done

echo "== configuration mistakes =="
project config
mvn_ test -Dmaven.test.failure.ignore=true -Dcrystallize.execution.parallelism=abc \
    -Dcrystallize.overide.replicates=5 > config.log 2>&1 || { cat config.log; fail "mvn test did not run"; }
python3 - "$jupiter_report" target/surefire-reports/TEST-Crystallize.xml <<'PY' || { cat config.log; fail "an invalid value should fail the engine once and leave Jupiter alone"; }
import sys, xml.etree.ElementTree as ET
jupiter = ET.parse(sys.argv[1]).getroot()
assert (jupiter.get("tests"), jupiter.get("failures"), jupiter.get("errors")) == ("1", "0", "0"), jupiter.attrib
engine = ET.parse(sys.argv[2]).getroot()
errors = [c.find("error") for c in engine.findall("testcase") if c.find("error") is not None]
assert len(errors) == 1, engine.attrib
assert errors[0].get("message") == ("configuration parameter crystallize.execution.parallelism=abc is invalid: "
                                    "expected a positive integer or auto (see io.crystallize.junit.Constants)"), errors[0].attrib
PY
grep -q 'There was an error in the forked process' config.log && { cat config.log; fail "the fork died"; }
[ "$(grep -c "unknown configuration parameter crystallize.overide.replicates (did you mean 'crystallize.override.replicates'?)" config.log)" -eq 1 ] \
    || { cat config.log; fail "expected one warning for the misspelled key"; }

echo "== experiments Surefire's includes leave out =="
project includes
sed 's/CheckoutExperimentTest/LatencyExperiment/g' src/test/java/io/crystallize/clients/CheckoutExperimentTest.java \
    > src/test/java/io/crystallize/clients/LatencyExperiment.java
mvn_ test -Dmaven.test.failure.ignore=true > includes.log 2>&1 || { cat includes.log; fail "mvn test did not run"; }
[ ! -f target/surefire-reports/TEST-io.crystallize.clients.LatencyExperiment.xml ] || fail "LatencyExperiment ran"
[ "$(grep -c "did not run because Surefire's <includes>.*do not match them: io.crystallize.clients.LatencyExperiment\. Add <include>\*\*/\*Experiment.java</include>" includes.log)" -eq 1 ] \
    || { cat includes.log; fail "expected one warning naming LatencyExperiment and the include to add"; }
mvn_ test -Dmaven.test.failure.ignore=true -Dtest=BasketTest > chosen.log 2>&1 || { cat chosen.log; fail "mvn test did not run"; }
grep -q 'Tests run: 1, Failures: 0' chosen.log || { cat chosen.log; fail "-Dtest=BasketTest did not run BasketTest"; }
grep -q "Surefire's <includes>" chosen.log && { cat chosen.log; fail "-Dtest chose the tests: no warning expected"; }

echo "== console launcher =="
project console
mvn_ -q test-compile > /dev/null
mvn_ -q dependency:copy -Dartifact="org.junit.platform:junit-platform-console-standalone:$junit_version" \
    -DoutputDirectory=launcher > /dev/null
mvn_ -q dependency:build-classpath -Dmdep.outputFile=classpath.txt -Dmdep.includeScope=test \
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
