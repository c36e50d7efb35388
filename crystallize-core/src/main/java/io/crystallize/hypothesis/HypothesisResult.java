package io.crystallize.hypothesis;

import java.util.List;
import java.util.Optional;

/**
 * A hypothesis's verdicts (one per metric and treatment, in treatment then metric order), its
 * ranking of the treatments, and what it expected: which way the metrics are better and the
 * expectation with its margin, so a reader of the results can draw the verdicts against them.
 *
 * @param direction   which way the metrics are better; {@code null} in results written before it was recorded
 * @param expectation what was expected of each treatment; {@code null} likewise
 */
public record HypothesisResult(String name, List<String> metrics, List<String> treatments, List<Verdict> verdicts,
        Ranking ranking, Direction direction, Expectation expectation) {

    public HypothesisResult {
        metrics = List.copyOf(metrics);
        treatments = List.copyOf(treatments);
        verdicts = List.copyOf(verdicts);
    }

    /** A result that does not say what was expected (direction and expectation {@code null}). */
    public HypothesisResult(String name, List<String> metrics, List<String> treatments, List<Verdict> verdicts,
            Ranking ranking) {
        this(name, metrics, treatments, verdicts, ranking, null, null);
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
