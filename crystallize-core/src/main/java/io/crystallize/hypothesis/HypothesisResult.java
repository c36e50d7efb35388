package io.crystallize.hypothesis;

import java.util.List;
import java.util.Optional;

/**
 * A hypothesis's verdicts (one per metric and treatment, in treatment then metric order) and
 * its ranking of the treatments.
 */
public record HypothesisResult(String name, List<String> metrics, List<String> treatments, List<Verdict> verdicts,
        Ranking ranking) {

    public HypothesisResult {
        metrics = List.copyOf(metrics);
        treatments = List.copyOf(treatments);
        verdicts = List.copyOf(verdicts);
    }

    /** The verdicts of one treatment, one per metric. */
    public List<Verdict> verdicts(String treatment) {
        return verdicts.stream().filter(v -> v.treatment().equals(treatment)).toList();
    }

    public Optional<Verdict> verdict(String treatment, String metric) {
        return verdicts.stream().filter(v -> v.treatment().equals(treatment) && v.metric().equals(metric)).findFirst();
    }

    /** A treatment passes only if every metric's verdict is SUPPORTED. */
    public boolean supported(String treatment) {
        List<Verdict> own = verdicts(treatment);
        return !own.isEmpty() && own.stream().allMatch(Verdict::isSupported);
    }

    /** Every metric's one-line message for a treatment, one per line. */
    public String message(String treatment) {
        return String.join("\n", verdicts(treatment).stream().map(Verdict::message).toList());
    }
}
