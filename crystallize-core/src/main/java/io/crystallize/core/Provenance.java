package io.crystallize.core;

import java.util.concurrent.ConcurrentHashMap;

/** Provenance support: identical step records of different runs share one instance. */
final class Provenance {

    private Provenance() {
    }

    static final class Interner {
        private final ConcurrentHashMap<StepProvenance, StepProvenance> seen = new ConcurrentHashMap<>();

        StepProvenance intern(StepProvenance record) {
            StepProvenance existing = seen.putIfAbsent(record, record);
            return existing == null ? record : existing;
        }
    }
}
