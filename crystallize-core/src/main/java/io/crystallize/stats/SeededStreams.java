package io.crystallize.stats;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * One independent generator per resample index, derived from the user's seed alone, so results
 * do not depend on how resamples are spread over threads.
 */
final class SeededStreams {

    private static final RandomGeneratorFactory<RandomGenerator> FACTORY =
            RandomGeneratorFactory.of("L64X128MixRandom");

    private SeededStreams() {
    }

    static RandomGenerator forIndex(long seed, long index) {
        return FACTORY.create(mix(seed + (index + 1) * 0x9E3779B97F4A7C15L));
    }

    /** SplitMix64 finaliser: neighbouring indices get unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
