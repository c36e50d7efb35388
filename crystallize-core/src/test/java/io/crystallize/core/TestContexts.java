package io.crystallize.core;

import io.crystallize.base.Seeds;
import java.util.Map;

/** Contexts of a given run, for testing data sources and steps outside an experiment. */
public final class TestContexts {

    private TestContexts() {
    }

    public static Context of(String condition, int replicate) {
        long seed = Seeds.replicateSeed(Seeds.DEFAULT_MASTER_SEED, replicate);
        return new Context(Map.of(), replicate, condition, seed, new Resources());
    }
}
