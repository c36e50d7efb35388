#!/usr/bin/env python3
"""Checks the samples' Surefire reports.

  check_samples.py default    every expected sample test ran and passed: no failure, error or skip
                              (an INCONCLUSIVE verdict shows as skipped and must not slip through)
  check_samples.py gate-demo  the same, except that exactly the gate demonstration's hypothesis
                              tests failed, each with a NOT_SUPPORTED verdict and its p-value

Surefire names a treatment's test method[treatment], so each treatment of a hypothesis is its own
test case.
"""
import collections
import glob
import re
import sys
import xml.etree.ElementTree as ET

EXPECTED = collections.Counter({
    ("io.crystallize.samples.cache.CacheEvictionExperiment", "lruBeatsFifo[fifo]"): 1,
    ("io.crystallize.samples.cache.CacheEvictionExperiment", "lfuNotWorseThanLru[lfu]"): 1,
    ("io.crystallize.samples.learning.LogisticRegressionExperiment", "standardisingRaisesAccuracy[standardised]"): 1,
    ("io.crystallize.samples.learning.LogisticRegressionExperiment", "standardisingRaisesAccuracy[standardised_fast]"): 1,
    ("io.crystallize.samples.learning.LogisticRegressionExperiment", "standardisingLowersLogLoss[standardised]"): 1,
    ("io.crystallize.samples.learning.LogisticRegressionExperiment", "standardisingLowersLogLoss[standardised_fast]"): 1,
    ("io.crystallize.samples.performance.SortSpeedExperiment", "jdkSortIsFaster[jdk_sort]"): 1,
    ("io.crystallize.samples.dispatch.ShapeDispatchExperiment", "oneKindIsFaster[one_kind]"): 1,
    ("io.crystallize.samples.chained.TrainModelExperiment", "moreEpochsLowerLogLoss[more_epochs]"): 1,
    ("io.crystallize.samples.chained.EvaluateModelExperiment", "noisyInputsLowerAccuracy[noisy_inputs]"): 1,
    ("io.crystallize.samples.tuning.LearningRateTuningTest", "gridSearchFindsStandardisedFastLearning"): 1,
    ("io.crystallize.samples.builder.BuilderApiExampleTest", "discountRaisesRevenueAndResultsAreWritten"): 1,
})
GATE = collections.Counter({
    ("io.crystallize.samples.gate.SlowerFastPathExperiment", "fastPathIsFaster[fast_path]"): 1,
})


# experiment name -> artifact files its newest version must hold (relative to the version directory)
RESULTS = {
    "CacheEvictionExperiment": [],
    "LogisticRegressionExperiment": [],
    "SortSpeedExperiment": [],
    "ShapeDispatchExperiment": [],
    "TrainModelExperiment": ["replicate_0/baseline/train/model.json", "replicate_9/more_epochs/train/model.json"],
    "EvaluateModelExperiment": [],
}


def check_results(problems):
    """Every sample experiment's newest results version holds metadata, per-condition results and artifacts."""
    for experiment, artifacts in RESULTS.items():
        versions = glob.glob(f"samples/target/crystallize/{experiment}/v*")
        if not versions:
            problems.append(f"no results of {experiment} under samples/target/crystallize")
            continue
        newest = max(versions, key=lambda v: int(v.rsplit("v", 1)[1]))
        required = ["metadata.json", "baseline/results.json", "baseline/.crystallize_complete"] + artifacts
        for name in required:
            if not glob.glob(f"{newest}/{name}"):
                problems.append(f"{newest} lacks {name}")


def main(mode):
    expected = EXPECTED + (GATE if mode == "gate-demo" else collections.Counter())
    ran = collections.Counter()
    failed = []
    problems = []
    for path in sorted(glob.glob("samples/target/surefire-reports/TEST-*.xml")):
        for case in ET.parse(path).getroot().iter("testcase"):
            key = (case.get("classname"), case.get("name"))
            ran[key] += 1
            if case.find("failure") is not None:
                failed.append((key, case.find("failure").get("message") or ""))
            for kind in ("error", "skipped", "rerunFailure", "flakyFailure"):
                if case.find(kind) is not None:
                    problems.append(f"{key[0]}#{key[1]}: {kind}: {case.find(kind).get('message')}")
    if ran != expected:
        missing = expected - ran
        extra = ran - expected
        problems.append(f"test names differ from the expected list; missing {dict(missing)}, unexpected {dict(extra)}")
    if mode == "gate-demo":
        if collections.Counter(key for key, _ in failed) != GATE:
            problems.append(f"expected exactly the gate demo's tests to fail, got {failed}")
        for key, message in failed:
            if "NOT_SUPPORTED" not in message or not re.search(r"\bp=\S+", message):
                problems.append(f"{key[0]}#{key[1]}: failure message lacks the verdict or p-value: {message}")
    elif failed:
        problems.append(f"failures: {failed}")
    check_results(problems)
    if problems:
        print("samples check FAILED:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    print(f"samples check passed ({mode}): {sum(ran.values())} tests as expected"
          + (f", gate demo failed as intended: {failed[0][1]}" if mode == "gate-demo" else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "default"))
