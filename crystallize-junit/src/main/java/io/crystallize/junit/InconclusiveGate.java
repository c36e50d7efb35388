package io.crystallize.junit;

/** What an INCONCLUSIVE verdict does to its test ({@link Constants#INCONCLUSIVE_GATE}). */
enum InconclusiveGate {
    ABORT,
    FAIL
}
