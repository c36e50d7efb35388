package io.crystallize.hypothesis;

import io.crystallize.base.ConfigurationException;
import io.crystallize.base.Names;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A claim about metrics: each covered treatment compared with the baseline by a test, at level
 * alpha, with a multiple-comparison correction over the family (metrics × treatments).
 */
public final class Hypothesis {

    private final String name;
    private final List<String> metrics;
    private final List<String> treatments;
    private final Direction direction;
    private final Expectation expectation;
    private final Verifier verifier;
    private final double alpha;
    private final Aggregate aggregate;
    private final Correction correction;
    private final double minimumEffect;
    private final boolean deterministic;
    private final boolean binary;

    private Hypothesis(Builder b) {
        this.metrics = List.copyOf(b.metrics);
        this.name = b.name != null ? b.name : String.join("+", metrics);
        this.treatments = List.copyOf(b.treatments);
        this.direction = b.direction;
        this.expectation = b.expectation;
        this.verifier = b.verifier;
        this.alpha = b.alpha;
        this.aggregate = b.aggregate;
        this.correction = b.correction;
        this.minimumEffect = b.minimumEffect;
        this.deterministic = b.deterministic;
        this.binary = b.binary;
    }

    /** A hypothesis on one metric. */
    public static Builder on(String metric) {
        return new Builder().metrics(metric);
    }

    /** A hypothesis on several metrics: a treatment passes only if every metric's verdict is SUPPORTED. */
    public static Builder on(String... metrics) {
        return new Builder().metrics(metrics);
    }

    public String name() {
        return name;
    }

    public List<String> metrics() {
        return metrics;
    }

    /** The treatments it covers; empty means all of the execution's treatments. */
    public List<String> treatments() {
        return treatments;
    }

    public Direction direction() {
        return direction;
    }

    public Expectation expectation() {
        return expectation;
    }

    public Verifier verifier() {
        return verifier;
    }

    public double alpha() {
        return alpha;
    }

    public Aggregate aggregate() {
        return aggregate;
    }

    public Correction correction() {
        return correction;
    }

    /**
     * The smallest difference of interest in metric units, NaN when not declared. Messages say
     * how many replicates per side it needs at 80% power.
     */
    public double minimumEffect() {
        return minimumEffect;
    }

    /**
     * Whether the metric is declared deterministic: its values (or, with shared seeds, its
     * differences from the baseline) do not vary between replicates by construction. Without any
     * variance (every value of both sides constant, or every paired difference the same) the
     * verdict then follows the direction and says "no variance"; undeclared, such data cannot tell
     * a deterministic effect from chance and the verdict is INCONCLUSIVE.
     */
    public boolean deterministic() {
        return deterministic;
    }

    /**
     * Whether the metrics are declared 0/1 (success per run): the default test is then the one for
     * 0/1 metrics, and any other value is an ERROR verdict whatever the test.
     */
    public boolean binary() {
        return binary;
    }

    /** The treatments covered in an execution with these treatments. */
    public List<String> coveredTreatments(List<String> executionTreatments) {
        return treatments.isEmpty() ? executionTreatments : treatments;
    }

    /** Verifies every covered treatment and metric on the evidence, then corrects and ranks. */
    public HypothesisResult evaluate(Evidence evidence, List<String> executionTreatments) {
        return new Evaluation(this, evidence).run(coveredTreatments(executionTreatments));
    }

    /** Problems with this hypothesis in an experiment with these treatments; empty when fine. */
    public List<String> problems(List<String> executionTreatments) {
        List<String> problems = new ArrayList<>();
        if (executionTreatments.isEmpty()) {
            problems.add("hypothesis '" + name + "' has no treatment to compare with the baseline: add a treatment");
        }
        for (String t : treatments) {
            if (!executionTreatments.contains(t)) {
                problems.add("hypothesis '" + name + "' names unknown treatment '" + t + "'"
                        + Names.didYouMean(t, executionTreatments) + "; treatments: " + executionTreatments);
            }
        }
        return problems;
    }

    @Override
    public String toString() {
        return "Hypothesis[" + name + ": " + metrics + " " + expectation + ", " + direction + ", alpha " + alpha
                + (deterministic ? ", deterministic" : "") + "]";
    }

    /** Builds hypotheses. Defaults: higher is better, expect better, the default test, alpha 0.05, Holm, one value per run. */
    public static final class Builder {
        private String name;
        private final List<String> metrics = new ArrayList<>();
        private final List<String> treatments = new ArrayList<>();
        private Direction direction = Direction.HIGHER_IS_BETTER;
        private Expectation expectation = Expectation.better();
        private Verifier verifier = Verifiers.defaultTest();
        private double alpha = 0.05;
        private Aggregate aggregate = Aggregate.SINGLE;
        private Correction correction = Correction.HOLM;
        private double minimumEffect = Double.NaN;
        private boolean deterministic;
        private boolean binary;

