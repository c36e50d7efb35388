#!/usr/bin/env bash
# The crystallize engine in a user's build on every supported JUnit line, through org.junit:junit-bom.
#
# Run after installing the reactor:   mvn -B -ntp install -DskipTests && crystallize-junit/src/test/clients/compat.sh
# MAVEN_REPO_LOCAL picks another local repository (default: Maven's own); JUNIT_VERSIONS another matrix.
# For each JUnit version, a copy of compat-project/ with the version as a property:
#  1. mvn test: the experiment's two hypotheses and a plain Jupiter test pass, on that JUnit's platform;
#  2. mvn test -Dtest=GateDemoExperiment: the build fails on the gate's NOT_SUPPORTED verdict.
# Then the degraded and refused cases:
#  3. the engine names no JUnit API that Platform 1.10 lacks, outside its adapters;
#  4. on JUnit 5.10 (no discovery issues), a bad configuration value fails the build, naming the
#     key, while the Jupiter test still passes;
#  5. on JUnit 5.9, the engine fails with one error naming the platform found and the supported range,
#     and the Jupiter test still passes.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
versions="${JUNIT_VERSIONS:-5.10.5 5.14.4 6.0.3 6.1.3}"
floor=5.10.5
repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
mvn_args=(-B -ntp "-Dmaven.repo.local=$repo")
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

fail() { echo "compat check FAILED: $*" >&2; exit 1; }

# platform version of a JUnit release: 5.x.y ships Platform 1.x.y, 6.x.y ships Platform 6.x.y
platform_of() { case "$1" in 5.*) echo "1.${1#5.}" ;; *) echo "$1" ;; esac; }

# asserts the Surefire reports of one run: "Class:tests:failures+errors" for every report expected
reports() {
    python3 - "$@" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
directory, platform, expected = sys.argv[1], sys.argv[2], sys.argv[3:]
found = {}
for f in glob.glob(directory + "/target/surefire-reports/TEST-*.xml"):
    root = ET.parse(f).getroot()
    found[root.get("name")] = root
for spec in expected:
    name, tests, failed = spec.split(":")
    root = found.get(name)
    assert root is not None, f"no report for {name}; reports: {sorted(found)}"
    got = (root.get("tests"), int(root.get("failures")) + int(root.get("errors")))
    assert got == (tests, int(failed)), f"{name}: expected {tests} tests, {failed} failed; got {got}"
    classpath = next((p.get("value") for p in root.iter("property") if p.get("name") == "surefire.test.class.path"), "")
    assert f"junit-platform-engine-{platform}.jar" in classpath, f"{name} did not run on Platform {platform}"
PY
}

project() {
    local dir="$work/junit-$1"
    if [ ! -d "$dir" ]; then
        mkdir -p "$dir"
        cp -R "$here/compat-project/." "$dir/"
    fi
    echo "$dir"
}

for version in $versions; do
    platform="$(platform_of "$version")"
    dir="$(project "$version")"
    echo "== JUnit $version (Platform $platform) =="
    # the first build of a version may download its JUnit; every later one is offline
    (cd "$dir" && mvn "${mvn_args[@]}" test "-Djunit.version=$version" > test.log 2>&1) \
        || { tail -80 "$dir/test.log"; fail "JUnit $version: mvn test failed"; }
    reports "$dir" "$platform" io.crystallize.compat.ShippingExperiment:2:0 io.crystallize.compat.DeliveryEstimateTest:1:0 \
        || fail "JUnit $version: unexpected Surefire reports"
    grep -q 'Tests run: 3, Failures: 0, Errors: 0, Skipped: 0' "$dir/test.log" \
        || { tail -40 "$dir/test.log"; fail "JUnit $version: expected 3 tests in total"; }

    rm -rf "$dir/target/surefire-reports"
    if (cd "$dir" && mvn "${mvn_args[@]}" -o test "-Djunit.version=$version" -Dtest=GateDemoExperiment > gate.log 2>&1); then
        tail -40 "$dir/gate.log"; fail "JUnit $version: the gate demonstration passed"
    fi
    grep -q 'NOT_SUPPORTED' "$dir/gate.log" || { tail -60 "$dir/gate.log"; fail "JUnit $version: the gate failed without a verdict"; }
    reports "$dir" "$platform" io.crystallize.compat.GateDemoExperiment:1:1 || fail "JUnit $version: unexpected gate reports"
    echo "JUnit $version: experiments and Jupiter pass, the gate fails on its verdict"
done

echo "== the engine links against Platform $(platform_of $floor) outside its adapters =="
platform_jar() { echo "$repo/org/junit/platform/junit-platform-$1/$2/junit-platform-$1-$2.jar"; }
[ -f "$(platform_jar engine "$(platform_of $floor)")" ] || (cd "$(project $floor)" \
    && mvn "${mvn_args[@]}" -q dependency:get "-Dartifact=org.junit.platform:junit-platform-engine:$(platform_of $floor)" > /dev/null)
python3 "$here/api_floor.py" "$(ls "$here"/../../../target/crystallize-junit-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1 \
        || true)" "$(platform_jar engine "$(platform_of $floor)"):$(platform_jar commons "$(platform_of $floor)")" \
    TokenCancellation ForwardedDiscoveryIssues 'PlatformFileEntries$PublishedFileEntry' \
    || fail "the engine names JUnit API missing from Platform $(platform_of $floor)"

for version in $floor 6.1.3; do
    dir="$(project "$version")"
    echo "== JUnit $version: a bad configuration value =="
    rm -rf "$dir/target/surefire-reports"
    if (cd "$dir" && mvn "${mvn_args[@]}" -o test "-Djunit.version=$version" -Dcrystallize.default.alpha=2 > bad.log 2>&1); then
        tail -40 "$dir/bad.log"; fail "JUnit $version: an invalid crystallize.default.alpha passed"
    fi
    grep -q 'crystallize.default.alpha=2' "$dir/bad.log" || { tail -60 "$dir/bad.log"; fail "JUnit $version: no message naming the key"; }
    reports "$dir" "$(platform_of "$version")" io.crystallize.compat.DeliveryEstimateTest:1:0 \
        || fail "JUnit $version: a bad configuration value broke Jupiter"
done

echo "== JUnit 5.9.3: older than supported =="
dir="$(project 5.9.3)"
if (cd "$dir" && mvn "${mvn_args[@]}" test -Djunit.version=5.9.3 > old.log 2>&1); then
    tail -40 "$dir/old.log"; fail "JUnit 5.9.3: the engine ran on an unsupported platform"
fi
grep -q 'needs JUnit Platform 1.10 to 1.14 (JUnit 5.10 to 5.14) or JUnit 6, but the class path has JUnit Platform 1.9.3' \
    "$dir/old.log" || { tail -60 "$dir/old.log"; fail "JUnit 5.9.3: no error naming the platform found"; }
reports "$dir" 1.9.3 io.crystallize.compat.DeliveryEstimateTest:1:0 || fail "JUnit 5.9.3: the engine broke Jupiter"

echo "compat check passed: JUnit $versions"
