package io.crystallize.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a pipeline step. Steps run in declaration order; an instance method, not private.
 *
 * <p>A step takes at most one plain parameter, its input: the previous step's output (the
 * {@link DataSource}'s for the first step). A {@code void} step passes its input on unchanged.
 * Other parameters are injected: {@code Context}, {@code Metrics}, {@code RandomGenerator},
 * {@code Artifacts} and {@code @Param("name")} values.
 *
 * <p>With {@code cache = true} the step's outputs are kept on disk, with the metrics it recorded and
 * the context keys it set, and given back instead of calling the method again when its code (the
 * method and all project code it reaches), its input and every context value (parameters,
 * replicate, condition, seed, keys earlier steps set) are the same as in an earlier run. The
 * output must be of a concrete class Jackson can write and read back: a {@code void} step, or one
 * returning an interface, an abstract class, a type variable or {@code Object}, is a compile-time
 * error. State a cached step leaves in the experiment instance's fields is not given back.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Step {

    /** The step's name (artifact directory); default {@code ""}: the method's name. */
    String value() default "";

    /** Whether the step's outputs are cached across executions; default {@code false}. */
    boolean cache() default false;
}
