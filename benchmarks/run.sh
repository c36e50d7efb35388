#!/usr/bin/env bash
# Builds and runs the benchmarks; prints one line per figure: `name value unit`, JMH figures being
# the median of the measurement iterations of all forks (the targets are medians).
#   benchmarks/run.sh           full suite, settings for a 2-core machine (budget 15 minutes; each step's
#                               duration is printed to standard error as `suite.step <name> <seconds> s`)
#   benchmarks/run.sh --smoke   seconds: proves every benchmark still runs (used by .ci/run)
# JMH settings (full): 2 warm-up iterations of 1 s, 4 measurement iterations of 1 s (6 warm-up
# iterations for the per-run overhead and the parallel speed-up, whose steady state comes later; 2
# and 3 of 2 s for the statistics, 5 and 3 of 2 s for the report, whose operations take up to a second); 3 forks for
# the per-run overhead (its JIT outcomes and the placement of its objects vary between forks), 2 for
# the parallel speed-up (1 and 2 workers are separate forks, whose differences outweighed the
# framework's own 2%: alternating in one JVM, 1.92x against plain threads' 1.96x) and the wiring (a
# step with a ~10 ns body: 1.01-1.07x in earlier full runs), 1 fork for the rest; 5 warm-up iterations of
# 3 s for the engine's JMH figures (the run's report), whose 400 generated classes are compiled once
# per suite (benchmarks/target/engine-classes).
# The engine-vs-Jupiter targets are not two JMH benchmarks (separate forks minutes apart measured the
# machine's load of the moment): EngineAlternating warms both to their own steady state and then
# alternates them in one JVM, beside the floor under the engine (the Jupiter classes also writing the
# results layout by hand: LayoutWritingListener); ColdStart measures that floor's cold pass too. The cold figures (ColdStart: console launcher in fresh JVMs;
# MavenColdStart: `mvn -q test` of two generated modules) alternate candidate and baseline process by
# process. MavenColdStart needs the reactor installed in the local repository Maven uses: this
# script installs crystallize-junit and what it needs (-DskipTests) first.
# Extra Maven arguments for every mvn call (e.g. an own local repository, offline) go in MVN_ARGS:
#   MVN_ARGS="-o -Dmaven.repo.local=/path/to/repository" benchmarks/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-full}
read -r -a mvn_args <<< "${MVN_ARGS:-}"

mvn -B -ntp -q -pl benchmarks -am package -DskipTests "${mvn_args[@]}"
mvn -B -ntp -q -pl crystallize-junit -am install -DskipTests "${mvn_args[@]}"
jar=benchmarks/target/benchmarks.jar
suite_start=$SECONDS
# runs a step of the suite and says on standard error how long it took (through fd 3: some steps
# send their own standard error to /dev/null)
exec 3>&2
step() {
    local name=$1 start=$SECONDS
    shift
    "$@"
    echo "suite.step $name $((SECONDS - start)) s" >&3
}
out=benchmarks/target
if [ "$mode" = "--smoke" ]; then
    jmh=(-wi 0 -i 1 -r 200ms -w 200ms)
    jmh_short=("${jmh[@]}")
    jmh_warm=("${jmh[@]}")
    jmh_engine=("${jmh[@]}")
    jmh_report=("${jmh[@]}")
    forks_noisy=1
    forks_wiring=1
    forks_parallel=1
    replicates_memory=10000
    replicates_process=2000
    replicates_resume=30
    rounds_resume=1
    alternating=(1 1 1 1)
    cold_repetitions=1
    maven_repetitions=1
    maven_rerun=(1 2 10)
else
    jmh=(-wi 2 -w 2s -i 3 -r 2s)
    jmh_short=(-wi 2 -w 1s -i 4 -r 1s)
    # the framework's run loop and its parallel execution reach their steady state after 4-6 s (a
    # one-worker run went 42 -> 22 ms/op from the 3rd to the 6th second): 6 s of warm-up for them
    jmh_warm=(-wi 6 -w 1s -i 4 -r 1s)
    # the engine runs 200 experiments' generated classes 10-20 times per operation: the JIT needs
    # about 15-20 s to reach the steady state (3 x 2 s of warm-up measured a half-compiled engine)
    jmh_engine=(-wi 5 -w 3s -i 3 -r 2s)
    # the report of 10^5 values per condition reached its steady state (about 9.5 ms) only in the
    # third measured iteration after 2 x 2 s of warm-up (2026-12-05: medians of 31-35 ms in three
    # full runs); 5 x 2 s of warm-up measure the compiled report
    jmh_report=(-wi 5 -w 2s -i 3 -r 2s)
    forks_noisy=3
    forks_wiring=2
    forks_parallel=2
    replicates_memory=1000000
    replicates_process=100000
    replicates_resume=100
    rounds_resume=3
    # 10 measured rounds of 20 runs of each side (the floor's sides one run in 4), after 10 to 20
    # warm-up rounds (20-40 s; with a cap of 30 a noisy machine took 237 s for the step)
    alternating=(10 20 10 20)
    cold_repetitions=6
    maven_repetitions=4
    # 2 repetitions of a module of 6 experiments x 2 conditions x 100 runs of 10 ms (12 s of runs)
    maven_rerun=(2 6 100)
