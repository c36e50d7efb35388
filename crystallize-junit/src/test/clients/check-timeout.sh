#!/usr/bin/env bash
# The engine's time limit under real Maven Surefire: experiments that hang must not hang the build.
#
# Run after installing the reactor:  mvn -B -ntp install -DskipTests && crystallize-junit/src/test/clients/check-timeout.sh
# Extra arguments go to mvn (e.g. -o -Dmaven.repo.local=...). Builds a copy of timeout-project/ with
# -Dcrystallize.execution.timeout=3s, where one experiment sleeps forever and one spins forever past
# interrupts, then asserts that
#  1. `mvn test` ended within a minute (a hard kill at 5 minutes keeps CI from hanging if it did not);
#  2. each stuck experiment failed with a TimeoutException naming its stuck run, and how it ended;
#  3. the healthy experiment and a Jupiter test in the same build passed;
#  4. the finished runs of the stuck experiments were written (not marked complete).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
cp -R "$here/timeout-project/." "$work/"
cd "$work"

fail() { echo "time-limit check FAILED: $*" >&2; exit 1; }

# compiled first, so the measured `mvn test` is what a user waits for with an up-to-date build
mvn -B -ntp -q test-compile "$@" > compile.log 2>&1 || { cat compile.log; fail "the project did not compile"; }
start=$(date +%s)
status=0
timeout 300 mvn -B -ntp test -Dcrystallize.execution.timeout=3s -Dmaven.test.failure.ignore=true "$@" \
    > surefire.log 2>&1 || status=$?
took=$(( $(date +%s) - start ))
[ "$status" -ne 124 ] || { tail -50 surefire.log; fail "mvn test was still running after 300 s"; }
[ "$status" -eq 0 ] || { tail -80 surefire.log; fail "mvn test exited with $status"; }
echo "mvn test with two hanging experiments ended in ${took} s"
[ "$took" -lt 60 ] || fail "mvn test took ${took} s, expected well under a minute"

python3 - target/surefire-reports <<'PY' || fail "unexpected Surefire reports"
import glob, os, sys, xml.etree.ElementTree as ET
reports = sys.argv[1]
def cases(name):
    path = os.path.join(reports, "TEST-io.crystallize.clients.%s.xml" % name)
    assert os.path.exists(path), (path, sorted(os.listdir(reports)))
    return ET.parse(path).getroot().findall("testcase")
def problems(case):
    return [p for p in list(case) if p.tag in ("failure", "error")]
for name, step, how in [("SleepingExperimentTest", "waitForever", "interrupted"),
                        ("SpinningExperimentTest", "spinForever", "abandoned, still running")]:
    failed = [p for c in cases(name) for p in problems(c)]
    assert len(failed) == 1, (name, [(p.tag, p.get("message")) for p in failed])
    message = failed[0].get("message") or ""
    assert failed[0].get("type") == "java.util.concurrent.TimeoutException", failed[0].get("type")
    expected = ("experiment '%s' exceeded its time limit of PT3S" % name, "2 of 6 runs finished",
                "stuck at the limit: baseline_rep_1 in step '%s' (%s)" % (step, how))
    for part in expected:
        assert part in message, (name, part, message)
    print("%s: %s" % (name, message.splitlines()[0]))
for name in ("HealthyExperimentTest", "PlainJupiterTest"):
    found = cases(name)
    assert found and not any(problems(c) or c.find("skipped") is not None for c in found), \
        (name, [ET.tostring(c)[:300] for c in found])
    print("%s: %d passed" % (name, len(found)))
PY

for name in SleepingExperimentTest SpinningExperimentTest; do
    version="target/crystallize/$name/v0"
    [ -f "$version/faster/results.json" ] || fail "no results written for $name's finished runs"
    grep -q '"throughput":\[' "$version/faster/results.json" || fail "$name's finished runs lost their values"
    [ ! -e "$version/baseline/.crystallize_complete" ] || fail "$name's partial version is marked complete"
done
echo "time-limit check passed"
