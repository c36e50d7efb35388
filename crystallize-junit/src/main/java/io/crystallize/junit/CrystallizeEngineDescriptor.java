package io.crystallize.junit;

import java.util.List;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The engine node. Experiments' results are written in the background while the next experiment
 * runs; this node finishes only when all are on disk, and fails, naming each experiment and its
 * version directory, when some could not be written. On platforms without discovery issues it also
 * fails, before any experiment runs, with the errors discovery found.
 */
final class CrystallizeEngineDescriptor extends EngineDescriptor implements Node<ExecutionContext> {

    CrystallizeEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "Crystallize");
    }

    private List<String> discoveryErrors = List.of();

    /** Executing this node fails with {@code errors} (when there are any) before any experiment runs. */
    void failWhenExecuted(List<String> errors) {
        discoveryErrors = List.copyOf(errors);
    }

    boolean discoveryFailed() {
        return !discoveryErrors.isEmpty();
    }

    @Override
    public ExecutionContext before(ExecutionContext context) {
        if (discoveryFailed()) {
            throw new CannotRunException(discoveryErrors);
        }
        return context;
    }

    @Override
    public void after(ExecutionContext context) throws Exception {
        context.configuration().settings().resultWriter().close();
    }

    /**
     * Discovery found why the engine cannot run: errors the platform had no way to report, or the
     * platform itself.
     */
    static final class CannotRunException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CannotRunException(List<String> errors) {
            super(errors.size() == 1 ? errors.get(0)
                    : "crystallize discovery found " + errors.size() + " errors:\n- " + String.join("\n- ", errors));
        }
    }
}
