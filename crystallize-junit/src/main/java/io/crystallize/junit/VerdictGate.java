package io.crystallize.junit;

import io.crystallize.base.Names;
import io.crystallize.core.Result;
import io.crystallize.base.RunFailure;
import io.crystallize.hypothesis.HypothesisResult;
import io.crystallize.hypothesis.Verdict;
import io.crystallize.hypothesis.Verdict.Status;
import java.util.List;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Turns a treatment's verdicts (one per metric) into a test outcome. The worst verdict decides:
 * ERROR, then NOT_SUPPORTED, then INCONCLUSIVE; the message lists every metric's verdict.
 */
final class VerdictGate {

    private VerdictGate() {
    }

    static void enforce(String treatment, HypothesisResult hypothesis, Result result, InconclusiveGate gate) {
        List<Verdict> verdicts = hypothesis.verdicts(treatment);
        if (verdicts.isEmpty()) {
            throw new IllegalStateException("hypothesis '" + hypothesis.name() + "' has no verdict for treatment '"
                    + treatment + "'");
        }
        String message = hypothesis.message(treatment);
        if (any(verdicts, Status.ERROR)) {
            throw new HypothesisError(message, runFailure(result, treatment));
        }
        if (any(verdicts, Status.NOT_SUPPORTED)) {
            throw new AssertionFailedError(message);
        }
        if (any(verdicts, Status.INCONCLUSIVE)) {
            if (gate == InconclusiveGate.FAIL) {
                throw new AssertionFailedError(message + "\n(failed because " + Constants.INCONCLUSIVE_GATE + "=fail)");
            }
            throw new TestAbortedException(message);
        }
    }

    private static boolean any(List<Verdict> verdicts, Status status) {
        return verdicts.stream().anyMatch(v -> v.status() == status);
    }

    /** The first failed run of the baseline or the treatment, as the real exception; null when none. */
    private static Throwable runFailure(Result result, String treatment) {
        Throwable first = null;
        for (RunFailure failure : result.errors().values()) {
            if (failure.condition().equals(treatment) || failure.condition().equals(Names.BASELINE)) {
                if (first == null) {
                    first = failure.asThrowable();
                }
            }
        }
        return first;
    }
}
