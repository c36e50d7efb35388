package io.crystallize.hypothesis;

/** Which way a metric is better. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /** +1 when higher is better, −1 when lower is. */
    public int sign() {
        return this == HIGHER_IS_BETTER ? 1 : -1;
    }
}
