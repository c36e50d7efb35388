package io.crystallize.junit;

import io.crystallize.fingerprint.RunFingerprints;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestDescriptor;

/**
 * Reads the code each experiment's execution will fingerprint on a background thread, in execution
 * order, while the experiments before it run: in a fresh JVM reading and walking every experiment's
 * class files is the largest single cost of its first pass, and the main thread then finds it done.
 * The fingerprints themselves are unchanged; a failure here is ignored (the execution meets it
 * again, and reports it, when it fingerprints).
 */
final class FingerprintWarmUp {

    private FingerprintWarmUp() {
    }

    /** Starts the thread for the experiments below {@code root}; nothing when there are fewer than two. */
    static void start(TestDescriptor root) {
        List<Class<?>> experiments = new ArrayList<>();
        for (TestDescriptor child : root.getChildren()) {
            if (child instanceof ExperimentDescriptor experiment) {
                experiments.add(experiment.definition().experimentClass());
            }
        }
        if (experiments.size() < 2) {
            return; // the first execution needs its fingerprint at once: nothing to win for one
        }
        Thread thread = new Thread(() -> experiments.forEach(RunFingerprints::prepare), "crystallize-fingerprint-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }
}
