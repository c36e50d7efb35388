package io.crystallize.base;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Seed arithmetic and the pinned generator algorithm. The replicate seed is the reference
 * library's formula, kept for compatibility: {@code floorMod(master + replicate * 31337, 2^32)}.
 */
public final class Seeds {

    /** The generator algorithm every run's {@code Context.random()} uses; pinned, never the JDK default. */
    public static final String ALGORITHM = "L64X128MixRandom";

    /** The master seed when none is configured. */
    public static final long DEFAULT_MASTER_SEED = 42L;

    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of(ALGORITHM);

    private Seeds() {
    }

    public static long replicateSeed(long master, int replicate) {
        return (master + (long) replicate * 31337L) & 0xFFFF_FFFFL; // floorMod by 2^32, without a division
    }

    /** A new generator of the pinned algorithm seeded with {@code seed}. */
    public static RandomGenerator generator(long seed) {
        return FACTORY.create(seed);
    }
}
