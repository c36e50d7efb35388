package io.crystallize.core;

import io.crystallize.base.Seeds;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Seeding: the master seed, replicate seeds {@code floorMod(master + r * 31337, 2^32)} shared by
 * every condition of a replicate (common random numbers), and an optional seed function called
 * with each run's seed before its data is fetched (to seed third-party libraries). Every run's
 * {@link Context#random()} is a generator of {@link Seeds#ALGORITHM} seeded with the run's seed.
 * An experiment without a seed plugin gets one with {@link Seeds#DEFAULT_MASTER_SEED}.
 */
public final class SeedPlugin implements Plugin {

    private final long masterSeed;
    private final LongConsumer seedFunction;
    private final boolean shared;

    public SeedPlugin() {
        this(Seeds.DEFAULT_MASTER_SEED);
    }

    public SeedPlugin(long masterSeed) {
        this(masterSeed, seed -> { }, true);
    }

    private SeedPlugin(long masterSeed, LongConsumer seedFunction, boolean shared) {
        this.masterSeed = masterSeed;
        this.seedFunction = Objects.requireNonNull(seedFunction, "seedFunction");
        this.shared = shared;
    }

    /** The same master seed, calling {@code function} with each run's seed. */
    public SeedPlugin withSeedFunction(LongConsumer function) {
        return new SeedPlugin(masterSeed, function, shared);
    }

    /** The same seeding (seed function, shared or independent conditions) from another master seed. */
    public SeedPlugin withMasterSeed(long master) {
        return new SeedPlugin(master, seedFunction, shared);
    }

    /**
     * Seeds that differ between the conditions of a replicate (no common random numbers); the
     * default test then compares unpaired samples with Welch's t.
     */
    public SeedPlugin independentConditions() {
        return new SeedPlugin(masterSeed, seedFunction, false);
    }

    public long masterSeed() {
        return masterSeed;
    }

    public boolean sharedAcrossConditions() {
        return shared;
    }

    /** The seed of one run. */
    public long replicateSeed(int replicate, String condition) {
        long seed = Seeds.replicateSeed(masterSeed, replicate);
        return shared ? seed : (seed ^ (condition.hashCode() * 0x9E3779B97F4A7C15L)) & 0xFFFF_FFFFL; // floorMod by 2^32
    }

    @Override
    public void beforeReplicate(Context context) {
        seedFunction.accept(context.seed());
    }
}
