package io.crystallize.internal.wiring;

/**
 * What flows between the steps of an annotated experiment's run: the run's own instance of the
 * experiment class (made by the data source, so parallel runs share nothing) and the current
 * value. The last step hands on the plain value.
 *
 * <p>One run state serves a whole run: each step's output replaces the current value, and
 * {@code long}, {@code int} and {@code double} values stay unboxed between the steps the processor
 * generates (it knows each step's types), so a step costs a plain call.
 *
 * @param <E> the experiment class
 */
public final class RunState<E> {

    // the current value's kind: a byte, not an enum, so a step's store carries no GC write barrier
    private static final byte OBJECT = 0;
    private static final byte LONG = 1;
    private static final byte INT = 2;
    private static final byte DOUBLE = 3;

    private final E instance;
    private Object value;
    private long primitive; // a long, an int, or a double's bits, per kind
    private byte kind = OBJECT;

    public RunState(E instance, Object value) {
        this.instance = instance;
        this.value = value;
    }

    public E instance() {
        return instance;
    }

    /** The current value, boxed when it is a primitive. */
    public Object value() {
        return switch (kind) {
            case LONG -> primitive;
            case INT -> (int) primitive;
            case DOUBLE -> Double.longBitsToDouble(primitive);
            default -> value;
        };
    }

    /** This run carrying a step's output. */
    public RunState<E> next(Object output) {
        value = output;
        kind = OBJECT;
        return this;
    }

    public RunState<E> nextLong(long output) {
        primitive = output;
        kind = LONG;
        return this;
    }

    public RunState<E> nextInt(int output) {
        primitive = output;
        kind = INT;
        return this;
    }

    public RunState<E> nextDouble(double output) {
        primitive = Double.doubleToRawLongBits(output);
        kind = DOUBLE;
        return this;
    }

    public long longValue() {
        return kind == LONG ? primitive : (Long) value();
    }

    public int intValue() {
        return kind == INT ? (int) primitive : (Integer) value();
    }

    public double doubleValue() {
        return kind == DOUBLE ? Double.longBitsToDouble(primitive) : (Double) value();
    }

    @Override
    public String toString() {
        return "RunState[" + instance + ", " + value() + "]";
    }
}
