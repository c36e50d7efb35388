package io.crystallize.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.platform.commons.annotation.Testable;

/**
 * Marks a class (in test sources) as an experiment. Attributes left at their "unset" sentinels
 * take the configured defaults ({@code crystallize.*} keys); set attributes win over those
 * defaults, and explicit override keys win over attributes.
 */
@Documented
@Testable
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Experiment {

    /** Sentinel for an unset numeric attribute. */
    int UNSET = -1;

    /** The experiment's name (results directory, reports); default: the class's simple name. */
    String name() default "";

    /** Replicates per condition; {@link #UNSET} means the configured default. */
    int replicates() default UNSET;

    /** The master seed; {@link #UNSET_SEED} means the configured default. */
    long seed() default UNSET_SEED;

    /**
     * Replicates run before the measured ones and left out of results and pairing (own indices
     * and seeds): for experiments that time code, so JIT warm-up does not bias the first runs.
     */
    int warmupReplicates() default 0;

    /**
     * Rotate the order of conditions from replicate to replicate instead of running the baseline
     * first every time: for timings, where a fixed order biases one side.
     */
    boolean interleaved() default false;

    /**
     * Whether conditions may take the runs of an earlier execution with an equal fingerprint
     * instead of running again; {@link Reuse#CONFIGURED} means the {@code crystallize.reuse} key.
     */
    Reuse reuse() default Reuse.CONFIGURED;

    /**
     * Declares that the experiment measures time: its values depend on the machine and its load,
     * so its runs are not reused (unless {@link Reuse#ALWAYS}).
     */
    boolean timed() default false;

    /** Sentinel for an unset seed. */
    long UNSET_SEED = Long.MIN_VALUE;
}
