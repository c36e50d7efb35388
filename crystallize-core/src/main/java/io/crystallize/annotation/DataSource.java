package io.crystallize.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that provides each run's initial data; its return value is the first
 * {@link Step}'s input. Exactly one per experiment; an instance method, not private.
 *
 * <p>Injectable parameters: {@code Context}, {@code Metrics}, {@code RandomGenerator},
 * {@code Artifacts} and {@code @Param("name")} values. With {@link #upstream()} the method reads
 * another experiment's artifact: it then also takes the artifact's {@code java.nio.file.Path} for
 * this run's replicate (see {@code Experiment#artifactDataSource}).
 *
 * <pre>{@code
 * @DataSource(upstream = TrainExperiment.class, step = "train", artifact = "model.json")
 * Model model(Path modelJson) throws IOException { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DataSource {

    /**
     * The experiment whose artifacts this one reads; it must run first. Default {@code void.class}:
     * no upstream.
     */
    Class<?> upstream() default void.class;

    /** With {@link #upstream()}: the upstream step that wrote the artifact. */
    String step() default "";

    /** With {@link #upstream()}: the artifact's file name. */
    String artifact() default "";

    /**
     * With {@link #upstream()}: the upstream condition to read; default {@code ""}: the condition
     * of the fetching run (falling back to the upstream baseline).
     */
    String condition() default "";
}
