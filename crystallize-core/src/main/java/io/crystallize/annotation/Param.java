package io.crystallize.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a field: declares a parameter whose baseline default is the field's initial value; each run
 * gets a fresh instance whose field holds the baseline default or the treatment's override. The
 * field must be neither private, static nor final.
 *
 * <p>On a step, data source or treatment-method parameter: injects that parameter's value for
 * the run; {@link #value()} must name a declared parameter and the types must agree.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface Param {

    /** The parameter's name; default {@code ""}: the field's name (required on method parameters). */
    String value() default "";
}
