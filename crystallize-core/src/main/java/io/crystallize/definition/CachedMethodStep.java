package io.crystallize.definition;

import io.crystallize.core.Context;
import io.crystallize.core.Parameters;
import io.crystallize.core.Resources;
import io.crystallize.core.Step;
import io.crystallize.fingerprint.CachedStep;
import io.crystallize.internal.wiring.RunState;
import java.lang.invoke.MethodType;
import java.nio.file.Path;

/**
 * An annotated experiment's {@code @Step(cache = true)} method: the step wiring it (generated or
 * reflective) runs behind a {@link CachedStep} keyed by the method's code, the run's current value
 * and the context, and a hit carries the cached output on as the method's return would.
 *
 * @param <E> the experiment class
 */
final class CachedMethodStep<E> implements Step<RunState<E>, Object> {

    private final Step<RunState<E>, Object> wiring;
    private final CachedStep<RunState<E>, Object> cache;
    private final boolean last;

    @SuppressWarnings("unchecked")
    CachedMethodStep(Step<RunState<E>, Object> wiring, Class<?> experimentClass, String method, Class<?> outputType,
            Path directory, boolean last) {
        this.wiring = wiring;
        this.last = last;
        Class<Object> boxed = (Class<Object>) MethodType.methodType(outputType).wrap().returnType();
        this.cache = CachedStep.ofMethod(new MethodCall(), experimentClass, method, boxed, directory,
                RunState::value);
    }

    @Override
    public String name() {
        return wiring.name();
    }

    @Override
    public Parameters parameters() {
        return wiring.parameters();
    }

    @Override
    public void setup(Resources resources) throws Exception {
        wiring.setup(resources);
    }

    @Override
    public void teardown(Resources resources) throws Exception {
        wiring.teardown(resources);
    }

    @Override
    public Object apply(RunState<E> run, Context context) throws Exception {
        Object output = cache.apply(run, context);
        return last ? output : run.next(output);
    }

    /** The method's call alone: its return value, which is what the cache keeps. */
    private final class MethodCall implements Step<RunState<E>, Object> {
        @Override
        public String name() {
            return wiring.name();
        }

        @Override
        public Object apply(RunState<E> run, Context context) throws Exception {
            Object result = wiring.apply(run, context);
            return last ? result : ((RunState<?>) result).value();
        }
    }
}
