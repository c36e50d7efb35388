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
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Step {

    /** The step's name (artifact directory); default {@code ""}: the method's name. */
    String value() default "";
}
