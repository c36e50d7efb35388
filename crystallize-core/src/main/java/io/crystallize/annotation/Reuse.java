package io.crystallize.annotation;

/**
 * Whether an annotated experiment's conditions may take the runs of an earlier execution whose
 * fingerprint (code, parameters, seeds, replicates, inputs) was equal, instead of running again.
 */
public enum Reuse {

    /** As configured ({@code crystallize.reuse}). */
    CONFIGURED,

    /** Every run is run. */
    NEVER,

    /** Reuse, except when the experiment times code (warm-ups, interleaving, {@code timed = true}). */
    UNLESS_TIMING,

    /** Reuse whenever fingerprints match, also for an experiment that times code. */
    ALWAYS
}
