package io.crystallize.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a treatment: a named set of parameter overrides, compared with the baseline.
 *
 * <p>Literal form, on the class or on a no-argument {@code void} method:
 * {@code @Treatment(name = "ten_percent", set = "discount=0.10")}. Each literal is
 * {@code parameter=value}; the value is parsed as the parameter field's type ({@code true/false},
 * numbers, strings — quotes optional). Unknown parameters, unparsable values and type mismatches
 * are compile errors.
 *
 * <p>Method form, for values that are not literals: on a {@code static} method without parameters
 * returning {@code Map<String, ?>}; {@link #set()} must then be empty. Its overrides are checked
 * when the experiment is built.
 *
 * <p>Treatments are ordered: class-level first, then methods in declaration order.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(Treatments.class)
public @interface Treatment {

    /** The treatment's name (not {@code baseline}). */
    String name();

    /** Overrides as {@code parameter=value} literals. */
    String[] set() default {};
}
