package io.crystallize.validity;

/** Whether the conditions of a replicate share its seed (common random numbers). */
enum Pairing {
    /**
     * Shared seeds: a run's metric is driven by a part the replicate's seed fixes (the same in
     * every condition) and a part it does not (the noise seeds do not control, e.g. timing
     * jitter), so a replicate's values correlate with {@link #CORRELATION} on the normal scale.
     */
    SHARED_SEEDS("shared", "shared seeds"),
    /** Independent seeds per condition: the sides are independent samples. */
    INDEPENDENT_SEEDS("independent", "independent seeds");

    /** The correlation of a replicate's two runs' normal draws under shared seeds. */
    static final double CORRELATION = 0.5;

    private final String key;
    private final String label;

    Pairing(String key, String label) {
        this.key = key;
        this.label = label;
    }

    String key() {
        return key;
    }

    String label() {
        return label;
    }

    /** The correlation of a replicate's runs' normal draws. */
    double correlation() {
        return this == SHARED_SEEDS ? CORRELATION : 0;
    }
}
