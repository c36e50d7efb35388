package io.crystallize.annotation;

import io.crystallize.hypothesis.Aggregate;
import io.crystallize.hypothesis.Direction;
import io.crystallize.hypothesis.Expectation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.platform.commons.annotation.Testable;

/**
 * Declares a hypothesis on one or more metrics, compared per treatment with the baseline; each
 * becomes a test. Hypothesis methods cannot be overloaded.
 *
 * <p>Declarative form: a no-argument {@code void} instance method; the attributes say everything.
 *
 * <pre>{@code
 * @Hypothesis(metric = "revenue", expect = Expectation.Kind.BETTER, alpha = 0.01)
 * void discountRaisesRevenue() {}
 * }</pre>
 *
 * <p>Custom verifier form: an instance method taking {@code Samples} (and optionally
 * {@code Verifier.Question}) and returning {@code Verdict}, called at run time for each metric and
 * treatment; {@link #test()} is then ignored.
 */
@Documented
@Testable
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Hypothesis {

    /** Sentinel for an unset alpha: the configured default ({@code crystallize.default.alpha}) applies. */
    double UNSET_ALPHA = -1.0;

    /** The metrics compared; at least one. */
    String[] metric();

    /** The hypothesis's name in results; default {@code ""}: the method's name. */
    String name() default "";

    /** What the treatment is expected to do, in the better direction; default better. */
    Expectation.Kind expect() default Expectation.Kind.BETTER;

    /** Which way the metric is better; default higher. */
    Direction direction() default Direction.HIGHER_IS_BETTER;

    /** The test; default {@link StatisticalTest#DEFAULT}. */
    StatisticalTest test() default StatisticalTest.DEFAULT;

    /** Significance level in (0, 1); default {@link #UNSET_ALPHA}: the configured default. */
    double alpha() default UNSET_ALPHA;

    /** The margin of margin expectations, in metric units (percent of the baseline mean when {@link #relative()}). */
    double margin() default 0.0;

    /** Read {@link #margin()} as percent of the baseline mean. */
    boolean relative() default false;

    /** The treatments covered; default {@code {}}: all declared treatments. */
    String[] treatments() default {};

    /** How several values of a metric in one run become one; default: exactly one value expected. */
    Aggregate aggregate() default Aggregate.SINGLE;

    /**
     * Whether the metric is deterministic: its values (or, with shared seeds, its differences from
     * the baseline) do not vary between replicates by construction. When its values show no
     * variance at all (each condition constant, or every paired difference the same), the verdict
     * then follows the direction and says "no variance"; by default such data cannot tell a
     * deterministic effect from chance, and the verdict is INCONCLUSIVE. Leave it false for
     * metrics that vary by chance (timings, sampled data, 0/1 outcomes).
     */
    boolean deterministic() default false;

    /**
     * The metrics are 0/1 (success per run): the default test becomes the one for 0/1 metrics
     * ({@code Verifiers.binary()}: exact tests of the difference of success rates) and a value other
     * than 0 or 1 makes the verdict an ERROR. Margins are then in rate units, below 1. Default
     * false: the default test still picks the 0/1 tests when every value is 0 or 1 in every condition.
     */
    boolean binary() default false;
}
