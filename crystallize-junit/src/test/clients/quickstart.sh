#!/usr/bin/env bash
# A new user's first build, both ways the README gives:
#  1. the archetype: mvn archetype:generate from the local catalog, then mvn test with this machine's
#     Maven (3.8) and with Maven 3.9 (downloaded from Maven Central), on a JDK 23+ when one is installed;
#  2. the README's "add it to an existing build" snippet, taken from README.md between its
#     build-snippet markers, as the whole build of a fresh project with one experiment and one Jupiter test.
# Each must run the experiment's hypotheses (the processor's generated wiring, not the runtime reader)
# and the Jupiter tests, all passing.
#
# Run after installing the reactor:   mvn -B -ntp install -DskipTests && crystallize-junit/src/test/clients/quickstart.sh
# MAVEN_REPO_LOCAL picks another local repository (default: Maven's own).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
mvn_args=(-B -ntp "-Dmaven.repo.local=$repo")
maven39=3.9.12
archetype_plugin=3.4.1
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
version="$(sed -n 's:^    <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)"

fail() { echo "quickstart check FAILED: $*" >&2; exit 1; }

# asserts one mvn test run: every expected "Class:tests" passed, the processor's wiring was used
passed() {
    local dir="$1" log="$2"; shift 2
    grep -q 'compiled without crystallize-processor' "$log" && { cat "$log"; fail "$dir: the runtime reader was used"; }
    find "$dir/target/test-classes" -name '*_CrystallizePipeline.class' | grep -q . \
        || fail "$dir: the processor generated no wiring"
    python3 - "$dir" "$@" <<'PY' || { tail -60 "$log"; fail "$dir: unexpected test results"; }
import glob, sys, xml.etree.ElementTree as ET
directory, expected = sys.argv[1], dict(s.rsplit(":", 1) for s in sys.argv[2:])
found = {}
for f in glob.glob(directory + "/target/surefire-reports/TEST-*.xml"):
    root = ET.parse(f).getroot()
    found[root.get("name").rsplit(".", 1)[-1]] = root
for name, tests in expected.items():
    root = found.get(name)
    assert root is not None, f"no report for {name}; reports: {sorted(found)}"
    bad = int(root.get("failures")) + int(root.get("errors")) + int(root.get("skipped"))
    assert (root.get("tests"), bad) == (tests, 0), f"{name}: {root.get('tests')} tests, {bad} not passed"
PY
}

echo "== archetype: generate from the local catalog =="
cd "$work"
mvn "${mvn_args[@]}" "org.apache.maven.plugins:maven-archetype-plugin:$archetype_plugin:generate" -DarchetypeCatalog=local \
    -DarchetypeGroupId=io.crystallize -DarchetypeArtifactId=crystallize-archetype "-DarchetypeVersion=$version" \
    -DgroupId=com.example -DartifactId=pricing -Dversion=1.0-SNAPSHOT -Dpackage=com.example.pricing > generate.log 2>&1 \
    || { tail -40 generate.log; fail "archetype:generate failed"; }
grep -q "<crystallize.version>$version</crystallize.version>" pricing/pom.xml || fail "the generated pom does not pin crystallize $version"

echo "== archetype: mvn test with $(mvn -v | head -1 | sed 's/\x1b\[[0-9;]*m//g') =="
(cd pricing && mvn "${mvn_args[@]}" test > test-3.8.log 2>&1) || { tail -60 pricing/test-3.8.log; fail "mvn test failed"; }
passed pricing pricing/test-3.8.log DiscountExperiment:1 PriceModelTest:2

echo "== archetype: mvn test with Maven $maven39 =="
(cd pricing && mvn "${mvn_args[@]}" -q dependency:copy "-Dartifact=org.apache.maven:apache-maven:$maven39:tar.gz:bin" \
    -DoutputDirectory="$work/maven" > /dev/null) || fail "could not fetch Maven $maven39"
tar -xzf "$work/maven/apache-maven-$maven39-bin.tar.gz" -C "$work/maven"
jdk=""
for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*-2[3-9]-* ; do
    [ -x "$candidate/bin/javac" ] && { jdk="$candidate"; break; }
done
rm -rf pricing/target
(cd pricing && JAVA_HOME="${jdk:-${JAVA_HOME:-}}" "$work/maven/apache-maven-$maven39/bin/mvn" "${mvn_args[@]}" -o test > test-3.9.log 2>&1) \
    || { tail -60 pricing/test-3.9.log; fail "mvn test with Maven $maven39 failed"; }
passed pricing pricing/test-3.9.log DiscountExperiment:1 PriceModelTest:2
echo "archetype project passes with Maven 3.8 and $maven39${jdk:+ (the latter on $(basename "$jdk"))}"

echo "== README: the build snippet as a fresh project's whole build =="
snippet="$(awk '/<!-- build-snippet:begin -->/{on=1; next} /<!-- build-snippet:end -->/{on=0} on && !/^```/' "$root/README.md")"
[ -n "$snippet" ] || fail "README.md has no build-snippet markers"
mkdir -p readme/src/test/java/io/crystallize/compat
{
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<project xmlns="http://maven.apache.org/POM/4.0.0">'
    echo '    <modelVersion>4.0.0</modelVersion>'
    echo '    <groupId>com.example</groupId><artifactId>readme-snippet</artifactId><version>1</version>'
    echo "$snippet"
    echo '</project>'
} > readme/pom.xml
grep -q "<crystallize.version>$version</crystallize.version>" readme/pom.xml || fail "the README pins another crystallize version than $version"
cp "$here/compat-project/src/test/java/io/crystallize/compat/ShippingExperiment.java" \
    "$here/compat-project/src/test/java/io/crystallize/compat/DeliveryEstimateTest.java" readme/src/test/java/io/crystallize/compat/
(cd readme && mvn "${mvn_args[@]}" test > test.log 2>&1) || { tail -60 readme/test.log; fail "the README's snippet does not build"; }
# Maven warns of unpinned plugins and unresolved expressions in the model: the snippet must leave none
grep -q "\[WARNING\].*\(is missing\|expression\|\${\)" readme/test.log && { grep WARNING readme/test.log; fail "the snippet's build warns"; }
passed readme readme/test.log ShippingExperiment:2 DeliveryEstimateTest:1
echo "quickstart check passed"