        private Builder() {
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder metrics(String... values) {
            // Arrays.asList, not List.of: a null name is reported by build() like any other bad name
            metrics.addAll(Arrays.asList(values));
            return this;
        }

        /** Limits the hypothesis to these treatments (default: all). */
        public Builder treatments(String... values) {
            treatments.addAll(Arrays.asList(values));
            return this;
        }

        public Builder treatments(List<String> values) {
            treatments.addAll(values);
            return this;
        }

        public Builder direction(Direction value) {
            this.direction = Objects.requireNonNull(value, "direction");
            return this;
        }

        public Builder higherIsBetter() {
            return direction(Direction.HIGHER_IS_BETTER);
        }

        public Builder lowerIsBetter() {
            return direction(Direction.LOWER_IS_BETTER);
        }

        public Builder expect(Expectation value) {
            this.expectation = Objects.requireNonNull(value, "expectation");
            return this;
        }

        public Builder verifier(Verifier value) {
            this.verifier = Objects.requireNonNull(value, "verifier");
            return this;
        }

        public Builder alpha(double value) {
            this.alpha = value;
            return this;
        }

        public Builder aggregate(Aggregate value) {
            this.aggregate = Objects.requireNonNull(value, "aggregate");
            return this;
        }

        public Builder correction(Correction value) {
            this.correction = Objects.requireNonNull(value, "correction");
            return this;
        }

        /**
         * Declares the smallest difference of interest, in metric units (positive). Verdict
         * messages then say how many replicates per side the test needs to detect it with 80%
         * power, INCONCLUSIVE ones included when a variance estimate exists.
         */
        public Builder minimumEffect(double value) {
            this.minimumEffect = value;
            return this;
        }

        /**
         * Declares the metric deterministic: its values (or, with shared seeds, its differences
         * from the baseline) do not vary between replicates by construction — a count of a fixed
         * computation, an exact offset added to shared noise. When the values show no variance at
         * all, the verdict then follows the direction ("no variance", p reported as 0 or 1)
         * instead of being INCONCLUSIVE. Do not declare it for metrics that vary by chance
         * (timings, sampled data, 0/1 outcomes): there a constant run of values is luck, not proof.
         */
        public Builder deterministic() {
            return deterministic(true);
        }

        /** Declares whether the metric is deterministic (default false); see {@link #deterministic()}. */
        public Builder deterministic(boolean value) {
            this.deterministic = value;
            return this;
        }

        /**
         * Declares the metrics 0/1 (success per run). The default test becomes the one for 0/1
         * metrics ({@link Verifiers#binary()}) — which it also picks, undeclared, when every value is
         * 0 or 1 in every condition — and a value other than 0 or 1 makes the verdict an ERROR,
         * whatever the test. Margins are then in rate units, below 1.
         */
        public Builder binary() {
            this.binary = true;
            return this;
        }

        /** @throws ConfigurationException naming every problem */
        public Hypothesis build() {
            List<String> problems = new ArrayList<>();
            String label = name != null ? name : String.join("+", metrics);
            if (name != null) {
                String p = Names.problem("hypothesis", name);
                if (p != null) {
                    problems.add(p);
                }
            }
            if (metrics.isEmpty()) {
                problems.add("hypothesis '" + label + "' names no metric: give at least one");
            }
            for (String m : metrics) {
                String p = Names.problem("metric", m);
                if (p != null) {
                    problems.add("hypothesis '" + label + "': " + p);
                }
            }
            if (new LinkedHashSet<>(metrics).size() != metrics.size()) {
                problems.add("hypothesis '" + label + "' names a metric twice: " + metrics);
            }
            for (String t : treatments) {
                if (Names.BASELINE.equals(t)) {
                    problems.add("hypothesis '" + label + "' lists 'baseline' as a treatment: the baseline is what treatments are compared with");
                } else {
                    String p = Names.problem("treatment", t);
                    if (p != null) {
                        problems.add("hypothesis '" + label + "': " + p);
                    }
                }
            }
            if (!(alpha > 0 && alpha < 1)) {
                problems.add("hypothesis '" + label + "' has alpha " + alpha + ": alpha must lie strictly between 0 and 1 (e.g. 0.05)");
            }
            if (!Double.isNaN(minimumEffect) && !(minimumEffect > 0 && Double.isFinite(minimumEffect))) {
                problems.add("hypothesis '" + label + "' has minimum effect " + minimumEffect
                        + ": give a positive difference in metric units");
            }
            if (binary && expectation.margin() > 0 && expectation.relative()) {
                problems.add("hypothesis '" + label + "' declares its metrics 0/1 and has a relative margin: give the"
                        + " margin in rate units (e.g. 0.02 for two percentage points)");
            } else if (binary && expectation.margin() >= 1) {
                problems.add("hypothesis '" + label + "' declares its metrics 0/1 and has a margin of "
                        + expectation.margin() + ": rates differ by at most 1, give a margin below 1 (e.g. 0.05)");
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            return new Hypothesis(this);
        }
    }
}