fi

step overhead java -jar "$jar" "${jmh_warm[@]}" -f "$forks_noisy" -rf json -rff "$out/jmh-overhead.json" 'OverheadBenchmark' > "$out/jmh-overhead.log"
step parallel java -jar "$jar" "${jmh_warm[@]}" -f "$forks_parallel" -rf json -rff "$out/jmh-parallel.json" 'ParallelBenchmark' > "$out/jmh-parallel.log"
step statistics java -jar "$jar" "${jmh[@]}" -f 1 -rf json -rff "$out/jmh.json" 'StatisticsBenchmark' > "$out/jmh.log"
step wiring java -jar "$jar" "${jmh_short[@]}" -f "$forks_wiring" -rf json -rff "$out/jmh-wiring.json" 'WiringBenchmark' > "$out/jmh-wiring.log"
step report java -jar "$jar" "${jmh_report[@]}" -f 1 -rf json -rff "$out/jmh-report.json" 'ReportBenchmark' > "$out/jmh-report.log"
# the engine's on-disk results stay until the end (see EngineBenchmark.resultsRoot: deleting them
# slows every file created on this disk for minutes afterwards)
engine_results="$out/engine-results"
engine_classes="$out/engine-classes"
rm -rf "$engine_results" "$engine_classes"
trap 'step delete_engine_results rm -rf "$engine_results"; echo "suite.total $((SECONDS - suite_start)) s" >&3' EXIT
step engine_jmh java -Dcrystallize.bench.results="$engine_results" -Dcrystallize.bench.classes="$engine_classes" -jar "$jar" "${jmh_engine[@]}" -f 1 -rf json \
    -rff "$out/jmh-engine.json" 'EngineBenchmark\.(crystallizeEngineResultsOnTmpfs|crystallizeEngineWithReportOnTmpfs)$' \
    > "$out/jmh-engine.log"
java -cp "$jar" io.crystallize.benchmarks.Report "$out/jmh-overhead.json" "$out/jmh-parallel.json" "$out/jmh.json" \
    "$out/jmh-wiring.json" "$out/jmh-report.json" "$out/jmh-engine.json"
step engine_alternating java -Dcrystallize.bench.results="$engine_results" -Dcrystallize.bench.classes="$engine_classes" -cp "$jar" io.crystallize.benchmarks.EngineAlternating "${alternating[@]}"
rm -rf "$out/cold-start" "$out/maven-cold-start"
step cold_start java -cp "$jar" io.crystallize.benchmarks.ColdStart "$out/cold-start" "$cold_repetitions"
step maven_cold_start java -cp "$jar" io.crystallize.benchmarks.MavenColdStart "$out/maven-cold-start" "$maven_repetitions" "${mvn_args[@]}"
step memory java -Xmx4g -cp "$jar" io.crystallize.benchmarks.RetainedMemory "$replicates_memory"

whole() {
    local start end
    start=$(date +%s%N)
    java -cp "$jar" io.crystallize.benchmarks.WholeProcess "$@" > /dev/null
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000000 ))"
}
rm -rf "$out/whole-process"
echo "whole_process.framework_${replicates_process}x2 $(whole "$replicates_process" "$out/whole-process") ms"
echo "whole_process.hand_written_${replicates_process}x2 $(whole --hand-written "$replicates_process" "$out/whole-process") ms"
# runs outside this JVM: 1 thread, 2 forks per execution and 2 forks of a pool in 5 alternating rounds, a fork's
# per-run overhead, 2 cluster workers vs 1 (about 3 minutes)
if [ "$mode" = "--smoke" ]; then
    step distributed java -cp "$jar" io.crystallize.benchmarks.Distributed --smoke
else
    step distributed java -cp "$jar" io.crystallize.benchmarks.Distributed
fi
# reuse: an unchanged experiment of 30 runs of >= 10 ms each, executed, then executed again
rm -rf "$out/rerun"
step rerun java -cp "$jar" io.crystallize.benchmarks.Rerun programmatic "$out/rerun" 2>/dev/null
rm -rf "$out/rerun"
# reuse under Maven: `mvn -q test` of a generated module, then again unchanged, as whole processes;
# the full form also runs the samples twice (their timing experiments rerun by design)
rm -rf "$out/maven-rerun"
step maven_rerun_module java -cp "$jar" io.crystallize.benchmarks.MavenRerun module "$out/maven-rerun" "${maven_rerun[@]}" "${mvn_args[@]}"
rm -rf "$out/maven-rerun"
if [ "$mode" != "--smoke" ]; then
    step maven_rerun_samples java -cp "$jar" io.crystallize.benchmarks.MavenRerun samples . 1 "${mvn_args[@]}"
fi
# resume after a kill at half the runs (10 ms each), beside a full execution in the same run
step resume java -cp "$jar" io.crystallize.benchmarks.ResumeBenchmark "$replicates_resume" 10 "$out/resume" "$rounds_resume" 2>/dev/null | grep '^resume\.'
