package io.crystallize.junit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Engine warnings are given once per JVM: Surefire discovers each test class on its own before it
 * runs them all, so a warning about the configuration or the test class path would otherwise
 * repeat once per class.
 */
final class Warnings {

    private static final Set<String> GIVEN = ConcurrentHashMap.newKeySet();

    private Warnings() {
    }

    /** True the first time this JVM sees {@code warning}. */
    static boolean firstTime(String warning) {
        return GIVEN.add(warning);
    }
}
