package io.crystallize.optimize;

import io.crystallize.base.Seeds;
import io.crystallize.core.Objective;
import io.crystallize.core.Treatment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Samples each parameter uniformly from its range, seeded, so the same seed proposes the same trials. */
public final class RandomSearch extends Search {

    /** A parameter range: doubles in [low, high), or ints in [low, high] when {@code integer}. */
    public record Range(double low, double high, boolean integer) {
        public static Range of(double low, double high) {
            return new Range(low, high, false);
        }

        public static Range ofIntegers(int low, int high) {
            return new Range(low, high, true);
        }
    }

    private final Map<String, Range> ranges;
    private final RandomGenerator random;
    private int asked;

    public RandomSearch(Map<String, Range> ranges, Objective objective, long seed) {
        super(objective);
        this.ranges = new LinkedHashMap<>(ranges);
        this.random = Seeds.generator(seed);
    }

    @Override
    public Treatment ask() {
        Map<String, Object> values = new LinkedHashMap<>();
        ranges.forEach((parameter, range) -> values.put(parameter, range.integer()
                ? (Object) random.nextInt((int) range.low(), (int) range.high() + 1)
                : (Object) random.nextDouble(range.low(), range.high())));
        return Treatment.of("trial_" + asked++, values);
    }
}
